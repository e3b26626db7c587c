package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.Objects;

/**
 * A successful rescale remembered for rate limiting.
 *
 * @param timestamp when it happened
 * @param replicaChange the magnitude of the change, positive for both directions
 */
public record ScaleEvent(Instant timestamp, int replicaChange) {

  public ScaleEvent {
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
