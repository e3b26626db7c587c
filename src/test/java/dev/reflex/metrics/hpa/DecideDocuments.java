package dev.reflex.metrics.hpa;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * KubeHPA decide documents around read metric inputs, shaped as the HorizontalPortrait controller builds them: the
 * raw replica calculation (tolerance 0.1, no stabilization, no rate limit).
 */
final class DecideDocuments {

  private DecideDocuments() {
  }

  /** A Running, Ready pod started an hour before {@code now}, requesting 200m cpu in container {@code app}. */
  static JsonObject readyPod(String name, Instant now) {
    String started = now.minusSeconds(3600).toString();
    return new JsonObject()
        .put("metadata", new JsonObject().put("name", name).put("labels", new JsonObject().put("app", "web")))
        .put("spec", new JsonObject().put("containers", new JsonArray().add(new JsonObject().put("name", "app")
            .put("resources", new JsonObject().put("requests", new JsonObject().put("cpu", "200m"))))))
        .put("status", new JsonObject().put("phase", "Running").put("startTime", started)
            .put("conditions", new JsonArray().add(new JsonObject().put("type", "Ready").put("status", "True")
                .put("lastTransitionTime", started))));
  }

  static JsonObject document(String namespace, JsonArray metrics, List<String> pods, HpaMetricInputs inputs,
      Instant now) {
    JsonArray podJson = new JsonArray();
    pods.forEach(p -> podJson.add(readyPod(p, now)));
    JsonObject hpa = new JsonObject().put("apiVersion", "autoscaling/v2").put("kind", "HorizontalPodAutoscaler")
        .put("metadata", new JsonObject().put("name", "web").put("namespace", namespace))
        .put("spec", new JsonObject().put("scaleTargetRef", new JsonObject().put("apiVersion", "apps/v1")
            .put("kind", "StatefulSet").put("name", "web")).put("minReplicas", 1).put("maxReplicas", 100000)
            .put("metrics", metrics.copy()));
    JsonObject config = new JsonObject().put("scaleUpTolerance", 0.1).put("scaleDownTolerance", 0.1)
        .put("downscaleStabilizationSeconds", 0).put("legacyScaleUpLimitFactor", 1000)
        .put("legacyScaleUpLimitMinimum", 100000);
    return new JsonObject().put("algorithm", "KubeHPA").put("now", now.toString()).put("hpa", hpa)
        .put("scale", new JsonObject().put("spec", new JsonObject().put("replicas", pods.size()))
            .put("status", new JsonObject().put("replicas", pods.size()).put("selector", "app=web")))
        .put("pods", podJson).put("podMetrics", inputs.podMetrics()).put("metricValues", inputs.metricValues())
        .put("config", config);
  }
}
