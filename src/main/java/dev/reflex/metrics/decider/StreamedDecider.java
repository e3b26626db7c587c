package dev.reflex.metrics.decider;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.BusMessage;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link StreamedEngine} on its own context: consumes {@link SampleMessage.Batch}es from
 * {@code reflex.metrics.sample} and publishes the engine's decisions on one address.
 *
 * <p>Immediate decisions are coalesced per target: the first batch that asks for one schedules a flush on this
 * context, so batches already queued behind it land in the same decision. A periodic timer of the decision interval
 * runs the engine's {@link StreamedEngine#tick}.
 *
 * <p>Subclasses change the engine's registrations through {@link #onContext}, from any thread, before or after
 * deployment.
 *
 * @param <M> what a decision publishes
 */
public abstract class StreamedDecider<M extends BusMessage> extends VerticleBase {

  private final StreamedEngine<M> engine;
  private final String address;
  private final Duration interval;
  private final Set<TargetKey> urgent = new LinkedHashSet<>();
  private final List<Runnable> beforeStart = new ArrayList<>();
  private final Clock clock;
  private volatile Context ctx;
  private MessageConsumer<SampleMessage> consumer;
  private long timer = -1;
  private boolean flushScheduled;

  /**
   * @param engine the rules, touched only on this verticle's context once deployed
   * @param address where decisions are published
   * @param interval the period of {@link StreamedEngine#tick}
   * @param clock the time given to the engine
   */
  protected StreamedDecider(StreamedEngine<M> engine, String address, Duration interval, Clock clock) {
    this.engine = engine;
    this.address = address;
    this.interval = interval;
    this.clock = clock;
  }

  /** The time the engine is given. */
  protected final Clock clock() {
    return clock;
  }

  /**
   * Runs an action on the engine's context; before deployment it is kept and run at start.
   *
   * @return completes once the action ran
   */
  protected final synchronized Future<Void> onContext(Runnable action) {
    Context c = ctx;
    if (c == null) {
      beforeStart.add(action);
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    c.runOnContext(v -> {
      action.run();
      done.complete();
    });
    return done.future();
  }

  /** Called on this context for every decision, before it is published. */
  protected void published(M decision) {
  }

  @Override
  public Future<?> start() {
    synchronized (this) {
      beforeStart.forEach(Runnable::run);
      beforeStart.clear();
      ctx = context;
    }
    consumer = vertx.eventBus().localConsumer(Addresses.METRICS_SAMPLE, msg -> {
      if (msg.body() instanceof SampleMessage.Batch batch && engine.offer(batch, clock.instant())) {
        urgent.add(batch.target());
        if (!flushScheduled) {
          flushScheduled = true;
          context.runOnContext(v -> flush());
        }
      }
    });
    timer = vertx.setPeriodic(interval.toMillis(), id -> engine.tick(clock.instant()).forEach(this::publish));
    return consumer.completion();
  }

  private void flush() {
    flushScheduled = false;
    List<TargetKey> due = new ArrayList<>(urgent);
    urgent.clear();
    for (TargetKey key : due) {
      engine.decideNow(key, clock.instant()).forEach(this::publish);
    }
  }

  private void publish(M decision) {
    published(decision);
    vertx.eventBus().publish(address, decision);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
