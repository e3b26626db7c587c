package dev.reflex.config;

import dev.reflex.core.GoDuration;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The types a configuration value can have, each with its own check and conversion. */
public enum ValueKind {
  STRING {
    @Override
    Object convert(String raw) {
      return raw;
    }
  },
  /** A TCP port; 0 lets the operating system choose a free one. */
  PORT {
    @Override
    Object convert(String raw) {
      int port = parseInt(raw);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("a port must be between 0 and 65535");
      }
      return port;
    }
  },
  POSITIVE_INT {
    @Override
    Object convert(String raw) {
      int value = parseInt(raw);
      if (value < 1) {
        throw new IllegalArgumentException("must be at least 1");
      }
      return value;
    }
  },
  NON_NEGATIVE_INT {
    @Override
    Object convert(String raw) {
      int value = parseInt(raw);
      if (value < 0) {
        throw new IllegalArgumentException("must not be negative");
      }
      return value;
    }
  },
  /** A decimal number, at least 0, such as {@code 0.1}. */
  NON_NEGATIVE_NUMBER {
    @Override
    Object convert(String raw) {
      double value;
      try {
        value = Double.parseDouble(raw.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number such as 0.1");
      }
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException("must be a finite number, not negative");
      }
      return value;
    }
  },
  /** {@code true} or {@code false}. */
  BOOLEAN {
    @Override
    Object convert(String raw) {
      String value = raw.trim().toLowerCase(Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException("must be true or false");
      }
      return Boolean.parseBoolean(value);
    }
  },
  /** A Go duration such as {@code 250ms}, {@code 30s}, {@code 5m} or {@code 1h30m}; must not be negative. */
  DURATION {
    @Override
    Object convert(String raw) {
      return parseDuration(raw);
    }
  },
  /**
   * A minute of the hour, {@code MM:SS} from {@code 00:00} to {@code 59:59}, as an optional duration since the
   * top of the hour; empty means none.
   */
  MINUTE_OF_HOUR {
    @Override
    Object convert(String raw) {
      String value = raw.trim();
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (!value.matches("[0-5][0-9]:[0-5][0-9]")) {
        throw new IllegalArgumentException("must be a minute of the hour as MM:SS, such as 29:30, or empty");
      }
      return Optional.of(Duration.ofMinutes(Integer.parseInt(value.substring(0, 2)))
          .plusSeconds(Integer.parseInt(value.substring(3))));
    }
  },
  /** A comma-separated list; blanks are dropped. */
  LIST {
    @Override
    Object convert(String raw) {
      return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  },
  LOG_LEVEL {
    @Override
    Object convert(String raw) {
      String level = raw.trim().toLowerCase(Locale.ROOT);
      if (!LEVELS.contains(level)) {
        throw new IllegalArgumentException("must be one of " + String.join(", ", LEVELS_IN_ORDER));
      }
      return level;
    }
  };

  private static final List<String> LEVELS_IN_ORDER = List.of("trace", "debug", "info", "warn", "error");
  private static final Set<String> LEVELS = Set.copyOf(LEVELS_IN_ORDER);

  /** Converts the raw text, throwing {@link IllegalArgumentException} with a short reason when it is invalid. */
  abstract Object convert(String raw);

  private static int parseInt(String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer");
    }
  }

  /** Reads a Go duration ({@link GoDuration}), refusing negative ones: no setting counts backwards. */
  static Duration parseDuration(String raw) {
    Duration duration;
    try {
      duration = GoDuration.parse(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a duration (use e.g. 500ms, 30s, 5m, 1h30m): " + e.getMessage());
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("must not be negative");
    }
    return duration;
  }
}
