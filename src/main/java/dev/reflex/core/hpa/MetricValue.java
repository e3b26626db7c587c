package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * One value fetched for a Pods, Object or External metric, or the error its fetch returned.
 *
 * <p>A value applies to a metric spec of the same source type and metric name; when the value names a selector or
 * a described object it must match the spec's, when it names none it matches any. Pods values carry the pod name;
 * External values matching one spec are summed. A metric spec with no value at all has missing data.
 *
 * @param source Pods, Object or External
 * @param metricName the metric name
 * @param selector the rendered selector (see {@link MetricIdentifier#selector()}), or {@code null} for "any"
 * @param pod the pod of a Pods value, or {@code null}
 * @param describedObject the object of an Object value, or {@code null} for "any"
 * @param value the value in milli-units, {@code null} exactly when {@code error} is set
 * @param error the fetch error's text, or {@code null}
 */
public record MetricValue(MetricSourceType source, String metricName, String selector, String pod,
    ObjectReference describedObject, Long value, String error) {

  public MetricValue {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(metricName, "metricName");
    if ((value == null) == (error == null)) {
      throw new IllegalArgumentException("a metric value has exactly one of value and error");
    }
  }

  /** A value of a Pods metric for one pod. */
  public static MetricValue pod(String metricName, String pod, long value) {
    return new MetricValue(MetricSourceType.PODS, metricName, null, pod, null, value, null);
  }

  /** A value of an Object metric. */
  public static MetricValue object(String metricName, ObjectReference describedObject, long value) {
    return new MetricValue(MetricSourceType.OBJECT, metricName, null, null, describedObject, value, null);
  }

  /** One series of an External metric. */
  public static MetricValue external(String metricName, long value) {
    return new MetricValue(MetricSourceType.EXTERNAL, metricName, null, null, null, value, null);
  }

  /** A failed fetch. */
  public static MetricValue failed(MetricSourceType source, String metricName, String error) {
    return new MetricValue(source, metricName, null, null, null, null, error);
  }

  boolean appliesTo(MetricSourceType specSource, MetricIdentifier metric, ObjectReference specObject) {
    if (source != specSource || !metricName.equals(metric.name())) {
      return false;
    }
    if (selector != null && !selector.equals(metric.selector())) {
      return false;
    }
    return describedObject == null || specObject == null
        || describedObject.kind().equals(specObject.kind()) && describedObject.name().equals(specObject.name());
  }
}
