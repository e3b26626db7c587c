package dev.reflex.metrics.hpa;

import dev.reflex.core.GoDuration;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.objects.Quantity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the usage of one Resource or ContainerResource metric from streamed values, Prometheus or metrics.k8s.io. */
final class ResourceReads {

  /** The window of streamed values: they are per-second samples. */
  static final Duration STREAMED_WINDOW = Duration.ofSeconds(1);
  /** The window reported for Prometheus values when the rules do not configure {@code resourceRules.window}. */
  static final Duration PROMETHEUS_WINDOW = Duration.ofMinutes(1);

  private ResourceReads() {
  }

  /** Whole-pod usage from streamed values, restricted to the selected pods. */
  static ResourceUsage streamed(HpaMetric.Resource metric, PodValues values, ReadContext context) {
    Map<String, Reading> byPod = new HashMap<>();
    values.values().forEach((pod, value) -> {
      if (context.pods().contains(pod)) {
        byPod.put(pod, new Reading(Quantity.milliOf(value), values.newest(), STREAMED_WINDOW));
      }
    });
    return new ResourceUsage(metric, byPod, List.of());
  }

  /** Usage per pod (or of the named container) from Prometheus, one query for all selected pods. */
  static Future<ResourceUsage> prometheus(HpaMetric.Resource metric, MetricHistory history, ReadContext context) {
    String what = MetricEntries.describe(metric);
    if (context.pods().isEmpty()) {
      return Future.succeededFuture(new ResourceUsage(metric, Map.of(), List.of()));
    }
    MetricQuery query;
    try {
      query = metric.container().<MetricQuery>map(c -> new MetricQuery.ContainerResource(context.namespace(),
          context.pick(), metric.resource(), c)).orElseGet(() -> new MetricQuery.PodResource(context.namespace(),
          context.pick(), metric.resource()));
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(ResourceUsage.failed(metric, "cannot query " + what + ": " + e.getMessage()));
    }
    return history.queryLatest(query).map(samples -> fromSamples(metric, samples, context))
        .otherwise(e -> ResourceUsage.failed(metric, "reading " + what + " from Prometheus failed: "
            + e.getMessage()));
  }

  private static ResourceUsage fromSamples(HpaMetric.Resource metric, List<MetricSample> samples,
      ReadContext context) {
    String what = MetricEntries.describe(metric);
    Map<String, Reading> byPod = new HashMap<>();
    List<String> errors = new ArrayList<>();
    for (MetricSample sample : samples) {
      String pod = context.podOf(sample.labels());
      if (pod == null) {
        continue;
      }
      double value = sample.point().value();
      if (!Double.isFinite(value) || value < 0) {
        errors.add("Prometheus returned " + value + " as " + what + " of pod " + pod + " (left out)");
        continue;
      }
      byPod.put(pod, new Reading(Quantity.milliOf(value), Instant.ofEpochMilli(sample.point().timestampMillis()),
          sample.window().orElse(PROMETHEUS_WINDOW)));
    }
    if (byPod.isEmpty() && errors.isEmpty()) {
      errors.add("Prometheus returned no " + what + " for the selected pods");
    }
    return new ResourceUsage(metric, byPod, errors);
  }

  /** Usage from metrics.k8s.io PodMetrics items (fetched once per read and shared by all resource metrics). */
  static Future<ResourceUsage> metricsServer(HpaMetric.Resource metric, Future<JsonArray> items,
      ReadContext context) {
    String what = MetricEntries.describe(metric);
    return items.map(list -> fromItems(metric, list, context)).otherwise(e -> ResourceUsage.failed(metric,
        "reading " + what + " from metrics.k8s.io failed: " + e.getMessage()));
  }

  private static ResourceUsage fromItems(HpaMetric.Resource metric, JsonArray items, ReadContext context) {
    Map<String, Reading> byPod = new HashMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        JsonObject item = items.getJsonObject(i);
        String pod = item.getJsonObject("metadata").getString("name");
        if (!context.pods().contains(pod)) {
          continue;
        }
        Long milli = usage(item.getJsonArray("containers", new JsonArray()), metric);
        if (milli != null) {
          byPod.put(pod, new Reading(milli, OffsetDateTime.parse(item.getString("timestamp")).toInstant(),
              item.containsKey("window") ? GoDuration.parse(item.getString("window")) : PROMETHEUS_WINDOW));
        }
      } catch (RuntimeException e) {
        errors.add("metrics.k8s.io item " + i + " is malformed (left out): " + e.getMessage());
      }
    }
    return new ResourceUsage(metric, byPod, errors);
  }

  /**
   * The pod's usage: the sum over containers for a Resource metric (none when a container lacks the resource, as
   * the decision would rule), or the named container's.
   */
  private static Long usage(JsonArray containers, HpaMetric.Resource metric) {
    long sum = 0;
    for (int c = 0; c < containers.size(); c++) {
      JsonObject container = containers.getJsonObject(c);
      String value = container.getJsonObject("usage", new JsonObject()).getString(metric.resource());
      if (metric.container().isPresent()) {
        if (metric.container().get().equals(container.getString("name"))) {
          return value == null ? null : Quantity.parseMilli(value);
        }
        continue;
      }
      if (value == null) {
        return null;
      }
      sum += Quantity.parseMilli(value);
    }
    return metric.container().isPresent() || containers.isEmpty() ? null : sum;
  }
}
