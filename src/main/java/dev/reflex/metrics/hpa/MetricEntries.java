package dev.reflex.metrics.hpa;

import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonObject;

/**
 * The {@code metricValues} entries of a decide document: {@code {type, metric: {name, selector?}, pod?,
 * describedObject?, value | error}}. The spec's own selector object is repeated so a value applies to exactly the
 * spec it was read for, even when two specs share a metric name.
 */
final class MetricEntries {

  private MetricEntries() {
  }

  static JsonObject podValue(HpaMetric.Pods metric, String pod, double value) {
    return base("Pods", metric.name(), metric.selector()).put("pod", pod).put("value", quantity(value));
  }

  static JsonObject objectValue(HpaMetric.ObjectMetric metric, double value) {
    return base("Object", metric.name(), metric.selector()).put("describedObject", metric.describedObject().copy())
        .put("value", quantity(value));
  }

  static JsonObject externalValue(HpaMetric.External metric, double value) {
    return base("External", metric.name(), metric.selector()).put("value", quantity(value));
  }

  /** A failed read of a Pods, Object or External metric; the decision reports {@code error} with its own prefix. */
  static JsonObject error(HpaMetric metric, String error) {
    if (metric instanceof HpaMetric.Pods pods) {
      return base("Pods", pods.name(), pods.selector()).put("error", error);
    }
    if (metric instanceof HpaMetric.ObjectMetric object) {
      return base("Object", object.name(), object.selector()).put("describedObject",
          object.describedObject().copy()).put("error", error);
    }
    HpaMetric.External external = (HpaMetric.External) metric;
    return base("External", external.name(), external.selector()).put("error", error);
  }

  /** How messages name a metric, e.g. {@code pods metric http_qps}. */
  static String describe(HpaMetric metric) {
    if (metric instanceof HpaMetric.Pods pods) {
      return "pods metric " + pods.name();
    }
    if (metric instanceof HpaMetric.ObjectMetric object) {
      return "object metric " + object.name() + " of " + object.kind() + " " + object.objectName();
    }
    if (metric instanceof HpaMetric.External external) {
      return "external metric " + external.name();
    }
    HpaMetric.Resource resource = (HpaMetric.Resource) metric;
    return resource.resource() + " usage" + resource.container().map(c -> " of container " + c).orElse("");
  }

  /**
   * A value in natural units as a quantity in whole milli-units, rounding a fraction up as Kubernetes does:
   * 1.5 → {@code 1500m}, 0.25 cores → {@code 250m}, 104857600 bytes → {@code 104857600}.
   */
  static String quantity(double value) {
    return Quantity.formatDecimal(Quantity.milliOf(value));
  }

  private static JsonObject base(String type, String name, JsonObject selector) {
    JsonObject metric = new JsonObject().put("name", name);
    if (selector != null) {
      metric.put("selector", selector.copy());
    }
    return new JsonObject().put("type", type).put("metric", metric);
  }
}
