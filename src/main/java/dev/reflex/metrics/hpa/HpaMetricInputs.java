package dev.reflex.metrics.hpa;

import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * The metric part of a KubeHPA decide document.
 *
 * @param podMetrics the {@code podMetrics} array: metrics.k8s.io PodMetrics items, one per pod with usage
 * @param metricValues the {@code metricValues} array: Pods, Object and External values or errors
 * @param resourceErrors why Resource or ContainerResource usage could not be read, for messages: the document has no
 *     place for them (the decision sees those pods as missing, and a metric without any usage fails)
 */
public record HpaMetricInputs(JsonArray podMetrics, JsonArray metricValues, List<String> resourceErrors) {

  public HpaMetricInputs {
    podMetrics = podMetrics.copy();
    metricValues = metricValues.copy();
    resourceErrors = List.copyOf(resourceErrors);
  }

  /** A copy, so the caller may put it into a document and change it. */
  @Override
  public JsonArray podMetrics() {
    return podMetrics.copy();
  }

  /** A copy, so the caller may put it into a document and change it. */
  @Override
  public JsonArray metricValues() {
    return metricValues.copy();
  }
}
