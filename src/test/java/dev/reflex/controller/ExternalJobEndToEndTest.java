package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Timestamp;
import dev.reflex.grpc.proto.GroupKind;
import dev.reflex.grpc.proto.MetricIdentifier;
import dev.reflex.grpc.proto.ProviderServiceGrpcClient;
import dev.reflex.grpc.proto.Query;
import dev.reflex.grpc.proto.QueryRequest;
import dev.reflex.grpc.proto.QueryType;
import dev.reflex.grpc.proto.Series;
import dev.reflex.grpc.proto.WorkloadExternalQuery;
import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import dev.reflex.testing.PrometheusTestServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's predictive tutorial with a job stand-in: Reflex keeps the algorithm CronJob; the stand-in does what
 * the Python job does (reads {@code HP_NAMESPACE}, {@code HP_NAME} and {@code METRICS_SERVER_ADDR} from the
 * CronJob, asks the gRPC ProviderService for the ready-pod history, writes the {@code <hp>-result} ConfigMap) and
 * the workload follows the series. Needs Debian's prometheus (scripts/test installs it).
 */
class ExternalJobEndToEndTest {

  @TempDir
  Path dir;

  @Test
  void jobStandInDrivesTheWorkloadThroughTheResultConfigMap() throws Exception {
    assumeTrue(PrometheusTestServer.available(), "prometheus is not installed: skipping (scripts/test installs it)");
    try (PrometheusTestServer prometheus = PrometheusTestServer.start();
        EmbeddedReflex reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of(
            "REFLEX_PROMETHEUS_ADDRESS", prometheus.address(),
            "REFLEX_ALGORITHM_JOB_NAMESPACE", "default",
            "REFLEX_ALGORITHM_JOB_METRICS_SERVER_ADDR", "127.0.0.1:0"))) {
      writeReadyPodHistory(prometheus, "job-web", 2);
      reflex.apply(ControllersEndToEndTest.statefulSet("job-web", 1));
      reflex.apply(ControllersEndToEndTest.ihpa("job-ihpa", "job-web", "StatefulSet",
          ControllersEndToEndTest.PREDICTIVE_EXTERNAL_JOB, ""));
      Eventually.until(Duration.ofSeconds(20), "CronJob created", () -> cronJob(reflex) != null);
      CronJob job = cronJob(reflex);
      Map<String, String> env = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers()
          .get(0).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
      assertEquals("default", env.get("HP_NAMESPACE"));
      assertEquals("job-ihpa-predictive", env.get("HP_NAME"));
      assertTrue(env.containsKey("METRICS_SERVER_ADDR"));
      assertTrue(job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
          .contains("kapacity-algorithm-horizontal-predictive"), "default image for the algorithm container");

      int replicas = standIn(reflex, env.get("HP_NAMESPACE"), env.get("HP_NAME"));
      assertEquals(4, replicas, "the stand-in's plan: ready-pod history peak (2) + 2");
      Eventually.until(Duration.ofSeconds(20), "workload follows the series", () -> reflex.replicas("StatefulSet",
          "job-web") == 4);
      long writesBefore = reflex.cluster.faults().writes();
      reflex.app.controllers().resyncAll();
      Eventually.until(Duration.ofSeconds(10), "resynced", () -> reflex.app.controllers().idle());
      assertTrue(reflex.cluster.faults().recentWrites().stream().skip(Math.max(0,
          reflex.cluster.faults().recentWrites().size() - (int) (reflex.cluster.faults().writes() - writesBefore)))
          .noneMatch(w -> w.contains("/cronjobs/")), "an unchanged CronJob is not written again");

      reflex.client.genericKubernetesResources("autoscaling.kapacitystack.io/v1alpha1",
          "IntelligentHorizontalPodAutoscaler").inNamespace("default").withName("job-ihpa").delete();
      Eventually.until(Duration.ofSeconds(20), "CronJob removed with the IHPA", () -> cronJob(reflex) == null);
    }
  }

  /** What the algorithm job does, in a few lines: history over gRPC in, a TimeSeries result ConfigMap out. */
  private static int standIn(EmbeddedReflex reflex, String namespace, String portrait) throws Exception {
    GrpcClient grpc = GrpcClient.client(reflex.runtime.vertx());
    try {
      ProviderServiceGrpcClient client = ProviderServiceGrpcClient.create(grpc,
          SocketAddress.inetSocketAddress(reflex.app.grpcPort(), "127.0.0.1"));
      Instant end = Instant.now();
      Query query = Query.newBuilder().setType(QueryType.WORKLOAD_EXTERNAL).setWorkloadExternal(
          WorkloadExternalQuery.newBuilder().setGroupKind(GroupKind.newBuilder().setGroup("apps")
              .setKind("StatefulSet")).setNamespace(namespace).setName("job-web")
              .setMetric(MetricIdentifier.newBuilder().setName("kube_pod_status_ready"))).build();
      List<Series> series = EmbeddedReflex.await(client.query(QueryRequest.newBuilder().setQuery(query)
          .setStart(ts(end.minusSeconds(1800))).setEnd(ts(end))
          .setStep(com.google.protobuf.Duration.newBuilder().setSeconds(60)).build())).getSeriesList();
      double peak = series.get(0).getPointsList().stream().mapToDouble(p -> p.getValue()).max().orElse(0);
      int replicas = (int) peak + 2;
      long now = end.getEpochSecond();
      reflex.client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
          .withName(portrait + "-result").endMetadata()
          .addToData("type", "TimeSeries")
          .addToData("expireTime", end.plusSeconds(1200).toString())
          .addToData("timeSeries", "{\"" + (now - 60) + ".0\": " + replicas + ", \"" + (now + 600) + "\": 2}")
          .build()).create();
      return replicas;
    } finally {
      grpc.close();
    }
  }

  private static void writeReadyPodHistory(PrometheusTestServer prometheus, String workload, int pods)
      throws Exception {
    long now = System.currentTimeMillis();
    WriteRequest.Builder request = WriteRequest.newBuilder();
    for (int p = 0; p < pods; p++) {
      TimeSeries.Builder series = TimeSeries.newBuilder()
          .addLabels(Label.newBuilder().setName("__name__").setValue("kube_pod_status_ready"))
          .addLabels(Label.newBuilder().setName("condition").setValue("true"))
          .addLabels(Label.newBuilder().setName("namespace").setValue("default"))
          .addLabels(Label.newBuilder().setName("pod").setValue(workload + "-" + p));
      for (int minute = 40; minute >= 0; minute--) {
        series.addSamples(Sample.newBuilder().setTimestamp(now - minute * 60_000L).setValue(1));
      }
      request.addTimeseries(series);
    }
    prometheus.write(request.build());
  }

  private static CronJob cronJob(EmbeddedReflex reflex) {
    return reflex.client.batch().v1().cronjobs().inNamespace("default").withName("default-job-ihpa-predictive")
        .get();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
