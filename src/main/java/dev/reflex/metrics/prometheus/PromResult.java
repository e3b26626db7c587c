package dev.reflex.metrics.prometheus;

import dev.reflex.metrics.query.MetricPoint;
import java.util.List;
import java.util.Map;

/** Plain results of the Prometheus HTTP API. */
public final class PromResult {

  private PromResult() {
  }

  /**
   * One element of an instant vector.
   *
   * @param labels the series labels
   * @param point the value and its time
   */
  public record Sample(Map<String, String> labels, MetricPoint point) {
    public Sample {
      labels = Map.copyOf(labels);
    }
  }

  /**
   * One series of a range matrix.
   *
   * @param labels the series labels
   * @param points the points, oldest first
   */
  public record Series(Map<String, String> labels, List<MetricPoint> points) {
    public Series {
      labels = Map.copyOf(labels);
      points = List.copyOf(points);
    }
  }
}
