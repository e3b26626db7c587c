package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.objects.Quantity;
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
 * Seed 001's walkthrough on the embedded cluster, with its load generator as a pod: the loop's 100 requests per
 * second at 6.1m each are 610m on php-apache, 305 % of its 200m request (the seed's figure). The HPA (as
 * {@code kubectl autoscale --cpu-percent=50} writes it, autoscaling/v1) wants ceil(6.1) = 7 pods, reached through
 * the 4 that one pass may add; at 7 pods each is at 88m = 44 %, and 7 stays, as in the seed. Deleting the load
 * generator brings it back to 1 after the downscale stabilization, compressed here from 5 min to 10 s.
 */
class LoadGeneratorPodTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dir;

  static EmbeddedReflex reflex;

  @BeforeAll
  static void start() {
    reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of(
        "REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_SYNC_PERIOD", "2s",
        "REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_DOWNSCALE_STABILIZATION", "10s"));
  }

  @AfterAll
  static void stop() {
    reflex.close();
  }

  @Test
  void theSeedsLoadGeneratorScalesPhpApacheToSevenAndItsDeletionBackToOne() {
    reflex.apply(Seed001.PHP_APACHE);
    reflex.apply("""
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: php-apache}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
          minReplicas: 1
          maxReplicas: 10
          targetCPUUtilizationPercentage: 50
        """);
    Eventually.until(WAIT, "php-apache idle at 1 pod, 0 %", () -> "0".equals(targets()), LoadGeneratorPodTest::state);

    reflex.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: load-generator}
        spec:
          restartPolicy: Never
          containers:
          - name: load-generator
            image: busybox:1.28
            args: [/bin/sh, -c, "while sleep 0.01; do wget -q -O- http://php-apache; done"]
        """);
    Eventually.until(WAIT, "7 pods at 44 %", () -> reflex.replicas("Deployment", "php-apache") == 7
        && "44".equals(targets()), LoadGeneratorPodTest::state);
    assertEquals(7, hpa().getJsonObject("status").getInteger("desiredReplicas"));
    // The loop's 100 requests/s is also a streamed rps series, shared by the 7 serving pods.
    Eventually.until(WAIT, "100 rps over 7 pods in the custom metrics API", () -> {
      JsonArray items = EmbeddedReflex.await(reflex.rest.get("/apis/custom.metrics.k8s.io/v1beta2/namespaces/default"
          + "/pods/*/rps?labelSelector=run%3Dphp-apache")).getJsonArray("items");
      double total = items.stream().mapToDouble(i -> Quantity.parseMilli(((JsonObject) i).getString("value"))
          / 1000.0).sum();
      return items.size() == 7 && Math.abs(total - 100) < 0.1;
    }, LoadGeneratorPodTest::state);

    EmbeddedReflex.await(reflex.rest.deleteIfPresent("/api/v1/namespaces/default/pods/load-generator"));
    Eventually.until(WAIT, "back to 1 pod at 0 %", () -> reflex.replicas("Deployment", "php-apache") == 1
        && "0".equals(targets()), LoadGeneratorPodTest::state);
  }

  /** The HPA as autoscaling/v1 shows it: {@code status.currentCPUUtilizationPercentage}. */
  private static String targets() {
    Object current = hpa().getJsonObject("status", new JsonObject()).getValue("currentCPUUtilizationPercentage");
    return current == null ? null : String.valueOf(current);
  }

  private static JsonObject hpa() {
    return EmbeddedReflex.await(reflex.rest.get("/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers"
        + "/php-apache").recover(e -> Future.succeededFuture(new JsonObject())));
  }

  private static String state() {
    return "hpa " + hpa().getJsonObject("status") + ", replicas " + reflex.replicas("Deployment", "php-apache");
  }
}
