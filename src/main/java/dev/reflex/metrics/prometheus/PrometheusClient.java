package dev.reflex.metrics.prometheus;

import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQueryException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Non-blocking client of the Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range},
 * {@code /api/v1/series}). Failures are {@link MetricQueryException}s: {@code UNAVAILABLE} when Prometheus cannot be
 * reached, times out or answers 5xx; {@code INVALID} when it rejects the expression (400/422); {@code FAILED} for
 * anything else it answers that cannot be used.
 */
public final class PrometheusClient {

  /** Most points Prometheus returns per series in one range query. */
  public static final int MAX_POINTS = 11_000;

  private final WebClient web;
  private final String address;
  private final long timeoutMillis;

  /**
   * @param address base URL such as {@code http://prometheus-server.prometheus:80} (a path prefix is kept)
   * @param timeout the timeout of one HTTP request
   */
  public PrometheusClient(Vertx vertx, String address, Duration timeout) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("prometheus.address: must not be empty");
    }
    this.address = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) Math.min(timeoutMillis,
        Integer.MAX_VALUE)).setKeepAlive(true));
  }

  public String address() {
    return address;
  }

  /** Evaluates {@code promql} at {@code time} (Prometheus' own now when empty); the result must be a vector. */
  public Future<List<PromResult.Sample>> instant(String promql, Optional<Instant> time) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("query", promql);
    time.ifPresent(t -> form.add("time", seconds(t)));
    return post("/api/v1/query", form, promql).map(data -> parseInstant(data, promql));
  }

  /** Evaluates {@code promql} over {@code [start, end]} at {@code step}; the result must be a matrix. */
  public Future<List<PromResult.Series>> range(String promql, Instant start, Instant end, Duration step) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("query", promql).add("start", seconds(start))
        .add("end", seconds(end)).add("step", seconds(step));
    return post("/api/v1/query_range", form, promql).map(data -> parseRange(data, promql));
  }

  /**
   * {@link #range} over any span: longer than {@link #MAX_POINTS} steps, the range is split into parallel shards
   * (30 days at 60 s = 43,200 steps in 4) merged by label set, because Prometheus refuses more than 11,000 points
   * per series.
   */
  public Future<List<PromResult.Series>> rangeAll(String promql, Instant start, Instant end, Duration step) {
    long stepMs = step.toMillis();
    long spanMs = end.toEpochMilli() - start.toEpochMilli();
    if (spanMs / stepMs < MAX_POINTS) {
      return range(promql, start, end, step);
    }
    List<Future<List<PromResult.Series>>> shards = new ArrayList<>();
    long shardMs = stepMs * MAX_POINTS;
    for (long from = start.toEpochMilli(); from <= end.toEpochMilli(); from += shardMs) {
      long to = Math.min(end.toEpochMilli(), from + shardMs - stepMs);
      shards.add(range(promql, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), step));
    }
    return Future.all(shards).map(all -> {
      Map<Map<String, String>, TreeMap<Long, Double>> merged = new LinkedHashMap<>();
      for (Future<List<PromResult.Series>> shard : shards) {
        for (PromResult.Series s : shard.result()) {
          TreeMap<Long, Double> points = merged.computeIfAbsent(s.labels(), k -> new TreeMap<>());
          s.points().forEach(p -> points.put(p.timestampMillis(), p.value()));
        }
      }
      List<PromResult.Series> out = new ArrayList<>();
      merged.forEach((labels, points) -> out.add(new PromResult.Series(labels, points.entrySet().stream()
          .map(e -> new MetricPoint(e.getKey(), e.getValue())).toList())));
      return out;
    });
  }

  /** The label sets of the series matching {@code selector} with samples in {@code [start, end]}. */
  public Future<List<Map<String, String>>> series(String selector, Instant start, Instant end) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("match[]", selector).add("start", seconds(start))
        .add("end", seconds(end));
    return post("/api/v1/series", form, selector).map(data -> {
      if (!(data instanceof JsonArray array)) {
        throw PrometheusException.failed("series of " + selector + ": expected a list");
      }
      List<Map<String, String>> out = new ArrayList<>();
      for (Object o : array) {
        out.add(labels((JsonObject) o));
      }
      return out;
    });
  }

  /** Releases the HTTP connections. */
  public void close() {
    web.close();
  }

  private Future<Object> post(String path, MultiMap form, String what) {
    return web.postAbs(address + path).timeout(timeoutMillis).sendForm(form)
        .<HttpResponse<Buffer>>transform(ar -> {
          if (ar.failed()) {
            Throwable t = ar.cause();
            String reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return Future.failedFuture(PrometheusException.unavailable(address, reason, t));
          }
          return Future.succeededFuture(ar.result());
        })
        .map(response -> body(response, what));
  }

  private Object body(HttpResponse<Buffer> response, String what) {
    int status = response.statusCode();
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      json = null;
    }
    String error = json == null ? null : json.getString("error");
    if (status >= 500 && status != 422) {
      throw PrometheusException.unavailable(address, "HTTP " + status + (error == null ? "" : ": " + error), null);
    }
    if (status == 400 || status == 422) {
      throw PrometheusException.rejected(what, error == null ? "HTTP " + status : error);
    }
    if (status != 200 || json == null || !"success".equals(json.getString("status"))) {
      throw PrometheusException.failed("HTTP " + status + " from " + address + (error == null ? "" : ": " + error));
    }
    return json.getValue("data");
  }

  private static List<PromResult.Sample> parseInstant(Object data, String promql) {
    JsonObject d = requireObject(data, promql);
    String type = d.getString("resultType");
    List<PromResult.Sample> out = new ArrayList<>();
    if ("scalar".equals(type)) {
      out.add(new PromResult.Sample(Map.of(), point(d.getJsonArray("result"))));
      return out;
    }
    if (!"vector".equals(type)) {
      throw PrometheusException.failed("query " + promql + " returned a " + type + ", not a vector");
    }
    for (Object o : d.getJsonArray("result")) {
      JsonObject element = (JsonObject) o;
      out.add(new PromResult.Sample(labels(element.getJsonObject("metric")), point(element.getJsonArray("value"))));
    }
    return out;
  }

  private static List<PromResult.Series> parseRange(Object data, String promql) {
    JsonObject d = requireObject(data, promql);
    if (!"matrix".equals(d.getString("resultType"))) {
      throw PrometheusException.failed("range query " + promql + " returned a " + d.getString("resultType")
          + ", not a matrix");
    }
    List<PromResult.Series> out = new ArrayList<>();
    for (Object o : d.getJsonArray("result")) {
      JsonObject element = (JsonObject) o;
      List<MetricPoint> points = new ArrayList<>();
      for (Object v : element.getJsonArray("values")) {
        points.add(point((JsonArray) v));
      }
      out.add(new PromResult.Series(labels(element.getJsonObject("metric")), points));
    }
    return out;
  }

  private static JsonObject requireObject(Object data, String promql) {
    if (!(data instanceof JsonObject d)) {
      throw PrometheusException.failed("query " + promql + ": response has no data");
    }
    return d;
  }

  private static Map<String, String> labels(JsonObject metric) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (metric != null) {
      metric.forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return labels;
  }

  // [1698231600.123, "4.5"]: float seconds and the value as a string (NaN, +Inf and -Inf spelled Prometheus' way).
  private static MetricPoint point(JsonArray pair) {
    long millis = Math.round(((Number) pair.getValue(0)).doubleValue() * 1000.0);
    String text = pair.getString(1);
    double value = switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
    return new MetricPoint(millis, value);
  }

  private static String seconds(Instant t) {
    return java.math.BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).toPlainString();
  }

  private static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis()).movePointLeft(3).toPlainString();
  }
}
