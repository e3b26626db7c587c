package dev.reflex.metrics.query;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest value of one series.
 *
 * @param point the value and its time
 * @param labels the label set of the series (after aggregation, e.g. just {@code pod})
 * @param window the window the value was computed over; present for resource metrics only
 */
public record MetricSample(MetricPoint point, Map<String, String> labels, Optional<Duration> window) {

  public MetricSample {
    Objects.requireNonNull(point, "point");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(window, "window");
  }
}
