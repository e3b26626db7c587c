package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.child;
import static dev.reflex.embedded.apiserver.JsonNodes.defaultValue;
import static dev.reflex.embedded.apiserver.JsonNodes.object;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * autoscaling/v2 HorizontalPodAutoscaler defaults. The 80% CPU metric is written into the object (v2 has no
 * implicit metric), and behavior is only completed when the user set one: an HPA without {@code spec.behavior}
 * stays without it, and the controller applies the same rules from its own flags.
 */
final class HpaDefaults {

  static final int DEFAULT_CPU_UTILIZATION = 80;

  private HpaDefaults() {
  }

  /** Defaults an autoscaling/v2 HPA in place. */
  static void applyV2(JsonObject hpa) {
    JsonObject spec = child(hpa, "spec");
    defaultValue(spec, "minReplicas", 1);
    Object metrics = spec.getValue("metrics");
    if (!(metrics instanceof JsonArray array) || array.isEmpty()) {
      spec.put("metrics", new JsonArray().add(defaultCpuMetric()));
    }
    JsonObject behavior = object(spec, "behavior");
    if (behavior != null) {
      behavior.put("scaleUp", completeRules(object(behavior, "scaleUp"), defaultScaleUp()));
      behavior.put("scaleDown", completeRules(object(behavior, "scaleDown"), defaultScaleDown()));
    }
    defaultStatus(child(hpa, "status"));
  }

  /** Defaults an autoscaling/v1 HPA in place: only minReplicas (v1 leaves the CPU target implicit). */
  static void applyV1(JsonObject hpa) {
    defaultValue(child(hpa, "spec"), "minReplicas", 1);
    JsonObject status = child(hpa, "status");
    defaultValue(status, "currentReplicas", 0);
    defaultValue(status, "desiredReplicas", 0);
  }

  /** The Go v2 status struct always writes desiredReplicas and currentMetrics (null when none). */
  private static void defaultStatus(JsonObject status) {
    defaultValue(status, "desiredReplicas", 0);
    if (!status.containsKey("currentMetrics")) {
      status.putNull("currentMetrics");
    }
  }

  static JsonObject defaultCpuMetric() {
    return new JsonObject().put("type", "Resource").put("resource", new JsonObject().put("name", "cpu")
        .put("target", new JsonObject().put("type", "Utilization").put("averageUtilization", DEFAULT_CPU_UTILIZATION)));
  }

  /** Scale up: no stabilization, the larger of +4 pods or +100% every 15 s. */
  static JsonObject defaultScaleUp() {
    return new JsonObject().put("stabilizationWindowSeconds", 0).put("selectPolicy", "Max")
        .put("policies", new JsonArray().add(policy("Pods", 4, 15)).add(policy("Percent", 100, 15)));
  }

  /** Scale down: -100% every 15 s; the stabilization window stays unset (the controller's flag, 300 s, applies). */
  static JsonObject defaultScaleDown() {
    return new JsonObject().put("selectPolicy", "Max")
        .put("policies", new JsonArray().add(policy("Percent", 100, 15)));
  }

  private static JsonObject policy(String type, int value, int periodSeconds) {
    return new JsonObject().put("type", type).put("value", value).put("periodSeconds", periodSeconds);
  }

  /** The user's rules with each unset part taken from the defaults; the defaults themselves when none were given. */
  private static JsonObject completeRules(JsonObject rules, JsonObject defaults) {
    if (rules == null) {
      return defaults;
    }
    for (String key : defaults.fieldNames()) {
      defaultValue(rules, key, defaults.getValue(key));
    }
    return rules;
  }
}
