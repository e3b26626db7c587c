package dev.reflex.metrics.hpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.PodMetric;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.prometheus.AdapterConfig;
import dev.reflex.metrics.prometheus.AdapterConfigParser;
import dev.reflex.metrics.prometheus.ObjectLister;
import dev.reflex.metrics.prometheus.PrometheusClient;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.testing.PrometheusTestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader on a real Prometheus: a Pods metric through a rule in the style of the custom-metric QPS walkthrough
 * (Actuator's {@code http_server_requests_seconds_count}, as a per-pod rate named {@code http_qps}) and Resource cpu
 * through the shipped resource rules give the per-pod values written, and the KubeHPA core decides on them.
 *
 * <p>StatefulSet {@code api} in namespace {@code hpa}: pod {@code api-0} serves 2 requests/s and uses 0.3 cores,
 * {@code api-1} serves 1 request/s and uses 0.1 cores (plus a pause container the cpu rule leaves out).
 */
class HpaMetricReaderPrometheusTest {

  static final String NS = "hpa";
  static final List<String> PODS = List.of("api-0", "api-1");
  static final Duration SCRAPE = Duration.ofSeconds(15);
  static final String QPS_RULE = """
      rules:
      - seriesQuery: 'http_server_requests_seconds_count{namespace!="",pod!=""}'
        name: {matches: ^(.*)_server_requests_seconds_count$, as: '${1}_qps'}
        resources: {template: <<.Resource>>}
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)
      """;

  static PrometheusTestServer prometheus;
  static Vertx vertx;
  static HpaMetricReader reader;

  @BeforeAll
  static void start() throws Exception {
    PrometheusTestServer.requireBinary();
    prometheus = PrometheusTestServer.start();
    prometheus.write(data(Instant.now()));
    vertx = Vertx.vertx();
    AdapterConfig shipped = AdapterConfigParser.parseFile(Path.of("conf/prometheus-metrics-config.yaml"));
    AdapterConfig config = new AdapterConfig(shipped.resourceRules(),
        AdapterConfigParser.parse(QPS_RULE, "test rule").rules(), List.of(), List.of());
    ObjectLister pods = (kind, namespace, selector) -> Future.succeededFuture(kind.kind().equals("Pod")
        && selector.equals(LabelSelector.parse("app=api", "s")) ? PODS : List.of());
    PrometheusMetricHistory history = new PrometheusMetricHistory(new PrometheusClient(vertx, prometheus.address(),
        Duration.ofSeconds(5)), config, pods, Clock.systemUTC());
    reader = new HpaMetricReader(history, true, (ns, selector) -> Future.failedFuture(
        new AssertionError("metrics.k8s.io must not be asked when Prometheus is configured")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await();
    }
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void podsQpsAndCpuComeOutPerPodAndDecideTheReplicas() throws Exception {
    Instant now = Instant.now();
    JsonArray specs = Specs.of(Specs.pods("http_qps", null, "1"), Specs.resource("cpu", 50));
    HpaMetricInputs inputs = reader.read(NS, specs, "app=api", PODS, StreamedPodValues.NONE, now)
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertEquals(List.of(), inputs.resourceErrors());
    Map<String, Long> qps = new TreeMap<>();
    for (MetricValue entry : inputs.metricValues()) {
      assertEquals("http_qps", entry.metricName(), entry::toString);
      qps.put(entry.pod(), entry.value());
    }
    assertEquals(PODS, List.copyOf(qps.keySet()), inputs.metricValues()::toString);
    assertMilli(2000, qps.get("api-0"), "qps of api-0");
    assertMilli(1000, qps.get("api-1"), "qps of api-1");

    Map<String, Long> cpu = new HashMap<>();
    for (PodMetric item : inputs.podMetrics()) {
      assertEquals(Duration.ofMinutes(3), item.window(), item::toString);
      assertTrue(!item.timestamp().isAfter(now), item::toString);
      cpu.put(item.podName(), item.containers().get(0).usage().get("cpu"));
    }
    assertMilli(300, cpu.get("api-0"), "cpu of api-0 without its pause container");
    assertMilli(100, cpu.get("api-1"), "cpu of api-1");

    // QPS (2 + 1) / 2 = 1.5 against 1 → 3; cpu 400m of 400m requested = 100 % against 50 % → 4; the max wins.
    HpaDecision both = PortraitDecisions.decide(NS, specs, PODS, inputs, now);
    assertEquals(4, both.desiredReplicas(), both::toString);
    JsonArray qpsOnly = Specs.of(specs.getJsonObject(0));
    HpaDecision pods = PortraitDecisions.decide(NS, qpsOnly, PODS, inputs, now);
    assertEquals(3, pods.desiredReplicas(), pods::toString);
  }

  /** Rates are computed from scraped counters; allow a few milli-units of extrapolation and rounding. */
  static void assertMilli(long expected, Long actual, String what) {
    assertTrue(actual != null && Math.abs(actual - expected) <= 3, what + ": expected ~" + expected + "m, was "
        + actual + "m");
  }

  /** Two hours of counters up to ten minutes past {@code now}, so a rate at Prometheus' "now" has a full window. */
  static WriteRequest data(Instant now) {
    Instant end = Instant.ofEpochSecond(now.getEpochSecond() / 15 * 15).plus(Duration.ofMinutes(10));
    Instant start = end.minus(Duration.ofHours(2));
    WriteRequest.Builder w = WriteRequest.newBuilder();
    PrometheusTestServer.counter(w, start, end, SCRAPE,
        "http_server_requests_seconds_count", Map.of("namespace", NS, "pod", "api-0",
        "uri", "/orders"), 2);
    PrometheusTestServer.counter(w, start, end, SCRAPE,
        "http_server_requests_seconds_count", Map.of("namespace", NS, "pod", "api-1",
        "uri", "/orders"), 1);
    PrometheusTestServer.counter(w, start, end, SCRAPE,
        "container_cpu_usage_seconds_total", Map.of("namespace", NS, "pod", "api-0",
        "container", "app"), 0.3);
    PrometheusTestServer.counter(w, start, end, SCRAPE,
        "container_cpu_usage_seconds_total", Map.of("namespace", NS, "pod", "api-0",
        "container", "POD"), 5);
    PrometheusTestServer.counter(w, start, end, SCRAPE,
        "container_cpu_usage_seconds_total", Map.of("namespace", NS, "pod", "api-1",
        "container", "app"), 0.1);
    return w.build();
  }

}
