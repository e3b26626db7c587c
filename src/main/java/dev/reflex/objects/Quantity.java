package dev.reflex.objects;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1.5k}, {@code 2e3}) to and from whole
 * milli-units, the unit the HPA core computes in. Like Kubernetes' {@code MilliValue()}, a fraction of a milli-unit
 * rounds up: {@code 0.0001} is 1m. Values beyond the {@code long} range saturate.
 */
public final class Quantity {

  private static final Pattern SYNTAX =
      Pattern.compile("([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?");

  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
      Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
      Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
      Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private static final String[] DECIMAL_SUFFIXES = {"m", "", "k", "M", "G", "T", "P", "E"};
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private Quantity() {
  }

  /**
   * Parses a quantity string into milli-units.
   *
   * @throws IllegalArgumentException when {@code text} is not a quantity
   */
  public static long parseMilli(String text) {
    Matcher matcher = SYNTAX.matcher(text.trim());
    if (text.isBlank() || !matcher.matches()) {
      throw new IllegalArgumentException("is not a Kubernetes quantity: \"" + text + "\"");
    }
    if (matcher.group(3) != null && Math.abs(Integer.parseInt(matcher.group(3).substring(1))) > 1000) {
      throw new IllegalArgumentException("is not a Kubernetes quantity: \"" + text + "\"");
    }
    return toMilli(exactValue(matcher));
  }

  /** The exact value of a quantity {@link #SYNTAX} matched: sign, number, then exponent or suffix. */
  private static BigDecimal exactValue(Matcher matcher) {
    BigDecimal value = new BigDecimal(matcher.group(2));
    if (matcher.group(3) != null) {
      value = value.scaleByPowerOfTen(Integer.parseInt(matcher.group(3).substring(1)));
    } else if (matcher.group(4) != null) {
      value = value.multiply(SUFFIXES.get(matcher.group(4)));
    }
    return "-".equals(matcher.group(1)) ? value.negate() : value;
  }

  /**
   * The form kube-apiserver stores a quantity of a built-in object in (Go's {@code Quantity} re-encoded):
   * {@code 1200000m} is {@code 1200}, {@code 0.5} is {@code 500m}, {@code 1024Mi} is {@code 1Gi}, a JSON number
   * {@code 1} is {@code "1"}. Empty where this class's milli-unit arithmetic could not say it exactly (exponent
   * notation, which Go keeps as such; finer than 1m; beyond the long range): such a value is stored as written.
   */
  public static Optional<String> canonical(Object value) {
    BigDecimal exact;
    boolean binary = false;
    if (value instanceof Number number) {
      exact = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    } else if (value instanceof String text) {
      Matcher matcher = SYNTAX.matcher(text.trim());
      if (text.isBlank() || !matcher.matches() || matcher.group(3) != null) {
        return Optional.empty();
      }
      exact = exactValue(matcher);
      binary = matcher.group(4) != null && matcher.group(4).endsWith("i");
    } else {
      return Optional.empty();
    }
    BigDecimal milli = exact.movePointRight(3);
    if (milli.signum() != 0 && milli.stripTrailingZeros().scale() > 0
        || milli.compareTo(LONG_MAX) > 0 || milli.compareTo(LONG_MIN) < 0) {
      return Optional.empty();
    }
    long whole = milli.longValueExact();
    return Optional.of(binary ? formatBinary(whole) : formatDecimal(whole));
  }

  /** A plain number (a JSON number used where a quantity is expected) in milli-units. */
  public static long milliOf(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("is not a finite number");
    }
    return toMilli(new BigDecimal(Double.toString(value)));
  }

  private static long toMilli(BigDecimal value) {
    BigDecimal milli = value.scaleByPowerOfTen(3).setScale(0, RoundingMode.CEILING);
    if (milli.compareTo(LONG_MAX) > 0) {
      return Long.MAX_VALUE;
    }
    if (milli.compareTo(LONG_MIN) < 0) {
      return Long.MIN_VALUE;
    }
    return milli.longValueExact();
  }

  /**
   * The canonical decimal form of {@code milli} milli-units, as Kubernetes prints it: the largest power-of-1000
   * suffix that keeps the number whole. 1500m stays {@code 1500m}, 2000m is {@code 2}, 1200000000m is
   * {@code 1200k}.
   */
  public static String formatDecimal(long milli) {
    if (milli == 0) {
      return "0";
    }
    BigInteger mantissa = BigInteger.valueOf(milli);
    BigInteger thousand = BigInteger.valueOf(1000);
    int index = 0;
    while (index < DECIMAL_SUFFIXES.length - 1) {
      BigInteger[] division = mantissa.divideAndRemainder(thousand);
      if (division[1].signum() != 0) {
        break;
      }
      mantissa = division[0];
      index++;
    }
    return mantissa + DECIMAL_SUFFIXES[index];
  }

  /**
   * The canonical binary form (memory): whole numbers of at least 1024 take the largest power-of-1024 suffix that
   * keeps them whole (2048 → {@code 2Ki}); fractions and small values use the decimal form.
   */
  public static String formatBinary(long milli) {
    if (milli % 1000 != 0 || Math.abs(milli / 1000) < 1024) {
      return formatDecimal(milli);
    }
    long value = milli / 1000;
    int index = 0;
    while (index < BINARY_SUFFIXES.length - 1 && value % 1024 == 0) {
      value /= 1024;
      index++;
    }
    return value + BINARY_SUFFIXES[index];
  }
}
