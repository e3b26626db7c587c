package dev.reflex.embedded;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the ReplicaSet controller deletes pods when it shrinks: pods that are unscheduled, pending, or
 * not ready go first, then lower {@code controller.kubernetes.io/pod-deletion-cost}, then the newest. Reflex relies
 * on the deletion cost to make the controller remove exactly the pods it chose.
 */
final class ReplicaSetVictims {

  static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

  private ReplicaSetVictims() {
  }

  static List<JsonObject> rank(List<JsonObject> pods) {
    return pods.stream().sorted(ORDER).toList();
  }

  private static final Comparator<JsonObject> ORDER = Comparator
      .comparingInt((JsonObject p) -> p.getJsonObject("spec", new JsonObject()).containsKey("nodeName") ? 1 : 0)
      .thenComparingInt(p -> phaseRank(p.getJsonObject("status", new JsonObject()).getString("phase", "Pending")))
      .thenComparingInt(p -> PodLifecycle.ready(p) ? 1 : 0)
      .thenComparingLong(ReplicaSetVictims::deletionCost)
      .thenComparing(p -> p.getJsonObject("metadata").getString("creationTimestamp", ""),
          Comparator.reverseOrder())
      .thenComparing(p -> p.getJsonObject("metadata").getString("name"));

  private static int phaseRank(String phase) {
    return switch (phase) {
      case "Pending" -> 0;
      case "Unknown" -> 1;
      default -> 2;
    };
  }

  private static long deletionCost(JsonObject pod) {
    JsonObject annotations = pod.getJsonObject("metadata").getJsonObject("annotations", new JsonObject());
    try {
      return Long.parseLong(annotations.getString(DELETION_COST, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
