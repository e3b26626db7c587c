package dev.reflex.core.kpa;

import dev.reflex.core.GoDuration;
import java.time.Duration;

/**
 * Typed readers for ConfigMap values. A value is either the ConfigMap's string (parsed with the rules of the Go
 * functions Knative uses: {@code ParseFloat}, {@code ParseInt}, {@code ParseBool}, {@code ParseDuration}) or a
 * JSON number/boolean, so {@code "60s"}, {@code "200.0"}, {@code 200} and {@code true} all work.
 */
final class ConfigValues {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private ConfigValues() {
  }

  static double asDouble(String key, Object value) {
    double parsed;
    if (value instanceof Number number) {
      parsed = number.doubleValue();
    } else if (value instanceof String text) {
      try {
        parsed = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new KpaInputException(key, "\"" + text + "\" is not a number");
      }
    } else {
      throw new KpaInputException(key, "must be a number or a numeric string, was " + describe(value));
    }
    if (!Double.isFinite(parsed)) {
      throw new KpaInputException(key, "must be finite, was " + value);
    }
    return parsed;
  }

  static int asInt32(String key, Object value) {
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
        throw new KpaInputException(key, "must be a 32-bit integer, was " + value);
      }
      return (int) d;
    }
    if (value instanceof String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new KpaInputException(key, "\"" + text + "\" is not a 32-bit integer");
      }
    }
    throw new KpaInputException(key, "must be an integer or an integer string, was " + describe(value));
  }

  static boolean asBool(String key, Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof String text) {
      switch (text.trim()) {
        case "1", "t", "T", "true", "TRUE", "True":
          return true;
        case "0", "f", "F", "false", "FALSE", "False":
          return false;
        default:
          throw new KpaInputException(key, "\"" + text + "\" is not a boolean");
      }
    }
    throw new KpaInputException(key, "must be a boolean or a boolean string, was " + describe(value));
  }

  static String asString(String key, Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new KpaInputException(key, "must be a string, was " + describe(value));
  }

  /**
   * Reads a duration: a Go duration string ({@code "60s"}, {@code "1m30s"}, {@code "1.5h"}, {@code "0"}) or a
   * JSON number of seconds ({@code 60}).
   */
  static Duration asDuration(String key, Object value) {
    if (value instanceof Number number) {
      double seconds = number.doubleValue();
      if (!Double.isFinite(seconds) || Math.abs(seconds) > Long.MAX_VALUE / NANOS_PER_SECOND) {
        throw new KpaInputException(key, "duration out of range: " + value);
      }
      return Duration.ofNanos(Math.round(seconds * NANOS_PER_SECOND));
    }
    if (value instanceof String text) {
      try {
        return GoDuration.parse(text.trim());
      } catch (IllegalArgumentException e) {
        throw new KpaInputException(key, e.getMessage());
      }
    }
    throw new KpaInputException(key, "must be a duration string such as \"60s\" or a number of seconds, was "
        + describe(value));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String kind = value instanceof java.util.Map ? "an object" : value instanceof java.util.List ? "an array"
        : value.getClass().getSimpleName();
    return kind;
  }
}
