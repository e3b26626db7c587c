package dev.reflex.metrics.hpa;

import dev.reflex.core.hpa.MetricSourceType;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.ObjectReference;
import dev.reflex.objects.GoLabelSelectorText;
import dev.reflex.objects.HpaObjects;
import dev.reflex.objects.InvalidFieldException;
import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonObject;

/**
 * The values and errors of Pods, Object and External reads as the core's {@link MetricValue}s. Each carries the
 * spec's own metric selector, rendered as the spec reader renders it, so a value applies to exactly the spec it was
 * read for, even when two specs share a metric name.
 */
final class MetricEntries {

  private MetricEntries() {
  }

  static MetricValue podValue(HpaMetric.Pods metric, String pod, double value) {
    return new MetricValue(MetricSourceType.PODS, metric.name(), selector(metric.selector()), pod, null,
        Quantity.milliOf(value), null);
  }

  static MetricValue objectValue(HpaMetric.ObjectMetric metric, double value) {
    return new MetricValue(MetricSourceType.OBJECT, metric.name(), selector(metric.selector()), null,
        described(metric), Quantity.milliOf(value), null);
  }

  static MetricValue externalValue(HpaMetric.External metric, double value) {
    return new MetricValue(MetricSourceType.EXTERNAL, metric.name(), selector(metric.selector()), null, null,
        Quantity.milliOf(value), null);
  }

  /** A failed read of a Pods, Object or External metric; the decision reports {@code error} with its own prefix. */
  static MetricValue error(HpaMetric metric, String error) {
    if (metric instanceof HpaMetric.Pods pods) {
      return new MetricValue(MetricSourceType.PODS, pods.name(), selector(pods.selector()), null, null, null, error);
    }
    if (metric instanceof HpaMetric.ObjectMetric object) {
      return new MetricValue(MetricSourceType.OBJECT, object.name(), selector(object.selector()), null,
          described(object), null, error);
    }
    HpaMetric.External external = (HpaMetric.External) metric;
    return new MetricValue(MetricSourceType.EXTERNAL, external.name(), selector(external.selector()), null, null,
        null, error);
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
   * The spec's selector as the spec reader renders it. One it cannot render makes the spec itself unreadable, and
   * the portrait fails naming that field; its values then carry none.
   */
  private static String selector(JsonObject selector) {
    try {
      return GoLabelSelectorText.render(selector, "metric.selector");
    } catch (InvalidFieldException e) {
      return null;
    }
  }

  private static ObjectReference described(HpaMetric.ObjectMetric metric) {
    return HpaObjects.reference(metric.describedObject(), "describedObject");
  }
}
