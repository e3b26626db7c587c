package dev.reflex.metrics.hpa;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Fresh streamed values of one metric, one per pod, in the metric's natural units (cores for cpu, bytes for memory,
 * requests per second for a rate).
 *
 * @param values pod name → value; every value finite and {@code >= 0}
 * @param newest the time of the newest sample behind these values
 */
public record PodValues(Map<String, Double> values, Instant newest) {

  public PodValues {
    values = Map.copyOf(values);
    Objects.requireNonNull(newest, "newest");
    values.forEach((pod, value) -> {
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException("values[" + pod + "]: must be a finite number >= 0, was " + value);
      }
    });
  }
}
