package dev.reflex.metrics.decider;

import dev.reflex.bus.BusMessage;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import java.time.Instant;
import java.util.List;

/**
 * The state and rules of one streamed decider; single-threaded, every method takes {@code now}.
 *
 * @param <M> what a decision publishes
 */
public interface StreamedEngine<M extends BusMessage> {

  /**
   * Records a batch.
   *
   * @return true when the batch calls for an immediate decision on its target ({@link #decideNow})
   */
  boolean offer(SampleMessage.Batch batch, Instant now);

  /** The decisions a flagged target calls for now; clears the flag. Empty when nothing is flagged. */
  List<M> decideNow(TargetKey target, Instant now);

  /** The periodic pass: what became stale, what is due, what is still flagged. */
  List<M> tick(Instant now);
}
