package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A predicted replica series (HorizontalPortrait {@code portraitData.timeSeries}).
 *
 * <p>The value at {@code now} is the latest point at or before {@code now}; it expires at the next point. The
 * last point has no end of its own: the provider-level {@code expireTime} bounds it (see
 * {@link PortraitProvider}). Before the first point there is no value, and the reading asks to be woken at the
 * first point. Example: points 4 @ 11:00, 3 @ 11:10, 2 @ 11:20 give no value at 10:59 (wake 11:00), 4 at 11:05
 * (expires and wakes 11:10), 2 at 11:25 (no expiry of its own).
 *
 * @param points the points; sorted here by timestamp, duplicates rejected
 */
public record TimeSeriesPortrait(List<TimeSeriesPoint> points) implements PortraitData {

  public TimeSeriesPortrait {
    List<TimeSeriesPoint> sorted = new ArrayList<>(points);
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("timeSeries.timeSeries: must contain at least one point");
    }
    sorted.sort(Comparator.comparing(TimeSeriesPoint::timestamp));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).timestamp().equals(sorted.get(i - 1).timestamp())) {
        throw new IllegalArgumentException("timeSeries.timeSeries: duplicate timestamp "
            + sorted.get(i).timestamp());
      }
    }
    points = List.copyOf(sorted);
  }

  @Override
  public PortraitReading read(String provider, Instant now) {
    // Binary search for the last point at or before now: series from a predictive job can be long.
    int low = 0;
    int high = points.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (points.get(mid).timestamp().isAfter(now)) {
        high = mid - 1;
      } else {
        found = mid;
        low = mid + 1;
      }
    }
    if (found < 0) {
      Instant first = points.get(0).timestamp();
      return PortraitReading.none(Optional.of(first), "time series starts at " + first);
    }
    TimeSeriesPoint point = points.get(found);
    Optional<Instant> next = found + 1 < points.size()
        ? Optional.of(points.get(found + 1).timestamp())
        : Optional.empty();
    return PortraitReading.of(new PortraitValue(provider, point.replicas(), next), next,
        "time series point at " + point.timestamp());
  }
}
