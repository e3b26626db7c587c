package dev.reflex.bench;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.reflex.grpc.GrpcVerticle;
import dev.reflex.grpc.proto.GroupKind;
import dev.reflex.grpc.proto.MetricIdentifier;
import dev.reflex.grpc.proto.ObjectQuery;
import dev.reflex.grpc.proto.ProviderServiceGrpcClient;
import dev.reflex.grpc.proto.Query;
import dev.reflex.grpc.proto.QueryRequest;
import dev.reflex.grpc.proto.QueryResponse;
import dev.reflex.grpc.proto.QueryType;
import dev.reflex.metrics.prometheus.AdapterConfigParser;
import dev.reflex.metrics.prometheus.ObjectLister;
import dev.reflex.metrics.prometheus.PrometheusClient;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.testing.PrometheusTestServer;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one gRPC {@code Query} the way a predictive job asks for history: 24 h at a 1 m step (1,441 points) of
 * the ingress request rate of the shipped rules, through Reflex's ProviderService (Vert.x gRPC, client and server in
 * this JVM) and a real Prometheus on loopback holding 25 h of 1-minute samples written by remote write. Needs
 * {@code /usr/bin/prometheus}. Run through {@code scripts/bench-predictive}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class GrpcQueryBenchmark {

  private PrometheusTestServer prometheus;
  private Vertx vertx;
  private ProviderServiceGrpcClient client;
  private QueryRequest request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if (!PrometheusTestServer.available()) {
      throw new IllegalStateException("needs " + PrometheusTestServer.BINARY + " (apt-get install prometheus)");
    }
    prometheus = PrometheusTestServer.start();
    Instant end = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60);
    Instant start = end.minusSeconds(25 * 3600);
    WriteRequest.Builder w = WriteRequest.newBuilder();
    for (String status : new String[] {"200", "404", "500"}) {
      TimeSeries.Builder ts = TimeSeries.newBuilder()
          .addLabels(Label.newBuilder().setName("__name__").setValue("nginx_ingress_controller_requests"))
          .addLabels(Label.newBuilder().setName("ingress").setValue("nginx-server"))
          .addLabels(Label.newBuilder().setName("namespace").setValue("default"))
          .addLabels(Label.newBuilder().setName("status").setValue(status));
      double total = 0;
      for (Instant t = start; !t.isAfter(end); t = t.plusSeconds(60)) {
        double phase = 2 * Math.PI * (t.getEpochSecond() % 86_400) / 86_400.0;
        total += 60 * (100 + 80 * Math.sin(phase));
        ts.addSamples(Sample.newBuilder().setTimestamp(t.toEpochMilli()).setValue(total));
      }
      w.addTimeseries(ts);
    }
    prometheus.write(w.build());
    vertx = Vertx.vertx();
    PrometheusMetricHistory history = new PrometheusMetricHistory(new PrometheusClient(vertx, prometheus.address(),
        java.time.Duration.ofSeconds(10)), AdapterConfigParser.parseFile(Path.of(
        "conf/prometheus-metrics-config.yaml")), ObjectLister.NONE, Clock.systemUTC());
    GrpcVerticle verticle = new GrpcVerticle(history, "127.0.0.1", 0, Optional.empty());
    vertx.deployVerticle(verticle).await();
    client = ProviderServiceGrpcClient.create(GrpcClient.client(vertx),
        SocketAddress.inetSocketAddress(verticle.port(), "127.0.0.1"));
    Instant queryEnd = end;
    request = QueryRequest.newBuilder()
        .setQuery(Query.newBuilder().setType(QueryType.OBJECT).setObject(ObjectQuery.newBuilder()
            .setGroupKind(GroupKind.newBuilder().setGroup("networking.k8s.io").setKind("Ingress"))
            .setNamespace("default").setName("nginx-server")
            .setMetric(MetricIdentifier.newBuilder().setName("nginx_ingress_controller_requests_rate"))))
        .setStart(Timestamp.newBuilder().setSeconds(queryEnd.minusSeconds(24 * 3600).getEpochSecond()))
        .setEnd(Timestamp.newBuilder().setSeconds(queryEnd.getEpochSecond()))
        .setStep(Duration.newBuilder().setSeconds(60))
        .build();
    QueryResponse first = query();
    if (first.getSeriesCount() != 1 || first.getSeries(0).getPointsCount() < 1_400) {
      throw new IllegalStateException("unexpected answer: " + first.getSeriesCount() + " series, "
          + (first.getSeriesCount() == 0 ? 0 : first.getSeries(0).getPointsCount()) + " points");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    vertx.close().await();
    prometheus.close();
  }

  @Benchmark
  public QueryResponse query24hAt1m() throws Exception {
    return query();
  }

  private QueryResponse query() throws Exception {
    return client.query(request).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
