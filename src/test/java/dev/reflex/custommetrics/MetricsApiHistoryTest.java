package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HPA controller's side of the metrics APIs: the paths it asks (each read back by the server's own grammar to
 * the request it means), the samples it makes of the answers, and the errors it reports.
 */
class MetricsApiHistoryTest {

  record Case(String name, MetricQuery query, String path, MetricsApiRequest parsed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> queries() {
    GroupKind pod = new GroupKind("", "Pod");
    return Stream.of(
        new Case("a Pods metric: every pod of the scale's selector",
            MetricQuery.podsMetric("default", LabelSelector.parse("app=web"), MetricId.of("http_requests")),
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/http_requests?labelSelector=app%3Dweb",
            new MetricsApiRequest.ObjectValues("v1beta2", "pods", pod, Optional.of("default"), Optional.empty(),
                "http_requests", LabelSelector.parse("app=web"), LabelSelector.EVERYTHING)),
        new Case("a Pods metric with a metric selector",
            MetricQuery.podsMetric("default", LabelSelector.parse("app=web"), new MetricId("requests",
                LabelSelector.parse("code in (500,503)"))),
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/requests?labelSelector=app%3Dweb"
                + "&metricLabelSelector=code+in+%28500%2C503%29",
            new MetricsApiRequest.ObjectValues("v1beta2", "pods", pod, Optional.of("default"), Optional.empty(),
                "requests", LabelSelector.parse("app=web"), LabelSelector.parse("code in (500,503)"))),
        new Case("an Object metric of a named Ingress",
            new MetricQuery.ObjectMetric(new GroupKind("networking.k8s.io", "Ingress"), Optional.of("default"),
                Optional.of("main-route"), LabelSelector.EVERYTHING, MetricId.of("requests-per-second")),
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/ingresses.networking.k8s.io/main-route/"
                + "requests-per-second",
            new MetricsApiRequest.ObjectValues("v1beta2", "ingresses.networking.k8s.io", new GroupKind(
                "networking.k8s.io", "Ingress"), Optional.of("default"), Optional.of("main-route"),
                "requests-per-second", LabelSelector.EVERYTHING, LabelSelector.EVERYTHING)),
        new Case("a Namespace's own metric",
            new MetricQuery.ObjectMetric(new GroupKind("", "Namespace"), Optional.empty(), Optional.of("shop"),
                LabelSelector.EVERYTHING, MetricId.of("queue_length")),
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/metrics/queue_length",
            new MetricsApiRequest.ObjectValues("v1beta2", "namespaces", new GroupKind("", "Namespace"),
                Optional.empty(), Optional.of("shop"), "queue_length", LabelSelector.EVERYTHING,
                LabelSelector.EVERYTHING)),
        new Case("an External metric with a series selector",
            new MetricQuery.External(Optional.of("default"), new MetricId("queue_messages_ready",
                LabelSelector.parse("queue=worker_tasks"))),
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_messages_ready"
                + "?labelSelector=queue%3Dworker_tasks",
            new MetricsApiRequest.ExternalValues("v1beta1", "default", "queue_messages_ready",
                LabelSelector.parse("queue=worker_tasks"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void asksThePathTheServerReadsBack(Case c) {
    String path = MetricsApiHistory.pathOf(c.query());
    assertEquals(c.path(), path);
    int q = path.indexOf('?');
    Map<String, String> params = new HashMap<>();
    if (q > 0) {
      for (String pair : path.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    assertEquals(c.parsed(), MetricsApiPaths.parse(q > 0 ? path.substring(0, q) : path, params::get));
  }

  @Test
  void podValuesAreLabelledWithTheirPod() {
    List<String> asked = new ArrayList<>();
    MetricsApiHistory apis = new MetricsApiHistory(path -> {
      asked.add(path);
      return Future.succeededFuture(new JsonObject().put("items", new JsonArray()
          .add(item("web-0", "715700m")).add(item("web-1", "2k"))));
    });
    List<MetricSample> samples = apis.queryLatest(MetricQuery.podsMetric("default", LabelSelector.parse("app=web"),
        MetricId.of("http_requests"))).result();
    assertEquals(1, asked.size());
    assertEquals(List.of(Map.of("pod", "web-0"), Map.of("pod", "web-1")), samples.stream()
        .map(MetricSample::labels).toList());
    assertEquals(List.of(715.7, 2000.0), samples.stream().map(s -> s.point().value()).toList());
    assertEquals(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli(), samples.get(0).point().timestampMillis());
  }

  @Test
  void externalValuesKeepTheirSeriesLabels() {
    MetricsApiHistory apis = new MetricsApiHistory(path -> Future.succeededFuture(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("metricName", "q").put("metricLabels", new JsonObject()
            .put("queue", "a")).put("timestamp", "2026-12-03T10:00:00Z").put("value", "1200")))));
    List<MetricSample> samples = apis.queryLatest(new MetricQuery.External(Optional.of("default"),
        MetricId.of("q"))).result();
    assertEquals(Map.of("queue", "a"), samples.get(0).labels());
    assertEquals(1200.0, samples.get(0).point().value());
  }

  @Test
  void aFailedCallIsWordedAsTheHpaControllerWordsIt() {
    MetricsApiHistory apis = new MetricsApiHistory(path -> Future.failedFuture(new RuntimeException(
        "the server could not find the metric rps for pods")));
    Throwable custom = apis.queryLatest(MetricQuery.podsMetric("default", LabelSelector.EVERYTHING,
        MetricId.of("rps"))).cause();
    assertEquals("unable to fetch metrics from custom metrics API: the server could not find the metric rps for pods",
        custom.getMessage());
    assertEquals(MetricQueryException.Kind.UNAVAILABLE, ((MetricQueryException) custom).kind());
    Throwable external = apis.queryLatest(new MetricQuery.External(Optional.of("default"), MetricId.of("q")))
        .cause();
    assertTrue(external.getMessage().startsWith("unable to fetch metrics from external metrics API: "));
  }

  @Test
  void aMalformedAnswerFailsInsteadOfReadingZero() {
    MetricsApiHistory apis = new MetricsApiHistory(path -> Future.succeededFuture(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("describedObject", new JsonObject().put("name", "web-0"))
            .put("value", "12")))));
    Throwable failure = apis.queryLatest(MetricQuery.podsMetric("default", LabelSelector.EVERYTHING,
        MetricId.of("rps"))).cause();
    assertEquals(MetricQueryException.Kind.FAILED, ((MetricQueryException) failure).kind());
    assertTrue(failure.getMessage().contains("no timestamp"), failure.getMessage());
  }

  @Test
  void resourceQueriesAndRangesAreRefused() {
    MetricsApiHistory apis = new MetricsApiHistory(path -> Future.failedFuture("not called"));
    MetricQuery cpu = new MetricQuery.PodResource("default", MetricQuery.PodPick.named("web-0"), "cpu");
    assertEquals(MetricQueryException.Kind.INVALID, ((MetricQueryException) apis.queryLatest(cpu).cause()).kind());
    MetricQuery rps = MetricQuery.podsMetric("default", LabelSelector.EVERYTHING, MetricId.of("rps"));
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    assertTrue(apis.query(rps, now.minusSeconds(60), now, Duration.ofSeconds(15)).failed());
  }

  private static JsonObject item(String pod, String value) {
    return new JsonObject().put("describedObject", new JsonObject().put("kind", "Pod").put("namespace", "default")
        .put("name", pod).put("apiVersion", "/v1")).put("metric", new JsonObject().put("name", "http_requests"))
        .put("timestamp", "2026-12-03T10:00:00Z").put("value", value);
  }
}
