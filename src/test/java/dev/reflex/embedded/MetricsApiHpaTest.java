package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain autoscaling/v2 HPAs on Reflex's custom and external metrics APIs, read by the embedded HPA controller
 * through the API server's aggregation layer, as kube-controller-manager reads prometheus-adapter's. Seed 003's
 * HPA (an External QPS metric, target Value 1200000m, i.e. 1200): 2 pods at 700 in all stay 2; 1300 stays 2 too
 * (1300 / 1200 is within the HPA's 0.1 tolerance, which the seed's count leaves out); 1500 gives
 * ceil(2 × 1500 / 1200) = 3; 3 pods at 2000 give ceil(3 × 2000 / 1200) = 5 (the seed's text says 6, but 5.0 rounds
 * up to 5). Samples stay fresh for 2 minutes here: the test writes each stage once where Prometheus would write
 * every scrape.
 */
class MetricsApiHpaTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dir;

  static EmbeddedReflex reflex;
  static HttpClient http;

  @BeforeAll
  static void start() {
    reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of(
        "REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_SYNC_PERIOD", "2s", "REFLEX_METRICS_STALE_AFTER", "2m"));
    http = reflex.runtime.vertx().createHttpClient();
  }

  @AfterAll
  static void stop() {
    reflex.close();
  }

  @Test
  void seed003sExternalQpsHpaScalesAsTheSeedCounts() {
    reflex.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: demo-micro-service}
        spec:
          replicas: 2
          selector: {matchLabels: {app: demo-micro-service}}
          template:
            metadata: {labels: {app: demo-micro-service}}
            spec:
              containers: [{name: app, image: demo-micro-service}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: demo-micro-service}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: demo-micro-service}
          minReplicas: 2
          maxReplicas: 10
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 600
              policies:
              - {type: Pods, value: 1, periodSeconds: 60}
              - {type: Percent, value: 5, periodSeconds: 60}
              selectPolicy: Min
          metrics:
          - type: External
            external:
              metric:
                name: http_index_qps
                selector: {matchLabels: {env: demo-prod}}
              target: {type: Value, value: 1200000m}
        """);
    Eventually.until(WAIT, "2 ready pods", () -> reflex.readyPods("demo-micro-service") == 2);

    qps(350, 350);
    Eventually.until(WAIT, "the HPA reads 700 and keeps 2", () -> "700".equals(currentQps())
        && desired() == 2, MetricsApiHpaTest::state);
    assertEquals(2, reflex.replicas("Deployment", "demo-micro-service"));
    JsonObject served = EmbeddedReflex.await(reflex.rest.get("/apis/external.metrics.k8s.io/v1beta1/namespaces/"
        + "default/http_index_qps?labelSelector=env%3Ddemo-prod"));
    assertEquals(2, served.getJsonArray("items").size());
    assertEquals("350", served.getJsonArray("items").getJsonObject(0).getString("value"));

    qps(650, 650);
    Eventually.until(WAIT, "the HPA reads 1300 and keeps 2 (within tolerance)", () -> "1300".equals(currentQps())
        && desired() == 2, MetricsApiHpaTest::state);
    qps(750, 750);
    Eventually.until(WAIT, "1500 gives 3", () -> reflex.replicas("Deployment", "demo-micro-service") == 3,
        MetricsApiHpaTest::state);
    Eventually.until(WAIT, "3 ready pods", () -> reflex.readyPods("demo-micro-service") == 3);

    qps(700, 700, 600);
    Eventually.until(WAIT, "2000 on 3 pods gives 5", () -> reflex.replicas("Deployment", "demo-micro-service") == 5,
        MetricsApiHpaTest::state);
    assertTrue(events().contains("New size: 5; reason: external metric http_index_qps"), events());
  }

  @Test
  void aPodsMetricIsReadFromTheCustomMetricsApi() {
    reflex.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 1
          maxReplicas: 5
          metrics:
          - type: Pods
            pods:
              metric: {name: http_requests}
              target: {type: AverageValue, averageValue: "50"}
        """);
    Eventually.until(WAIT, "1 ready pod", () -> reflex.readyPods("web") == 1);
    reflex.remoteWrite(http, "web", "http_requests", 120);
    Eventually.until(WAIT, "120 per pod against 50 gives 3", () -> reflex.replicas("Deployment", "web") == 3,
        () -> String.valueOf(hpa("web").getJsonObject("status")));
    JsonArray resources = EmbeddedReflex.await(reflex.rest.get("/apis/custom.metrics.k8s.io/v1beta2"))
        .getJsonArray("resources");
    assertTrue(resources.stream().anyMatch(r -> "pods/http_requests".equals(((JsonObject) r).getString("name"))),
        resources::encode);
  }

  /** The README's {@code scripts/reflex write 'rps{namespace="default",pod="..."} 120'}, read back as a Pods metric. */
  @Test
  void aSampleTypedWithReflexWriteIsServedByTheCustomMetricsApi() {
    reflex.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: typed}
        spec:
          replicas: 1
          selector: {matchLabels: {app: typed}}
          template:
            metadata: {labels: {app: typed}}
            spec:
              containers: [{name: web, image: nginx}]
        """);
    Eventually.until(WAIT, "1 ready pod", () -> reflex.readyPods("typed") == 1);
    String pod = reflex.pods("typed").get(0).getMetadata().getName();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit = dev.reflex.cli.ReflexCli.run(new String[] {"write",
        "rps{namespace=\"default\",pod=\"" + pod + "\"} 120", "--url", "http://127.0.0.1:" + reflex.app.httpPort()},
        Map.of(), System.out, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(0, exit, err::toString);
    Eventually.until(WAIT, "pods/*/rps answers 120 for " + pod, () -> {
      JsonArray items = EmbeddedReflex.await(reflex.rest.get("/apis/custom.metrics.k8s.io/v1beta2/namespaces/"
          + "default/pods/*/rps?labelSelector=app%3Dtyped")).getJsonArray("items");
      return items.size() == 1 && "120".equals(items.getJsonObject(0).getString("value"))
          && pod.equals(items.getJsonObject(0).getJsonObject("describedObject").getString("name"));
    });
  }

  /** One remote-write batch: {@code http_index_qps{env="demo-prod"}} of each pod, in pod-name order. */
  private static void qps(double... perPod) {
    List<Pod> pods = new ArrayList<>(reflex.pods("demo-micro-service"));
    pods.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
    assertEquals(perPod.length, pods.size(), "one value per pod");
    long now = System.currentTimeMillis();
    List<RawSeries> series = new ArrayList<>();
    for (int i = 0; i < perPod.length; i++) {
      series.add(RemoteWriteEncoder.series(now, perPod[i], "__name__", "http_index_qps", "env", "demo-prod",
          "namespace", "default", "pod", pods.get(i).getMetadata().getName()));
    }
    reflex.remoteWrite(http, series);
  }

  private static String currentQps() {
    JsonArray metrics = hpa("demo-micro-service").getJsonObject("status", new JsonObject())
        .getJsonArray("currentMetrics");
    return metrics == null || metrics.isEmpty() ? null : metrics.getJsonObject(0).getJsonObject("external")
        .getJsonObject("current").getString("value");
  }

  private static int desired() {
    return hpa("demo-micro-service").getJsonObject("status", new JsonObject()).getInteger("desiredReplicas", -1);
  }

  private static JsonObject hpa(String name) {
    return EmbeddedReflex.await(reflex.rest.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/"
        + name).recover(e -> Future.succeededFuture(new JsonObject())));
  }

  private static String events() {
    JsonArray items = EmbeddedReflex.await(reflex.rest.get("/api/v1/namespaces/default/events"))
        .getJsonArray("items");
    StringBuilder messages = new StringBuilder();
    items.forEach(e -> messages.append(((JsonObject) e).getString("message")).append('\n'));
    return messages.toString();
  }

  private static String state() {
    return "hpa " + hpa("demo-micro-service").getJsonObject("status") + ", replicas "
        + reflex.replicas("Deployment", "demo-micro-service");
  }
}
