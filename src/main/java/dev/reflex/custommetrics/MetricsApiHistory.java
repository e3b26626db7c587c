package dev.reflex.custommetrics;

import dev.reflex.kube.KubeRest;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import dev.reflex.objects.Quantity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Custom and external metric values read the way kube-controller-manager's HPA controller reads them: through the
 * API server, from whatever serves {@code custom.metrics.k8s.io} (v1beta2) and {@code external.metrics.k8s.io}
 * (v1beta1), be it Reflex itself or prometheus-adapter. The embedded cluster's HPA controller uses it; nothing in
 * Reflex's own decisions relies on it.
 *
 * <p>Samples carry the labels the HPA reader matches on: {@code pod} for a Pods metric, the described object's name
 * for an Object metric, the series' own labels for an External metric. Errors are worded as the HPA controller
 * words them ({@code unable to fetch metrics from custom metrics API: …}). Only latest values exist in these APIs:
 * a range query fails.
 */
public final class MetricsApiHistory implements MetricHistory {

  private static final String CUSTOM = "/apis/" + MetricsApiPaths.CUSTOM + "/v1beta2";
  private static final String EXTERNAL = "/apis/" + MetricsApiPaths.EXTERNAL + "/v1beta1";

  private final Function<String, Future<JsonObject>> get;

  /** @param get a GET on the API server by path and query, answering the decoded JSON object */
  public MetricsApiHistory(Function<String, Future<JsonObject>> get) {
    this.get = get;
  }

  /** Reads through {@code rest}, the client's credentials and TLS included. */
  public static MetricsApiHistory through(KubeRest rest) {
    return new MetricsApiHistory(rest::get);
  }

  @Override
  public Future<List<MetricSample>> queryLatest(MetricQuery query) {
    String path;
    try {
      path = pathOf(query);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(MetricQueryException.invalid(e.getMessage()));
    }
    boolean external = query instanceof MetricQuery.External;
    Future<JsonObject> answer;
    try {
      answer = get.apply(path);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer.recover(e -> Future.failedFuture(unavailable(external, e.getMessage())))
        .compose(list -> {
          try {
            return Future.succeededFuture(samplesOf(query, list));
          } catch (RuntimeException e) {
            return Future.failedFuture(new MetricQueryException(MetricQueryException.Kind.FAILED,
                "unable to fetch metrics from " + apiName(external) + ": malformed answer: " + e.getMessage(), e));
          }
        });
  }

  @Override
  public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
    return Future.failedFuture(MetricQueryException.invalid("the custom and external metrics APIs serve latest "
        + "values only; a range of " + query.typeName() + " values needs Prometheus"));
  }

  /** The API path a query reads, as the HPA controller's metrics client builds it. */
  static String pathOf(MetricQuery query) {
    if (query instanceof MetricQuery.ObjectMetric object) {
      String metric = segment(object.metric().name());
      String metricSelector = object.metric().selector().render();
      if ("Namespace".equals(object.kind().kind()) && object.kind().group().isEmpty()) {
        String namespace = object.name().orElseThrow(() -> new IllegalArgumentException(
            "a Namespace metric names its namespace"));
        return CUSTOM + "/namespaces/" + segment(namespace) + "/metrics/" + metric + query(null, metricSelector);
      }
      String scope = object.namespace().map(ns -> "/namespaces/" + segment(ns)).orElse("");
      String resource = ObjectKinds.resourceOf(object.kind());
      String name = object.name().map(MetricsApiHistory::segment).orElse("*");
      String selector = object.name().isPresent() ? null : object.selector().render();
      return CUSTOM + scope + "/" + resource + "/" + name + "/" + metric + query(selector, metricSelector);
    }
    if (query instanceof MetricQuery.External external) {
      String namespace = external.namespace().orElseThrow(() -> new IllegalArgumentException(
          "an External metric is read in a namespace"));
      return EXTERNAL + "/namespaces/" + segment(namespace) + "/" + segment(external.metric().name())
          + query(external.metric().selector().render(), null);
    }
    throw new IllegalArgumentException(query.typeName() + " queries are not served by the custom and external "
        + "metrics APIs (resource metrics come from metrics.k8s.io)");
  }

  private static List<MetricSample> samplesOf(MetricQuery query, JsonObject list) {
    JsonArray items = list.getJsonArray("items", new JsonArray());
    List<MetricSample> samples = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      MetricPoint point = new MetricPoint(timeOf(item), Quantity.parseMilli(item.getString("value")) / 1000.0);
      Optional<Duration> window = Optional.ofNullable(item.getLong("windowSeconds")).map(Duration::ofSeconds);
      samples.add(new MetricSample(point, labelsOf(query, item), window));
    }
    return samples;
  }

  private static Map<String, String> labelsOf(MetricQuery query, JsonObject item) {
    Map<String, String> labels = new TreeMap<>();
    if (query instanceof MetricQuery.External) {
      item.getJsonObject("metricLabels", new JsonObject()).forEach(e -> labels.put(e.getKey(),
          String.valueOf(e.getValue())));
      return labels;
    }
    String name = item.getJsonObject("describedObject", new JsonObject()).getString("name", "");
    MetricQuery.ObjectMetric object = (MetricQuery.ObjectMetric) query;
    labels.put(object.kind().kind().toLowerCase(Locale.ROOT), name);
    return labels;
  }

  private static long timeOf(JsonObject item) {
    String timestamp = item.getString("timestamp");
    if (timestamp == null) {
      throw new IllegalArgumentException("an item has no timestamp");
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp " + timestamp + " is not RFC 3339");
    }
  }

  private static String query(String labelSelector, String metricSelector) {
    List<String> params = new ArrayList<>();
    if (labelSelector != null && !labelSelector.isEmpty()) {
      params.add("labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8));
    }
    if (metricSelector != null && !metricSelector.isEmpty()) {
      params.add("metricLabelSelector=" + URLEncoder.encode(metricSelector, StandardCharsets.UTF_8));
    }
    return params.isEmpty() ? "" : "?" + String.join("&", params);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String apiName(boolean external) {
    return external ? "external metrics API" : "custom metrics API";
  }

  private static MetricQueryException unavailable(boolean external, String why) {
    return new MetricQueryException(MetricQueryException.Kind.UNAVAILABLE, "unable to fetch metrics from "
        + apiName(external) + ": " + why);
  }

}
