package dev.reflex.metrics.prometheus;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus/Go style durations ({@code 3m}, {@code 1h30m}, {@code 90s}, {@code 500ms}) to {@link Duration}. */
public final class PromDurations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

  private PromDurations() {
  }

  /**
   * Parses a duration made of one or more number-unit parts.
   *
   * @throws IllegalArgumentException naming {@code field}
   */
  public static Duration parse(String text, String field) {
    String t = text == null ? "" : text.trim();
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        case "w" -> Duration.ofDays(7 * n);
        default -> Duration.ofDays(365 * n);
      });
      at = m.end();
    }
    if (t.isEmpty() || at != t.length()) {
      throw new IllegalArgumentException(field + ": not a duration: \"" + text + "\" (e.g. 3m, 1h30m, 500ms)");
    }
    return total;
  }
}
