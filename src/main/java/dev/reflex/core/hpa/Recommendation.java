package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.Objects;

/**
 * A raw (unstabilized) replica recommendation remembered for stabilization.
 *
 * @param timestamp when it was made
 * @param replicas the recommended replica count
 */
public record Recommendation(Instant timestamp, int replicas) {

  public Recommendation {
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
