package dev.reflex.metrics.prometheus;

import static dev.reflex.metrics.prometheus.MetricsFixture.INGRESS;
import static dev.reflex.metrics.prometheus.MetricsFixture.MIB;
import static dev.reflex.metrics.prometheus.MetricsFixture.NS;
import static dev.reflex.metrics.prometheus.MetricsFixture.STS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQuery.PodPick;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import dev.reflex.testing.PrometheusTestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query client against a real Prometheus holding {@link MetricsFixture}'s data: the shipped rules (Kapacity's
 * defaults and the seeds' rules) give the values written, latest and over a range.
 */
class PrometheusMetricHistoryTest {

  static PrometheusTestServer prometheus;
  static Vertx vertx;
  static MetricsFixture data;
  static PrometheusMetricHistory history;

  @BeforeAll
  static void start() throws Exception {
    PrometheusTestServer.requireBinary();
    prometheus = PrometheusTestServer.start();
    data = new MetricsFixture(Instant.now());
    prometheus.write(data.request());
    vertx = Vertx.vertx();
    history = new PrometheusMetricHistory(new PrometheusClient(vertx, prometheus.address(), Duration.ofSeconds(5)),
        MetricsFixture.config(), MetricsFixture.lister(), Clock.systemUTC());
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

  static Stream<Arguments> latest() {
    return Stream.of(
        Arguments.of("cpu of the pods a selector picks, per pod",
            new MetricQuery.PodResource(NS, PodPick.selected(LabelSelector.parse("app=web", "s")), "cpu"),
            Map.of("web-0", 0.5, "web-1", 0.25)),
        Arguments.of("memory of one container of a named pod",
            new MetricQuery.ContainerResource(NS, PodPick.named("web-0"), "memory", "app"),
            Map.of("web-0", 100 * MIB)),
        Arguments.of("workload cpu counts only ready pods when asked",
            new MetricQuery.WorkloadResource(STS, NS, "web", "cpu", true), Map.of(NS, 0.5)),
        Arguments.of("workload cpu of all pods",
            new MetricQuery.WorkloadResource(STS, NS, "web", "cpu", false), Map.of(NS, 0.75)),
        Arguments.of("workload container memory",
            new MetricQuery.WorkloadContainerResource(STS, NS, "web", "memory", "app", false),
            Map.of(NS, 300 * MIB)),
        Arguments.of("seed 002 ingress requests rate",
            new MetricQuery.ObjectMetric(INGRESS, Optional.of(NS), Optional.of("web"), LabelSelector.EVERYTHING,
                MetricId.of("nginx_ingress_controller_requests_rate")), Map.of("web", 40.0)),
        Arguments.of("pods metric by selector through a discovered rule",
            MetricQuery.podsMetric(NS, LabelSelector.parse("app=web", "s"), MetricId.of("http_requests_per_second")),
            Map.of("web-0", 10.0, "web-1", 20.0)),
        Arguments.of("seed 003 external qps selected by env",
            new MetricQuery.External(Optional.of("demo-prod"), new MetricId("http_index_qps",
                LabelSelector.parse("env=demo-prod", "s"))), Map.of("demo-prod", 715.7)),
        Arguments.of("seed 000 ready pods of the workload",
            new MetricQuery.WorkloadExternal(STS, NS, "web", MetricId.of("kube_pod_status_ready")),
            Map.of("", 1.0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("latest")
  void latestValues(String name, MetricQuery query, Map<String, Double> expected) throws Exception {
    List<MetricSample> samples = await(history.queryLatest(query));
    Map<String, Double> byKey = samples.stream().collect(Collectors.toMap(MetricsFixture_key(),
        s -> s.point().value()));
    assertEquals(expected.keySet(), byKey.keySet(), "series of " + samples);
    expected.forEach((k, v) -> assertEquals(v, byKey.get(k), Math.abs(v) * 1e-3, k));
    boolean resource = query instanceof MetricQuery.PodResource || query instanceof MetricQuery.ContainerResource
        || query instanceof MetricQuery.WorkloadResource || query instanceof MetricQuery.WorkloadContainerResource;
    samples.forEach(s -> assertEquals(resource ? Optional.of(Duration.ofMinutes(3)) : Optional.empty(), s.window()));
  }

  @Test
  void readyReplicaHistoryFollowsTheData() throws Exception {
    Instant from = data.start.plus(Duration.ofMinutes(5));
    List<MetricSeries> series = await(history.query(new MetricQuery.WorkloadExternal(STS, NS, "web",
        MetricId.of("ready_pods_count")), from, data.end, Duration.ofMinutes(1)));
    assertEquals(1, series.size());
    List<MetricPoint> points = series.get(0).points();
    assertEquals(Duration.between(from, data.end).toMinutes() + 1, points.size());
    for (MetricPoint p : points) {
      double expected = p.timestampMillis() < data.middle.toEpochMilli() ? 2 : 1;
      assertEquals(expected, p.value(), 0, "at " + Instant.ofEpochMilli(p.timestampMillis()));
      assertEquals(0, (p.timestampMillis() - from.toEpochMilli()) % 60_000, "on the step grid");
    }
  }

  @Test
  void longRangesAreShardedAndMerged() throws Exception {
    // 2 h at 500 ms is 14,400 steps: more than Prometheus returns per query, so two shards.
    Duration step = Duration.ofMillis(500);
    List<MetricSeries> series = await(history.query(new MetricQuery.External(Optional.empty(),
        new MetricId("http_index_qps", LabelSelector.parse("env=demo-prod", "s"))), data.start.plusSeconds(180),
        data.end, step));
    assertEquals(1, series.size());
    List<MetricPoint> points = series.get(0).points();
    assertEquals(Duration.between(data.start.plusSeconds(180), data.end).dividedBy(step) + 1, points.size());
    for (int i = 1; i < points.size(); i++) {
      assertEquals(500, points.get(i).timestampMillis() - points.get(i - 1).timestampMillis());
    }
  }

  @Test
  void selectorPickingNoPodsGivesNoSeries() throws Exception {
    assertEquals(List.of(), await(history.queryLatest(new MetricQuery.PodResource(NS,
        PodPick.selected(LabelSelector.parse("app=none", "s")), "cpu"))));
  }

  @Test
  void unknownMetricIsAnInvalidQuery() {
    MetricQueryException e = failure(history.queryLatest(new MetricQuery.External(Optional.of(NS),
        MetricId.of("no_such_metric"))));
    assertEquals(MetricQueryException.Kind.INVALID, e.kind());
    assertTrue(e.getMessage().contains("no_such_metric"), e.getMessage());
  }

  @Test
  void expressionPrometheusRejectsIsAnInvalidQueryQuotingIt() {
    PrometheusClient client = new PrometheusClient(vertx, prometheus.address(), Duration.ofSeconds(5));
    MetricQueryException e = failure(client.instant("sum(rate(x[1m])", Optional.empty()));
    assertEquals(MetricQueryException.Kind.INVALID, e.kind());
    assertTrue(e.getMessage().startsWith("Prometheus rejected the query sum(rate(x[1m])"), e.getMessage());
  }

  @Test
  void downPrometheusIsUnavailable() throws Exception {
    PrometheusMetricHistory nowhere = new PrometheusMetricHistory(new PrometheusClient(vertx,
        "http://127.0.0.1:1", Duration.ofSeconds(2)), MetricsFixture.config(), MetricsFixture.lister(),
        Clock.systemUTC());
    MetricQueryException e = failure(nowhere.queryLatest(new MetricQuery.WorkloadResource(STS, NS, "web", "cpu",
        false)));
    assertEquals(MetricQueryException.Kind.UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
  }

  static java.util.function.Function<MetricSample, String> MetricsFixture_key() {
    return s -> new TreeMap<>(s.labels()).values().stream().findFirst().orElse("");
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static MetricQueryException failure(Future<?> future) {
    try {
      await(future);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MetricQueryException m) {
        return m;
      }
      throw new AssertionError("unexpected failure", e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }
}
