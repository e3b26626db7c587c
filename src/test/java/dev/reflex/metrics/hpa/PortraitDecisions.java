package dev.reflex.metrics.hpa;

import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.Scale;
import dev.reflex.objects.HpaObjects;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * KubeHPA decisions on read metric inputs, set up as the HorizontalPortrait controller sets them up: the raw replica
 * calculation (tolerance 0.1, no stabilization, no rate limit), every pod Running and Ready.
 */
final class PortraitDecisions {

  private PortraitDecisions() {
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

  static HpaDecision decide(String namespace, JsonArray metrics, List<String> pods, HpaMetricInputs inputs,
      Instant now) {
    HpaSpec spec = new HpaSpec("web", namespace, 1, 100_000, HpaObjects.metrics(metrics, "spec.metrics"), null);
    List<PodInfo> podInfos = pods.stream().map(p -> HpaObjects.pod(readyPod(p, now), p)).toList();
    HpaConfig config = new HpaConfig(0.1, 0.1, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ZERO, 1000,
        100_000);
    HpaInput input = new HpaInput(spec, new Scale(pods.size(), pods.size(), "app=web"), podInfos,
        inputs.podMetrics(), inputs.metricValues(), null, config);
    return KubeHpa.decide(input, HpaState.FIRST_SIGHT, now);
  }
}
