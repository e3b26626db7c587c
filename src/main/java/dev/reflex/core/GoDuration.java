package dev.reflex.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Durations written as Go's {@code time.ParseDuration} reads them: an optional sign, then one or more decimal
 * numbers each followed by a unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m},
 * {@code h}), or a bare {@code 0}. Examples: {@code 300ms}, {@code -1.5h}, {@code 2h45m}.
 *
 * <p>This is the one parser for every field Kapacity or Knative defines as a Go duration ({@code metav1.Duration}
 * in the IHPA API, Knative's ConfigMap values, Reflex's own settings), so a value that passes validation is read
 * the same way wherever it is used. It follows Go to the letter: no white space, no days, nanosecond resolution
 * with Go's rounding of fractions, the int64 range, and Go's error messages.
 */
public final class GoDuration {

  /** 2^63 as an unsigned 64-bit value: the largest magnitude Go accepts before applying the sign. */
  private static final long TWO_TO_THE_63 = Long.MIN_VALUE;

  private static final Map<String, Long> UNIT_NANOS = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "\u00b5s", 1_000L, // micro sign
      "\u03bcs", 1_000L, // Greek small letter mu
      "ms", 1_000_000L,
      "s", 1_000_000_000L,
      "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);

  private GoDuration() {
  }

  /**
   * Parses Go duration text.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code time: unknown unit "d" in duration "7d"}
   */
  public static Duration parse(String text) {
    String s = text == null ? "" : text;
    int at = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      at = 1;
    }
    if (s.substring(at).equals("0")) {
      return Duration.ZERO;
    }
    if (at == s.length()) {
      throw invalid(s);
    }
    long total = 0; // unsigned, at most 2^63
    while (at < s.length()) {
      char first = s.charAt(at);
      if (first != '.' && !isDigit(first)) {
        throw invalid(s);
      }
      int start = at;
      long whole = 0;
      for (; at < s.length() && isDigit(s.charAt(at)); at++) {
        if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_THE_63, 10)) > 0) {
          throw invalid(s);
        }
        whole = whole * 10 + (s.charAt(at) - '0');
        if (Long.compareUnsigned(whole, TWO_TO_THE_63) > 0) {
          throw invalid(s);
        }
      }
      boolean digitsBefore = at > start;
      long fraction = 0;
      double scale = 1;
      boolean digitsAfter = false;
      if (at < s.length() && s.charAt(at) == '.') {
        at++;
        int fractionStart = at;
        boolean overflow = false;
        for (; at < s.length() && isDigit(s.charAt(at)); at++) {
          // Like Go, digits beyond what 63 bits hold are read but no longer change the value.
          if (overflow || fraction > Long.MAX_VALUE / 10) {
            overflow = true;
            continue;
          }
          long next = fraction * 10 + (s.charAt(at) - '0');
          if (Long.compareUnsigned(next, TWO_TO_THE_63) > 0) {
            overflow = true;
            continue;
          }
          fraction = next;
          scale *= 10;
        }
        digitsAfter = at > fractionStart;
      }
      if (!digitsBefore && !digitsAfter) {
        throw invalid(s);
      }
      int unitStart = at;
      while (at < s.length() && s.charAt(at) != '.' && !isDigit(s.charAt(at))) {
        at++;
      }
      if (at == unitStart) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(s));
      }
      String unitText = s.substring(unitStart, at);
      Long unit = UNIT_NANOS.get(unitText);
      if (unit == null) {
        throw new IllegalArgumentException("time: unknown unit " + quote(unitText) + " in duration " + quote(s));
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_THE_63, unit)) > 0) {
        throw invalid(s);
      }
      long value = whole * unit;
      if (fraction != 0) {
        // Go computes the fractional part in float64, which is exact to the nanosecond for every unit up to h.
        value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
        if (Long.compareUnsigned(value, TWO_TO_THE_63) > 0) {
          throw invalid(s);
        }
      }
      total += value;
      if (Long.compareUnsigned(total, TWO_TO_THE_63) > 0 || Long.compareUnsigned(total, value) < 0) {
        throw invalid(s);
      }
    }
    if (negative) {
      return Duration.ofNanos(-total); // -2^63 wraps onto itself, which is exactly Go's minimum
    }
    if (total == TWO_TO_THE_63) {
      throw invalid(s);
    }
    return Duration.ofNanos(total);
  }

  /**
   * Writes a duration as Go's {@code Duration.String} does for whole milliseconds: {@code 0s}, {@code 250ms},
   * {@code 1.5s}, {@code 10s}, {@code 1m30s}, {@code 2h0m0s}, with a leading {@code -} when negative; what
   * {@link #parse} reads back.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    String sign = duration.isNegative() ? "-" : "";
    long millis = Math.abs(duration.toMillis());
    if (millis < 1000) {
      return sign + millis + "ms";
    }
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    long secondMillis = millis % 60_000;
    StringBuilder b = new StringBuilder(sign);
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    b.append(secondMillis / 1000);
    if (secondMillis % 1000 != 0) {
      b.append('.').append(String.format("%03d", secondMillis % 1000).replaceAll("0+$", ""));
    }
    return b.append('s').toString();
  }

  /** The duration the text denotes, or empty when it is null or not a Go duration. */
  public static Optional<Duration> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The unsigned 64-bit value as the nearest double, as Go's float64 conversion gives it. */
  private static double unsignedToDouble(long value) {
    return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration " + quote(text));
  }

  /**
   * Quotes as Go's time package does in its errors: double quotes, backslash before {@code "} and {@code \}, and
   * every byte of a control or non-ASCII character's UTF-8 encoding written as {@code \xNN}.
   */
  static String quote(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(c -> {
      if (c < ' ' || c >= 0x80) {
        for (byte part : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          b.append(String.format("\\x%02x", part & 0xff));
        }
      } else {
        if (c == '"' || c == '\\') {
          b.append('\\');
        }
        b.appendCodePoint(c);
      }
    });
    return b.append('"').toString();
  }
}
