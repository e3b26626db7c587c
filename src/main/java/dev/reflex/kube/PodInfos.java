package dev.reflex.kube;

import dev.reflex.core.pods.PodInfo;
import dev.reflex.core.pods.PodKeys;
import dev.reflex.core.pods.PodPhase;
import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Maps core/v1 Pod JSON onto the decision core's {@link PodInfo}: the one place that reads pods for the core. */
public final class PodInfos {

  private PodInfos() {
  }

  public static PodInfo fromJson(JsonObject pod) {
    JsonObject meta = pod.getJsonObject("metadata", new JsonObject());
    JsonObject spec = pod.getJsonObject("spec", new JsonObject());
    JsonObject status = pod.getJsonObject("status", new JsonObject());
    Map<String, String> labels = new HashMap<>();
    meta.getJsonObject("labels", new JsonObject()).forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    PodInfo.Builder builder = PodInfo.builder(meta.getString("name")).uid(meta.getString("uid", ""))
        .nodeName(spec.getString("nodeName")).phase(PodPhase.fromApi(status.getString("phase", "Pending")))
        .createdAt(instant(meta.getString("creationTimestamp"))).labels(labels)
        .deletionCost(PodInfo.parseDeletionCost(meta.getJsonObject("annotations", new JsonObject())
            .getString(PodKeys.DELETION_COST_ANNOTATION)))
        .restartCount(status.getJsonArray("containerStatuses", new JsonArray()).stream()
            .mapToInt(c -> ((JsonObject) c).getInteger("restartCount", 0)).max().orElse(0));
    for (Object c : status.getJsonArray("conditions", new JsonArray())) {
      JsonObject condition = (JsonObject) c;
      if ("Ready".equals(condition.getString("type")) && "True".equals(condition.getString("status"))) {
        builder.readySince(instant(condition.getString("lastTransitionTime")));
      }
    }
    return builder.build();
  }

  /** metav1.Time, or null when absent or malformed (the pod then has no such instant). */
  private static Instant instant(String text) {
    return Timestamps.parse(text);
  }
}
