package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.Optional;

/** A provider that has produced no data yet, such as a Dynamic portrait whose first result is pending. */
public record NoPortraitData() implements PortraitData {

  @Override
  public PortraitReading read(String provider, Instant now) {
    return PortraitReading.none(Optional.empty(), "no portrait data yet");
  }
}
