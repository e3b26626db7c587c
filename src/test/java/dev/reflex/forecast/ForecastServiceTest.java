package dev.reflex.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.api.v1alpha1.ForecastPortraitAlgorithm;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.MetricSpec;
import dev.reflex.api.v1alpha1.PortraitSpec;
import dev.reflex.core.forecast.Forecast;
import dev.reflex.core.portrait.TimeSeriesPoint;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped Forecast sample planned into history queries and forecast end to end on a worker thread. */
class ForecastServiceTest {

  static Vertx vertx;
  static PortraitSpec sample;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    try (InputStream in = Files.newInputStream(Path.of("deploy/samples/forecast-predictive-sample.yaml"))) {
      IntelligentHorizontalPodAutoscaler ihpa = Serialization.unmarshal(in, IntelligentHorizontalPodAutoscaler.class);
      sample = ihpa.getSpec().portraitProviders().get(0).dynamic();
    }
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static IntelligentHorizontalPodAutoscaler parse() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("deploy/samples/forecast-predictive-sample.yaml"))) {
      return Serialization.unmarshal(in, IntelligentHorizontalPodAutoscaler.class);
    }
  }

  @Test
  void samplePlansTheConventionalQueries() throws Exception {
    PredictiveQueries q = PredictiveQueries.plan("default", parse().getSpec().scaleTargetRef(),
        sample.metrics(), OptionalDouble.of(0.2));
    GroupKind sts = new GroupKind("apps", "StatefulSet");
    assertEquals(new MetricQuery.WorkloadResource(sts, "default", "nginx", "cpu", true), q.usage());
    assertEquals("kube_pod_status_ready", ((MetricQuery.WorkloadExternal) q.replicas()).metric().name());
    MetricQuery.ObjectMetric traffic = (MetricQuery.ObjectMetric) q.traffic().get(0);
    assertEquals(new GroupKind("networking.k8s.io", "Ingress"), traffic.kind());
    assertEquals(Optional.of("nginx-server"), traffic.name());
    // Utilization 50% of a 0.2-core request.
    assertEquals(0.1, q.targetPerReplica(), 1e-12);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("too few metrics", 2, OptionalDouble.of(0.2), "metrics: "),
        Arguments.of("utilization without a request", 3, OptionalDouble.empty(), "metrics[0].target"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void planRefusesNamingTheMetric(String name, int metrics, OptionalDouble request, String field) throws Exception {
    List<MetricSpec> specs = sample.metrics().subList(0, metrics);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PredictiveQueries.plan(
        "default", parse().getSpec().scaleTargetRef(), specs, request));
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }

  @Test
  void forecastsFromAWeekOfMinutes() throws Exception {
    Instant now = Instant.parse("2026-11-20T10:04:30Z");
    List<String> threads = new CopyOnWriteArrayList<>();
    MetricHistory history = new SyntheticHistory(threads);
    ForecastService service = new ForecastService(vertx, history, 1);
    PredictiveQueries q = PredictiveQueries.plan("default", parse().getSpec().scaleTargetRef(),
        sample.metrics(), OptionalDouble.of(0.2));
    Context context = vertx.getOrCreateContext();
    Forecast f = context.<Forecast>executeBlocking(() -> null).compose(x -> service.forecast(q,
        sample.algorithm().forecast(), now)).toCompletionStage().toCompletableFuture().get(30,
        TimeUnit.SECONDS);
    List<TimeSeriesPoint> points = f.points();
    // 10-minute buckets from 10:00 to the one holding 11:04:30.
    assertEquals(Instant.parse("2026-11-20T10:00:00Z"), points.get(0).timestamp());
    assertEquals(7, points.size());
    assertEquals(Instant.parse("2026-11-20T11:10:00Z"), f.expireTime());
    // From 10:00 to 11:10 the synthetic traffic falls from 325 to 282 rps (its daily peak of 400 is at 06:00): at
    // 0.0005 cores/rps over a 0.1-core target less 0.01 idle, 1.81 to 1.57 replicas, so 2 in every bucket.
    assertEquals(List.of(2, 2, 2, 2, 2, 2, 2), points.stream().map(TimeSeriesPoint::replicas).toList());
    assertEquals(3, threads.size(), "three history queries: usage, ready pods, traffic");
    service.close().await();
  }

  static Stream<Arguments> historyLengths() {
    // The field is a metav1.Duration: Go syntax, the same parser as validation (no days, fractions allowed).
    String noData = "history: no data for metrics[0] (resource usage) between ";
    return Stream.of(
        Arguments.of("1.5h", noData + "2026-11-20T08:34:00Z and 2026-11-20T10:04:00Z"),
        Arguments.of("1h30m", noData + "2026-11-20T08:34:00Z and 2026-11-20T10:04:00Z"),
        Arguments.of("90s", noData + "2026-11-20T10:02:30Z and 2026-11-20T10:04:00Z"),
        Arguments.of("0", noData + "2026-11-20T10:04:00Z and 2026-11-20T10:04:00Z"),
        Arguments.of("", noData + "2026-11-13T10:04:00Z and 2026-11-20T10:04:00Z"),
        Arguments.of("7d", "forecast.historyLength: time: unknown unit \"d\" in duration \"7d\""));
  }

  @ParameterizedTest(name = "historyLength \"{0}\"")
  @MethodSource("historyLengths")
  void historyLengthIsAGoDuration(String historyLength, String message) throws Exception {
    ForecastService service = new ForecastService(vertx, new NoHistory(), 1);
    PredictiveQueries q = PredictiveQueries.plan("default", parse().getSpec().scaleTargetRef(),
        sample.metrics(), OptionalDouble.of(0.2));
    ForecastPortraitAlgorithm algorithm = new ForecastPortraitAlgorithm(historyLength, null, null, null, null);
    var answer = service.forecast(q, algorithm, Instant.parse("2026-11-20T10:04:30Z")).toCompletionStage()
        .toCompletableFuture();
    ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(30, TimeUnit.SECONDS));
    assertEquals(message, failure.getCause().getMessage());
    service.close().await();
  }

  /** Answers every query with no series. */
  record NoHistory() implements MetricHistory {
    @Override
    public Future<List<MetricSample>> queryLatest(MetricQuery query) {
      return Future.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
      return Future.succeededFuture(List.of());
    }
  }

  /** A week of minutes: daily traffic 100..400 rps, usage 0.01 per pod + 0.0005 per rps, pods at 80% of target. */
  record SyntheticHistory(List<String> threads) implements MetricHistory {
    @Override
    public Future<List<MetricSample>> queryLatest(MetricQuery query) {
      return Future.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
      threads.add(Thread.currentThread().getName());
      List<MetricPoint> points = new ArrayList<>();
      for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
        double phase = 2 * Math.PI * (t.getEpochSecond() % 86_400) / 86_400.0;
        double rps = 250 + 150 * Math.sin(phase);
        double replicas = Math.max(1, Math.ceil(0.0005 * rps / (0.08 - 0.01)));
        double value = switch (query.typeName()) {
          case "WORKLOAD_RESOURCE" -> 0.01 * replicas + 0.0005 * rps;
          case "WORKLOAD_EXTERNAL" -> replicas;
          default -> rps;
        };
        points.add(new MetricPoint(t.toEpochMilli(), value));
      }
      return Future.succeededFuture(List.of(new MetricSeries(points, Map.of(), Optional.empty())));
    }
  }
}
