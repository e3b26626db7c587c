package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Deployment controller's {@code Available} and {@code Progressing} conditions, which {@code kubectl wait
 * --for=condition=Available} and rollout tooling read. A condition keeps its transition time while its status and
 * reason stay, so a steady Deployment's status does not change.
 */
final class DeploymentConditions {

  private DeploymentConditions() {
  }

  static JsonArray of(JsonObject deployment, String replicaSet, int desired, int ready, int updated, Instant now) {
    boolean available = ready >= desired;
    boolean complete = updated == desired && ready == desired;
    JsonArray previous = deployment.getJsonObject("status", new JsonObject()).getJsonArray("conditions",
        new JsonArray());
    return new JsonArray()
        .add(condition(previous, "Available", available,
            available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
            now))
        .add(condition(previous, "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
            complete ? "ReplicaSet \"" + replicaSet + "\" has successfully progressed."
                : "ReplicaSet \"" + replicaSet + "\" is progressing.", now));
  }

  private static JsonObject condition(JsonArray previous, String type, boolean status, String reason,
      String message, Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    for (Object p : previous) {
      JsonObject old = (JsonObject) p;
      if (type.equals(old.getString("type")) && String.valueOf(status).equalsIgnoreCase(old.getString("status"))
          && reason.equals(old.getString("reason"))) {
        return old.copy().put("message", message);
      }
    }
    return new JsonObject().put("type", type).put("status", status ? "True" : "False").put("lastUpdateTime", time)
        .put("lastTransitionTime", time).put("reason", reason).put("message", message);
  }
}
