package dev.reflex.core.kpa;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of the revision-total metric (concurrency or requests per second summed over the revision's
 * pods, as Knative's collector reports it each second).
 *
 * @param time when it was observed; it lands in the bucket of its whole second
 * @param value the revision total; finite
 */
public record Sample(Instant time, double value) {

  public Sample {
    Objects.requireNonNull(time, "time");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("sample value must be finite, was " + value);
    }
  }
}
