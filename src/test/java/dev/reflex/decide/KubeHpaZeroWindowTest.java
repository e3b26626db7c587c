package dev.reflex.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legacy path with a zero downscale-stabilization window must scale down at once, even at first sight (which
 * seeds the current count as a recommendation at the decision's own instant), as the HPA does with
 * {@code --horizontal-pod-autoscaler-downscale-stabilization=0}.
 */
class KubeHpaZeroWindowTest {

  static Stream<Arguments> windows() {
    return Stream.of(
        Arguments.of("zero window, first sight: scales down to the calculation", 0, 1),
        Arguments.of("five-minute window, first sight: held at the current count", 300, 6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windows")
  void firstSightScaleDownFollowsTheWindow(String label, int windowSeconds, int expected) {
    JsonArray pods = new JsonArray();
    JsonArray metrics = new JsonArray();
    for (int i = 0; i < 6; i++) {
      String name = "web-" + i;
      pods.add(new JsonObject()
          .put("metadata", new JsonObject().put("name", name).put("namespace", "default")
              .put("labels", new JsonObject().put("app", "web")))
          .put("spec", new JsonObject().put("containers", new JsonArray().add(new JsonObject().put("name", "c")
              .put("resources", new JsonObject().put("requests", new JsonObject().put("cpu", "100m"))))))
          .put("status", new JsonObject().put("phase", "Running").put("startTime", "2026-01-01T00:00:00Z")
              .put("conditions", new JsonArray().add(new JsonObject().put("type", "Ready").put("status", "True")
                  .put("lastTransitionTime", "2026-01-01T00:00:05Z")))));
      metrics.add(new JsonObject().put("metadata", new JsonObject().put("name", name).put("namespace", "default"))
          .put("timestamp", "2026-01-01T01:00:00Z").put("window", "15s")
          .put("containers", new JsonArray().add(new JsonObject().put("name", "c")
              .put("usage", new JsonObject().put("cpu", "1m")))));
    }
    JsonObject doc = new JsonObject().put("algorithm", "KubeHPA").put("now", "2026-01-01T01:00:00Z")
        .put("hpa", new JsonObject().put("apiVersion", "autoscaling/v2").put("kind", "HorizontalPodAutoscaler")
            .put("metadata", new JsonObject().put("name", "web").put("namespace", "default"))
            .put("spec", new JsonObject()
                .put("scaleTargetRef", new JsonObject().put("apiVersion", "apps/v1").put("kind", "StatefulSet")
                    .put("name", "web"))
                .put("minReplicas", 1).put("maxReplicas", 10)
                .put("metrics", new JsonArray().add(new JsonObject().put("type", "Resource").put("resource",
                    new JsonObject().put("name", "cpu").put("target", new JsonObject().put("type", "Utilization")
                        .put("averageUtilization", 30)))))))
        .put("scale", new JsonObject().put("spec", new JsonObject().put("replicas", 6))
            .put("status", new JsonObject().put("replicas", 6).put("selector", "app=web")))
        .put("pods", pods).put("podMetrics", metrics)
        .put("config", new JsonObject().put("downscaleStabilizationSeconds", windowSeconds));
    assertEquals(expected, new KubeHpaDecide().decide(doc).getInteger("desiredReplicas"));
  }
}
