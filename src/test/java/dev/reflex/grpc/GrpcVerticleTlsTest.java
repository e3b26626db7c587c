package dev.reflex.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.config.ReflexConfig;
import dev.reflex.grpc.proto.ExternalQuery;
import dev.reflex.grpc.proto.MetricIdentifier;
import dev.reflex.grpc.proto.ProviderServiceGrpcClient;
import dev.reflex.grpc.proto.Query;
import dev.reflex.grpc.proto.QueryLatestRequest;
import dev.reflex.grpc.proto.QueryLatestResponse;
import dev.reflex.grpc.proto.QueryType;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import dev.reflex.metrics.query.NoMetricHistory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verticle over TLS, its config checks, and the answer when no metric source is configured. */
class GrpcVerticleTlsTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static final QueryLatestRequest EXTERNAL = QueryLatestRequest.newBuilder().setQuery(Query.newBuilder()
      .setType(QueryType.EXTERNAL).setExternal(ExternalQuery.newBuilder().setMetric(MetricIdentifier.newBuilder()
          .setName("qps")))).build();

  @Test
  void servesOverTls() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
    MetricHistory one = new MetricHistory() {
      @Override
      public Future<List<MetricSample>> queryLatest(MetricQuery query) {
        return Future.succeededFuture(List.of(new MetricSample(new MetricPoint(1_000, 42), Map.of("env", "prod"),
            Optional.empty())));
      }

      @Override
      public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
        return Future.succeededFuture(List.of());
      }
    };
    GrpcVerticle verticle = GrpcVerticle.fromConfig(one, "127.0.0.1", new ReflexConfig.Grpc(0, cert.certificatePath(),
        cert.privateKeyPath()));
    await(vertx.deployVerticle(verticle));
    GrpcClient grpc = GrpcClient.client(vertx, new HttpClientOptions().setSsl(true).setUseAlpn(true)
        .setTrustAll(true).setVerifyHost(false));
    QueryLatestResponse response = await(ProviderServiceGrpcClient.create(grpc,
        SocketAddress.inetSocketAddress(verticle.port(), "127.0.0.1")).queryLatest(EXTERNAL));
    assertEquals(42, response.getSamples(0).getPoint().getValue());
    assertEquals(1_000, response.getSamples(0).getPoint().getTimestamp());
    assertEquals("prod", response.getSamples(0).getLabelsOrThrow("env"));
  }

  @Test
  void onlyOneTlsPathIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GrpcVerticle.fromConfig(
        new NoMetricHistory("test"), "127.0.0.1", new ReflexConfig.Grpc(0, "cert.pem", "")));
    assertTrue(e.getMessage().contains("grpc.tls-key"), e.getMessage());
  }

  @Test
  void withoutPrometheusQueriesAreUnavailable() throws Exception {
    GrpcVerticle verticle = new GrpcVerticle(new NoMetricHistory("prometheus.address is not set"), "127.0.0.1", 0,
        Optional.empty());
    await(vertx.deployVerticle(verticle));
    ProviderServiceGrpcClient client = ProviderServiceGrpcClient.create(GrpcClient.client(vertx),
        SocketAddress.inetSocketAddress(verticle.port(), "127.0.0.1"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(client.queryLatest(EXTERNAL)));
    assertEquals(GrpcStatus.UNAVAILABLE, ((InvalidStatusException) e.getCause()).actualStatus());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
