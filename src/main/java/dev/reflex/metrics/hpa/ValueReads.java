package dev.reflex.metrics.hpa;

import dev.reflex.core.hpa.MetricValue;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricSample;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one Pods, Object or External metric from Prometheus or the metrics APIs into {@code metricValues} entries.
 * Whatever goes wrong becomes one error entry naming the metric, which the decision reports as the HPA does a
 * failed metric.
 */
final class ValueReads {

  private ValueReads() {
  }

  /** Pods values from streamed samples, restricted to the selected pods. */
  static List<MetricValue> streamed(HpaMetric.Pods metric, PodValues values, ReadContext context) {
    List<MetricValue> entries = new ArrayList<>();
    values.values().entrySet().stream().filter(e -> context.pods().contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> entries.add(MetricEntries.podValue(metric, e.getKey(), e.getValue())));
    return entries;
  }

  static Future<List<MetricValue>> fromHistory(HpaMetric metric, MetricHistory history, ValueSource source,
      ReadContext context) {
    MetricQuery query;
    try {
      query = query(metric, context);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(List.of(MetricEntries.error(metric, "cannot query "
          + MetricEntries.describe(metric) + ": " + e.getMessage())));
    }
    return history.queryLatest(query).map(samples -> entries(metric, samples, source, context))
        .otherwise(e -> List.of(MetricEntries.error(metric, source.failure(MetricEntries.describe(metric),
            e.getMessage()))));
  }

  private static MetricQuery query(HpaMetric metric, ReadContext context) {
    if (metric instanceof HpaMetric.Pods pods) {
      return MetricQuery.podsMetric(context.namespace(), context.podSelector(), id(pods.name(), pods.selector()));
    }
    if (metric instanceof HpaMetric.ObjectMetric object) {
      GroupKind kind = object.kind();
      // A Namespace is cluster-scoped: its metrics carry no namespace of their own to match.
      boolean clusterScoped = kind.group().isEmpty() && "Namespace".equals(kind.kind());
      return new MetricQuery.ObjectMetric(kind, clusterScoped ? Optional.empty() : Optional.of(context.namespace()),
          Optional.of(object.objectName()), LabelSelector.EVERYTHING, id(object.name(), object.selector()));
    }
    HpaMetric.External external = (HpaMetric.External) metric;
    return new MetricQuery.External(Optional.of(context.namespace()), id(external.name(), external.selector()));
  }

  private static MetricId id(String name, JsonObject selector) {
    return new MetricId(name, LabelSelector.fromLabelSelectorJson(selector, "metric.selector"));
  }

  private static List<MetricValue> entries(HpaMetric metric, List<MetricSample> samples, ValueSource source,
      ReadContext context) {
    String what = MetricEntries.describe(metric);
    for (MetricSample sample : samples) {
      double value = sample.point().value();
      if (!Double.isFinite(value) || value < 0) {
        return List.of(MetricEntries.error(metric, source.displayName() + " returned " + value + " for " + what + " "
            + sample.labels() + " (values must be finite and >= 0)"));
      }
    }
    if (metric instanceof HpaMetric.Pods pods) {
      List<MetricValue> entries = new ArrayList<>();
      samples.stream().filter(s -> context.podOf(s.labels()) != null)
          .sorted(Comparator.comparing(s -> context.podOf(s.labels())))
          .forEach(s -> entries.add(MetricEntries.podValue(pods, context.podOf(s.labels()), s.point().value())));
      return entries.isEmpty() ? List.of(MetricEntries.error(metric, source.displayName() + " returned no " + what
          + " for the selected pods")) : entries;
    }
    if (metric instanceof HpaMetric.ObjectMetric object) {
      Optional<MetricSample> sample = samples.size() == 1 ? Optional.of(samples.get(0)) : samples.stream()
          .filter(s -> s.labels().containsValue(object.objectName())).findFirst();
      return List.of(sample.map(s -> MetricEntries.objectValue(object, s.point().value()))
          .orElseGet(() -> MetricEntries.error(metric, source.displayName() + " returned "
              + (samples.isEmpty() ? "no value"
              : samples.size() + " series, none labelled " + object.objectName() + ",") + " for " + what)));
    }
    HpaMetric.External external = (HpaMetric.External) metric;
    if (samples.isEmpty()) {
      return List.of(MetricEntries.error(metric, source.displayName() + " returned no series for " + what));
    }
    return samples.stream().map(s -> MetricEntries.externalValue(external, s.point().value())).toList();
  }
}
