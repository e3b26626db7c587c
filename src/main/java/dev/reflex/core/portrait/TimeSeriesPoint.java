package dev.reflex.core.portrait;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One point of a time-series portrait: {@code replicas} from {@code timestamp} until the next point.
 *
 * @param timestamp when the point takes effect (the API carries unix seconds)
 * @param replicas desired online replicas, never negative
 */
public record TimeSeriesPoint(Instant timestamp, int replicas) {

  public TimeSeriesPoint {
    Objects.requireNonNull(timestamp, "timestamp");
    if (replicas < 0) {
      throw new IllegalArgumentException("timeSeries.replicas: must be >= 0, got " + replicas + " at "
          + timestamp);
    }
  }

  /** A point from the API's unix-seconds timestamp. */
  public static TimeSeriesPoint ofEpochSecond(long timestamp, int replicas) {
    if (timestamp < 0) {
      throw new IllegalArgumentException("timeSeries.timestamp: must be >= 0, got " + timestamp);
    }
    return new TimeSeriesPoint(Instant.ofEpochSecond(timestamp), replicas);
  }

  /**
   * Parses one entry of a predictive result's {@code timeSeries} object (key: unix seconds, value: replicas),
   * leniently: integral decimals such as {@code "1698231600.0"} and {@code 3.0} are accepted, because the shipped
   * algorithm job writes its timestamps with float division. Fractional values are rejected.
   *
   * @throws IllegalArgumentException naming {@code timeSeries} and the offending text
   */
  public static TimeSeriesPoint parse(String timestamp, String replicas) {
    long seconds = integral("timeSeries key", timestamp, Long.MAX_VALUE);
    long count = integral("timeSeries[\"" + timestamp + "\"]", replicas, Integer.MAX_VALUE);
    return ofEpochSecond(seconds, (int) count);
  }

  private static long integral(String field, String text, long max) {
    BigDecimal value;
    try {
      value = new BigDecimal(text == null ? "" : text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": not a number: \"" + text + "\"", e);
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(field + ": not a whole number: \"" + text + "\"");
    }
    if (value.compareTo(BigDecimal.valueOf(max)) > 0 || value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw new IllegalArgumentException(field + ": out of range: \"" + text + "\"");
    }
    return value.longValue();
  }
}
