package dev.reflex.core.portrait;

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
}
