package dev.reflex.api.validation;

import dev.reflex.core.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** Checks optional duration fields: Go notation, bounds, and whole seconds where the algorithm needs them. */
final class DurationFields {

  private DurationFields() {
  }

  /**
   * Checks a duration field (absent is fine) against inclusive bounds (either may be null) and returns the
   * duration when present and valid.
   */
  static Optional<Duration> check(Checks checks, String field, String text, Duration min, Duration max,
      boolean wholeSeconds) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<Duration> parsed = GoDuration.tryParse(text);
    if (parsed.isEmpty()) {
      checks.add(field, "\"" + text + "\" is not a duration such as 30s, 5m or 1h30m");
      return Optional.empty();
    }
    Duration d = parsed.get();
    if (min != null && d.compareTo(min) < 0) {
      checks.add(field, "must be at least " + format(min) + ", got " + text);
      return Optional.empty();
    }
    if (max != null && d.compareTo(max) > 0) {
      checks.add(field, "must be at most " + format(max) + ", got " + text);
      return Optional.empty();
    }
    if (wholeSeconds && d.getNano() != 0) {
      checks.add(field, "must be a whole number of seconds, got " + text);
      return Optional.empty();
    }
    return parsed;
  }

  /** Formats a duration the way users write it: 6s, 1m, 1h, 47h59m, 1500ms, 0s. */
  static String format(Duration d) {
    if (d.getNano() != 0) {
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    if (s == 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder(s < 0 ? "-" : "");
    long abs = Math.abs(s);
    if (abs >= 3600) {
      b.append(abs / 3600).append('h');
    }
    if (abs % 3600 >= 60) {
      b.append(abs % 3600 / 60).append('m');
    }
    if (abs % 60 != 0) {
      b.append(abs % 60).append('s');
    }
    return b.toString();
  }
}
