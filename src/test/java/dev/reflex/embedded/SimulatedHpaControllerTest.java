package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded cluster's HorizontalPodAutoscaler controller on seed 001's php-apache: pods request 200m CPU, the
 * HPA targets 50 % utilization. A load of 500m on one pod (plus 1m idle) is 250 %, more than 5 pods' worth; an HPA
 * without {@code behavior} may at most double or reach 4 per pass, so the first rescale is to 4, as upstream's. At
 * 5 pods each is at (500 / 5 + 1) / 200 = 50.5 %, shown as 50 % (upstream truncates), within tolerance: 5 stays.
 */
class SimulatedHpaControllerTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String HPA_PATH = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/php-apache";

  @TempDir
  static Path dir;

  static EmbeddedReflex reflex;

  @BeforeAll
  static void start() {
    // Decided every 2 s instead of upstream's 15 s: the same steps, sooner.
    reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of(
        "REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_SYNC_PERIOD", "2s"));
  }

  @AfterAll
  static void stop() {
    reflex.close();
  }

  @Test
  void cpuLoadScalesPhpApacheAsUpstreamWouldAndTheStatusSaysWhy() {
    reflex.apply(Seed001.PHP_APACHE);
    reflex.apply("""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: php-apache}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
          minReplicas: 1
          maxReplicas: 10
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
        """);
    Eventually.until(WAIT, "an idle php-apache at 1 pod, its utilization in the HPA's status", () -> {
      JsonObject status = hpa().getJsonObject("status", new JsonObject());
      return reflex.replicas("Deployment", "php-apache") == 1 && utilization(status) != null;
    }, () -> "status " + hpa().getJsonObject("status"));
    assertEquals(0, utilization(hpa().getJsonObject("status")), "1m of 200m is 0 %: upstream truncates");

    reflex.cluster.load().set("default/Deployment/php-apache", 500);

    Eventually.until(WAIT, "scaled to 5 and settled there", () -> {
      JsonObject status = hpa().getJsonObject("status", new JsonObject());
      return status.getInteger("desiredReplicas", 0) == 5 && status.getInteger("currentReplicas", 0) == 5
          && reflex.replicas("Deployment", "php-apache") == 5 && Integer.valueOf(50).equals(utilization(status));
    }, () -> "status " + hpa().getJsonObject("status") + ", replicas " + reflex.replicas("Deployment", "php-apache"));
    JsonObject status = hpa().getJsonObject("status");
    assertTrue(status.getString("lastScaleTime") != null, "a rescale records its time");
    JsonObject ableToScale = condition(status, "AbleToScale");
    assertEquals("True", ableToScale.getString("status"));
    JsonObject scalingActive = condition(status, "ScalingActive");
    assertEquals("ValidMetricFound", scalingActive.getString("reason"));
    JsonArray events = EmbeddedReflex.await(reflex.rest.get("/api/v1/namespaces/default/events"))
        .getJsonArray("items");
    assertTrue(events.stream().map(JsonObject.class::cast).anyMatch(e -> "SuccessfulRescale".equals(
        e.getString("reason")) && "New size: 4; reason: cpu resource utilization (percentage of request) above target"
        .equals(e.getString("message"))
        && "HorizontalPodAutoscaler".equals(e.getJsonObject("involvedObject").getString("kind"))),
        "upstream's rescale event: " + events);
  }

  private static JsonObject hpa() {
    return EmbeddedReflex.await(reflex.rest.get(HPA_PATH).recover(e -> Future.succeededFuture(new JsonObject())));
  }

  private static Integer utilization(JsonObject status) {
    JsonArray metrics = status == null ? null : status.getJsonArray("currentMetrics");
    if (metrics == null || metrics.isEmpty()) {
      return null;
    }
    return metrics.getJsonObject(0).getJsonObject("resource", new JsonObject())
        .getJsonObject("current", new JsonObject()).getInteger("averageUtilization");
  }

  private static JsonObject condition(JsonObject status, String type) {
    return status.getJsonArray("conditions").stream().map(JsonObject.class::cast)
        .filter(c -> type.equals(c.getString("type"))).findFirst().orElseThrow();
  }
}
