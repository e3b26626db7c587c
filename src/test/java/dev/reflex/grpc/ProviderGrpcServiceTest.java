package dev.reflex.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.reflex.grpc.proto.ContainerResourceQuery;
import dev.reflex.grpc.proto.ExternalQuery;
import dev.reflex.grpc.proto.GroupKind;
import dev.reflex.grpc.proto.MetricIdentifier;
import dev.reflex.grpc.proto.ObjectQuery;
import dev.reflex.grpc.proto.PodResourceQuery;
import dev.reflex.grpc.proto.ProviderServiceGrpcClient;
import dev.reflex.grpc.proto.Query;
import dev.reflex.grpc.proto.QueryLatestRequest;
import dev.reflex.grpc.proto.QueryLatestResponse;
import dev.reflex.grpc.proto.QueryRequest;
import dev.reflex.grpc.proto.QueryType;
import dev.reflex.grpc.proto.Sample;
import dev.reflex.grpc.proto.Series;
import dev.reflex.grpc.proto.WorkloadContainerResourceQuery;
import dev.reflex.grpc.proto.WorkloadExternalQuery;
import dev.reflex.grpc.proto.WorkloadResourceQuery;
import dev.reflex.metrics.prometheus.MetricsFixture;
import dev.reflex.metrics.prometheus.PrometheusClient;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.testing.PrometheusTestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kapacity's ProviderService over the wire: an in-process {@link GrpcVerticle} on a free port, backed by a real
 * Prometheus holding {@link MetricsFixture}'s data, called through the generated Vert.x gRPC client the way the
 * algorithm job calls it. Every query type, bad queries, and Prometheus stopped (last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderGrpcServiceTest {

  static final String NS = MetricsFixture.NS;
  static final GroupKind STS = GroupKind.newBuilder().setGroup("apps").setKind("StatefulSet").build();

  static PrometheusTestServer prometheus;
  static Vertx vertx;
  static MetricsFixture data;
  static ProviderServiceGrpcClient client;
  static GrpcClient grpc;
  static SocketAddress address;

  @BeforeAll
  static void start() throws Exception {
    PrometheusTestServer.requireBinary();
    prometheus = PrometheusTestServer.start();
    data = new MetricsFixture(Instant.now());
    prometheus.write(data.request());
    vertx = Vertx.vertx();
    PrometheusMetricHistory history = new PrometheusMetricHistory(new PrometheusClient(vertx, prometheus.address(),
        java.time.Duration.ofSeconds(5)), MetricsFixture.config(), MetricsFixture.lister(), Clock.systemUTC());
    GrpcVerticle verticle = new GrpcVerticle(history, "127.0.0.1", 0, Optional.empty());
    await(vertx.deployVerticle(verticle));
    grpc = GrpcClient.client(vertx);
    address = SocketAddress.inetSocketAddress(verticle.port(), "127.0.0.1");
    client = ProviderServiceGrpcClient.create(grpc, address);
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

  static Stream<Arguments> everyType() {
    return Stream.of(
        Arguments.of("POD_RESOURCE by selector", Query.newBuilder().setType(QueryType.POD_RESOURCE)
            .setPodResource(PodResourceQuery.newBuilder().setNamespace(NS).setSelector("app=web")
                .setResourceName("cpu")).build(), Map.of("web-0", 0.5, "web-1", 0.25), true),
        Arguments.of("CONTAINER_RESOURCE by name", Query.newBuilder().setType(QueryType.CONTAINER_RESOURCE)
            .setContainerResource(ContainerResourceQuery.newBuilder().setNamespace(NS).setName("web-1")
                .setResourceName("memory").setContainerName("app")).build(),
            Map.of("web-1", 200 * MetricsFixture.MIB), true),
        Arguments.of("WORKLOAD_RESOURCE ready pods only", Query.newBuilder().setType(QueryType.WORKLOAD_RESOURCE)
            .setWorkloadResource(WorkloadResourceQuery.newBuilder().setGroupKind(STS).setNamespace(NS)
                .setName("web").setResourceName("cpu").setReadyPodsOnly(true)).build(), Map.of(NS, 0.5), true),
        Arguments.of("WORKLOAD_CONTAINER_RESOURCE", Query.newBuilder()
            .setType(QueryType.WORKLOAD_CONTAINER_RESOURCE).setWorkloadContainerResource(
                WorkloadContainerResourceQuery.newBuilder().setGroupKind(STS).setNamespace(NS).setName("web")
                    .setResourceName("memory").setContainerName("app")).build(),
            Map.of(NS, 300 * MetricsFixture.MIB), true),
        Arguments.of("OBJECT ingress by name", Query.newBuilder().setType(QueryType.OBJECT)
            .setObject(ObjectQuery.newBuilder().setGroupKind(GroupKind.newBuilder().setGroup("networking.k8s.io")
                .setKind("Ingress")).setNamespace(NS).setName("web").setMetric(MetricIdentifier.newBuilder()
                .setName("nginx_ingress_controller_requests_rate"))).build(), Map.of("web", 40.0), false),
        Arguments.of("EXTERNAL with a metric selector", Query.newBuilder().setType(QueryType.EXTERNAL)
            .setExternal(ExternalQuery.newBuilder().setNamespace("demo-prod").setMetric(MetricIdentifier
                .newBuilder().setName("http_index_qps").setSelector("env in (demo-prod)"))).build(),
            Map.of("demo-prod", 715.7), false),
        Arguments.of("WORKLOAD_EXTERNAL ready pods", Query.newBuilder().setType(QueryType.WORKLOAD_EXTERNAL)
            .setWorkloadExternal(WorkloadExternalQuery.newBuilder().setGroupKind(STS).setNamespace(NS)
                .setName("web").setMetric(MetricIdentifier.newBuilder().setName("kube_pod_status_ready"))).build(),
            Map.of("", 1.0), false));
  }

  @Order(1)
  @ParameterizedTest(name = "QueryLatest {0}")
  @MethodSource("everyType")
  void queryLatestAnswersEveryType(String name, Query query, Map<String, Double> expected, boolean resource)
      throws Exception {
    List<Sample> samples = await(client.queryLatest(QueryLatestRequest.newBuilder().setQuery(query).build()))
        .getSamplesList();
    Map<String, Double> byKey = new TreeMap<>();
    samples.forEach(s -> byKey.put(key(s.getLabelsMap()), s.getPoint().getValue()));
    assertEquals(expected.keySet(), byKey.keySet());
    expected.forEach((k, v) -> assertEquals(v, byKey.get(k), v * 1e-3, k));
    for (Sample s : samples) {
      assertEquals(resource, s.hasWindow());
      if (resource) {
        assertEquals(180, s.getWindow().getSeconds());
      }
      // Milliseconds: within a minute of the wall clock.
      assertTrue(Math.abs(s.getPoint().getTimestamp() - System.currentTimeMillis()) < 60_000,
          "timestamp in ms: " + s.getPoint().getTimestamp());
    }
  }

  @Order(2)
  @ParameterizedTest(name = "Query {0}")
  @MethodSource("everyType")
  void queryAnswersEveryTypeOverARange(String name, Query query, Map<String, Double> expected, boolean resource)
      throws Exception {
    // The last half hour up to now, at 1 minute, the way the algorithm job asks.
    Instant end = Instant.now();
    Instant start = end.minusSeconds(1800);
    List<Series> series = await(client.query(QueryRequest.newBuilder().setQuery(query).setStart(ts(start))
        .setEnd(ts(end)).setStep(Duration.newBuilder().setSeconds(60)).build())).getSeriesList();
    assertEquals(expected.keySet().size(), series.size());
    for (Series s : series) {
      assertEquals(31, s.getPointsCount(), "points of " + s.getLabelsMap());
      double want = expected.get(key(s.getLabelsMap()));
      s.getPointsList().forEach(p -> assertEquals(want, p.getValue(), want * 1e-3));
      assertEquals(start.toEpochMilli(), s.getPoints(0).getTimestamp());
      assertEquals(resource, s.hasWindow());
    }
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("no query", QueryLatestRequest.newBuilder().build(), "query"),
        Arguments.of("unknown metric", QueryLatestRequest.newBuilder().setQuery(Query.newBuilder()
            .setType(QueryType.EXTERNAL).setExternal(ExternalQuery.newBuilder().setMetric(MetricIdentifier
                .newBuilder().setName("nope")))).build(), "nope"),
        Arguments.of("type without its member", QueryLatestRequest.newBuilder().setQuery(Query.newBuilder()
            .setType(QueryType.WORKLOAD_RESOURCE)).build(), "workload_resource.group_kind"),
        Arguments.of("missing resource name", QueryLatestRequest.newBuilder().setQuery(Query.newBuilder()
            .setType(QueryType.POD_RESOURCE).setPodResource(PodResourceQuery.newBuilder().setNamespace(NS)
                .setName("web-0"))).build(), "pod_resource.resource_name"),
        Arguments.of("unsupported resource", QueryLatestRequest.newBuilder().setQuery(Query.newBuilder()
            .setType(QueryType.POD_RESOURCE).setPodResource(PodResourceQuery.newBuilder().setNamespace(NS)
                .setName("web-0").setResourceName("gpu"))).build(), "resourceRules.gpu"),
        Arguments.of("malformed selector", QueryLatestRequest.newBuilder().setQuery(Query.newBuilder()
            .setType(QueryType.POD_RESOURCE).setPodResource(PodResourceQuery.newBuilder().setNamespace(NS)
                .setSelector("app in (web").setResourceName("cpu"))).build(), "pod_resource.selector"),
        Arguments.of("workload kind without pod pattern", QueryLatestRequest.newBuilder().setQuery(Query
            .newBuilder().setType(QueryType.WORKLOAD_RESOURCE).setWorkloadResource(WorkloadResourceQuery
                .newBuilder().setGroupKind(GroupKind.newBuilder().setGroup("batch").setKind("Job"))
                .setNamespace(NS).setName("x").setResourceName("cpu"))).build(), "workloadPodNamePatterns"));
  }

  @Order(3)
  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueries")
  void badQueriesAreInvalidArgumentNamingTheProblem(String name, QueryLatestRequest request, String mentions)
      throws Exception {
    assertStatus(GrpcStatus.INVALID_ARGUMENT, client.queryLatest(request));
    GrpcClientResponse<QueryLatestRequest, QueryLatestResponse> response = await(grpc.request(address,
        ProviderServiceGrpcClient.QueryLatest).compose(r -> r.send(request)));
    await(response.end().transform(ar -> Future.succeededFuture()));
    assertEquals(GrpcStatus.INVALID_ARGUMENT, response.status());
    assertTrue(response.statusMessage() != null && response.statusMessage().contains(mentions),
        "message: " + response.statusMessage());
  }

  @Order(4)
  @Test
  void rangeEndingBeforeItStartsIsInvalidArgument() {
    Instant now = Instant.now();
    assertStatus(GrpcStatus.INVALID_ARGUMENT, client.query(QueryRequest.newBuilder()
        .setQuery(everyTypeQuery()).setStart(ts(now)).setEnd(ts(now.minusSeconds(60)))
        .setStep(Duration.newBuilder().setSeconds(60)).build()));
    assertStatus(GrpcStatus.INVALID_ARGUMENT, client.query(QueryRequest.newBuilder()
        .setQuery(everyTypeQuery()).setStart(ts(now.minusSeconds(60))).setEnd(ts(now)).build()));
  }

  @Order(5)
  @Test
  void stoppedPrometheusIsUnavailable() throws Exception {
    prometheus.stop();
    assertStatus(GrpcStatus.UNAVAILABLE, client.queryLatest(QueryLatestRequest.newBuilder()
        .setQuery(everyTypeQuery()).build()));
  }

  static Query everyTypeQuery() {
    return (Query) everyType().findFirst().orElseThrow().get()[1];
  }

  static void assertStatus(GrpcStatus expected, Future<?> call) {
    try {
      await(call);
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof InvalidStatusException, "failure: " + e.getCause());
      assertEquals(expected, ((InvalidStatusException) e.getCause()).actualStatus());
      return;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected status " + expected);
  }

  static String key(Map<String, String> labels) {
    return new TreeMap<>(labels).values().stream().findFirst().orElse("");
  }

  static Timestamp ts(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
