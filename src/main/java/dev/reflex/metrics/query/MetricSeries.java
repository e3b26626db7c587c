package dev.reflex.metrics.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of one series over a range, oldest first.
 *
 * @param points the points, in time order
 * @param labels the label set of the series
 * @param window the window each value was computed over; present for resource metrics only
 */
public record MetricSeries(List<MetricPoint> points, Map<String, String> labels, Optional<Duration> window) {

  public MetricSeries {
    points = List.copyOf(points);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(window, "window");
  }
}
