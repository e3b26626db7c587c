package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.Optional;

/**
 * A constant replica count. Zero is a valid value (scale to zero).
 *
 * @param replicas desired online replicas, never negative
 */
public record StaticPortrait(int replicas) implements PortraitData {

  public StaticPortrait {
    if (replicas < 0) {
      throw new IllegalArgumentException("static.replicas: must be >= 0, got " + replicas);
    }
  }

  @Override
  public PortraitReading read(String provider, Instant now) {
    return PortraitReading.of(PortraitValue.of(provider, replicas), Optional.empty(), "static replicas " + replicas);
  }
}
