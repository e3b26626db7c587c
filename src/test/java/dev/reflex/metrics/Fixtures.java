package dev.reflex.metrics;

import dev.reflex.core.kpa.Aggregation;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.ScalingMetric;
import java.time.Duration;

/** Shared values for the streamed-metrics tests. */
public final class Fixtures {

  private Fixtures() {
  }

  /**
   * A KPA spec: 10 per pod, panic at 200 %, 60-s stable and 6-s panic windows, scale-up rate 1000, no scale-down
   * delay, scale to zero allowed.
   */
  public static DeciderSpec spec() {
    return new DeciderSpec(ScalingMetric.CONCURRENCY, 10, 10, 0, 2.0, 1000, 2, Duration.ofSeconds(60),
        Duration.ofSeconds(6), Duration.ZERO, 1, 100, 1, 0, 0, true, true, Duration.ofSeconds(30), Duration.ZERO,
        Aggregation.LINEAR);
  }
}
