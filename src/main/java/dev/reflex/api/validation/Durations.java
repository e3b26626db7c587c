package dev.reflex.api.validation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations in the Go notation the Kubernetes API uses ({@code 15s}, {@code 1m30s}, {@code 500ms},
 * {@code 1.5h}). Kapacity's {@code metav1.Duration} fields are written this way, so we accept exactly that: a
 * sequence of decimal numbers each with a unit of ns, us, µs, ms, s, m or h, optionally signed, or a bare 0.
 */
public final class Durations {

  private static final Pattern WHOLE = Pattern.compile("[-+]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private Durations() {
  }

  /** The duration the text denotes, or empty when it is not a Go duration. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.equals("0") || s.equals("+0") || s.equals("-0")) {
      return Optional.of(Duration.ZERO);
    }
    if (!WHOLE.matcher(s).matches()) {
      return Optional.empty();
    }
    boolean negative = s.startsWith("-");
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher m = PART.matcher(s);
    while (m.find()) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
    }
    Duration d = Duration.ofNanos(nanos.longValue());
    return Optional.of(negative ? d.negated() : d);
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
  }
}
