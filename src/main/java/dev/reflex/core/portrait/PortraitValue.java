package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider's desired online replica count for an instant, shaped like the IHPA status field
 * {@code HorizontalPortraitValue}.
 *
 * @param provider the provider identifier, such as {@code Static}, {@code Cron} or {@code Dynamic-Predictive}
 * @param replicas desired online replicas, never negative
 * @param expireTime the instant after which the value no longer holds, if it has one
 */
public record PortraitValue(String provider, int replicas, Optional<Instant> expireTime) {

  public PortraitValue {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(expireTime, "expireTime");
    if (provider.isBlank()) {
      throw new IllegalArgumentException("provider: must not be blank");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: must be >= 0, got " + replicas);
    }
  }

  /** A value without an expiry. */
  public static PortraitValue of(String provider, int replicas) {
    return new PortraitValue(provider, replicas, Optional.empty());
  }

  /**
   * Whether two values ask for the same thing: same provider and replicas. The expiry is left out on purpose:
   * a time-series value's expiry moves with every point even when the replica count does not, and treating that
   * as a new portrait would restart gray plans for nothing.
   */
  public boolean sameDesire(PortraitValue other) {
    return other != null && provider.equals(other.provider) && replicas == other.replicas;
  }

  /** Whether the value still holds at {@code now}: it has no expiry or {@code now} is before it. */
  public boolean isValidAt(Instant now) {
    return expireTime.map(now::isBefore).orElse(true);
  }
}
