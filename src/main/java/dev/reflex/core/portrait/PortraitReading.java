package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a portrait says at one instant: its value, if it has a valid one, and the next instant at which the
 * answer may change, so that a controller can arm a timer for exactly that instant instead of polling.
 *
 * @param value the value in force, empty when the portrait has nothing valid now
 * @param wakeAt the next instant the reading may change; empty when it never changes by itself
 * @param detail a short human-readable explanation for status messages and events, such as
 *     {@code cron rule "cron-1" active}
 */
public record PortraitReading(Optional<PortraitValue> value, Optional<Instant> wakeAt, String detail) {

  public PortraitReading {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(wakeAt, "wakeAt");
    Objects.requireNonNull(detail, "detail");
  }

  /** A reading with a value. */
  public static PortraitReading of(PortraitValue value, Optional<Instant> wakeAt, String detail) {
    return new PortraitReading(Optional.of(value), wakeAt, detail);
  }

  /** A reading without a value. */
  public static PortraitReading none(Optional<Instant> wakeAt, String detail) {
    return new PortraitReading(Optional.empty(), wakeAt, detail);
  }

  /** Whether a value is in force. */
  public boolean hasValue() {
    return value.isPresent();
  }

  /** The earlier of two optional instants; empty only when both are. */
  static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }
}
