package dev.reflex.metrics.prometheus;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Prometheus' own notation ({@code model.Duration}), for the places where Prometheus syntax is the
 * contract, such as prometheus-adapter's {@code resourceRules.window}. Unlike Go durations it has days, weeks and
 * years (365 days), but only whole numbers, each unit at most once and from the largest to the smallest
 * ({@code 1d12h}, never {@code 12h1d}), and a bare {@code 0}. Everything Kapacity defines as a Go duration is read
 * with {@link dev.reflex.core.GoDuration} instead.
 */
public final class PromDurations {

  private static final Pattern GRAMMAR = Pattern.compile(
      "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

  /** Milliseconds per unit, in the order of the pattern's groups. */
  private static final List<Long> UNIT_MILLIS = List.of(365 * 86_400_000L, 7 * 86_400_000L, 86_400_000L,
      3_600_000L, 60_000L, 1_000L, 1L);

  private PromDurations() {
  }

  /**
   * Parses a Prometheus duration.
   *
   * @throws IllegalArgumentException naming {@code field}, with Prometheus' reason
   */
  public static Duration parse(String text, String field) {
    String t = text == null ? "" : text;
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException(field + ": empty duration string");
    }
    Matcher m = GRAMMAR.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(field + ": not a valid duration string: \"" + t + "\"");
    }
    long millis = 0;
    try {
      for (int unit = 0; unit < UNIT_MILLIS.size(); unit++) {
        String digits = m.group(unit + 1);
        if (digits != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(digits), UNIT_MILLIS.get(unit)));
        }
      }
      // The value must fit Go's time.Duration, nanoseconds in an int64.
      Math.multiplyExact(millis, 1_000_000L);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(field + ": duration out of range: \"" + t + "\"");
    }
    return Duration.ofMillis(millis);
  }
}
