package dev.reflex.taps;

import dev.reflex.bus.BusMessage;
import io.vertx.core.Context;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One tap client's buffer. {@link #offer} is called on producers' threads and never blocks: a full buffer drops the
 * message and counts it. Draining runs on the client's own context.
 */
final class TapSubscription {

  private final ArrayBlockingQueue<BusMessage> buffer;
  private final String targetFilter;
  private final Context context;
  private final Runnable drain;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final Consumer<Long> onDrop;

  /**
   * @param capacity buffer size
   * @param targetFilter {@code namespace/name} to keep, or null for all
   * @param context the client's context, where {@code drain} runs
   * @param drain writes buffered messages out; called on {@code context}
   * @param onDrop told the number of newly dropped messages (for metrics)
   */
  TapSubscription(int capacity, String targetFilter, Context context, Runnable drain, Consumer<Long> onDrop) {
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.targetFilter = targetFilter;
    this.context = context;
    this.drain = drain;
    this.onDrop = onDrop;
  }

  void offer(BusMessage message) {
    if (targetFilter != null && !targetFilter.equals(message.target().toString())) {
      return;
    }
    if (!buffer.offer(message)) {
      dropped.incrementAndGet();
      onDrop.accept(1L);
    }
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        drainScheduled.set(false);
        drain.run();
      });
    }
  }

  BusMessage poll() {
    return buffer.poll();
  }

  /** Drops since the last call, so the stream can report them once. */
  long takeDropped() {
    return dropped.getAndSet(0);
  }
}
