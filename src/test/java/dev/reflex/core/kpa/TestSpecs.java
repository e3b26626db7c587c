package dev.reflex.core.kpa;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** Builders for decider specs and states used by the KPA tests. */
final class TestSpecs {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private TestSpecs() {
  }

  /** A mutable spec builder; {@link #build()} validates through the record. */
  static final class Spec {
    ScalingMetric metric = ScalingMetric.CONCURRENCY;
    double targetValue = 10;
    double totalValue = 20;
    double tbc = 0;
    double panicThreshold = 2.0;
    double maxUp = 1000;
    double maxDown = 2;
    int stableSeconds = 60;
    int panicSeconds = 6;
    int delaySeconds = 0;
    int activationScale = 1;
    double activatorCapacity = 100;
    int initialScale = 1;
    int minScale = 0;
    int maxScale = 0;
    boolean reachable = true;
    boolean scaleToZero = true;
    int graceSeconds = 30;
    int retentionSeconds = 0;
    Aggregation aggregation = Aggregation.LINEAR;

    DeciderSpec build() {
      return new DeciderSpec(metric, targetValue, totalValue, tbc, panicThreshold, maxUp, maxDown,
          Duration.ofSeconds(stableSeconds), Duration.ofSeconds(panicSeconds), Duration.ofSeconds(delaySeconds),
          activationScale, activatorCapacity, initialScale, minScale, maxScale, reachable, scaleToZero,
          Duration.ofSeconds(graceSeconds), Duration.ofSeconds(retentionSeconds), aggregation);
    }
  }

  static DeciderSpec spec(UnaryOperator<Spec> change) {
    return change.apply(new Spec()).build();
  }

  static DeciderSpec spec() {
    return new Spec().build();
  }

  /** A calm, initialized, long-active state (no panic, no windows). */
  static KpaState calm(Instant now) {
    return new KpaState(null, 0, null, null, null, KpaState.Activity.ACTIVE, now.minusSeconds(3600), true);
  }

  /** A panicking state that started (or was last extended) {@code ago} seconds before now. */
  static KpaState panicking(Instant now, int ago, int maxPanicPods) {
    return new KpaState(now.minusSeconds(ago), maxPanicPods, null, null, null, KpaState.Activity.ACTIVE,
        now.minusSeconds(3600), true);
  }

  static KpaState activity(Instant now, KpaState.Activity activity, int sinceSecondsAgo) {
    return new KpaState(null, 0, null, null, null, activity, now.minusSeconds(sinceSecondsAgo), true);
  }
}
