package dev.reflex.embedded;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Events kube-controller-manager records for what the simulated controllers do, worded as the StatefulSet,
 * ReplicaSet and Deployment controllers word them, so {@code kubectl describe} and {@code kubectl events} read as
 * on a cluster.
 */
final class ControllerEvents {

  /** Keeps two events of one instant apart. */
  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

  private ControllerEvents() {
  }

  static JsonObject podCreated(JsonObject owner, String ownerKind, String pod, Instant now) {
    String message = "StatefulSet".equals(ownerKind)
        ? "create Pod " + pod + " in StatefulSet " + name(owner) + " successful" : "Created pod: " + pod;
    return event(owner, ownerKind, "SuccessfulCreate", message, now);
  }

  static JsonObject podDeleted(JsonObject owner, String ownerKind, String pod, Instant now) {
    String message = "StatefulSet".equals(ownerKind)
        ? "delete Pod " + pod + " in StatefulSet " + name(owner) + " successful" : "Deleted pod: " + pod;
    return event(owner, ownerKind, "SuccessfulDelete", message, now);
  }

  /** The Deployment controller's record of a new ReplicaSet: {@code Scaled up replica set web-5d9c to 3}. */
  static JsonObject replicaSetCreated(JsonObject deployment, String replicaSet, int replicas, Instant now) {
    return event(deployment, "Deployment", "ScalingReplicaSet", "Scaled up replica set " + replicaSet + " to "
        + replicas, now);
  }

  /** The Deployment controller's record of a resize: {@code Scaled down replica set web-5d9c to 1 from 3}. */
  static JsonObject replicaSetScaled(JsonObject deployment, String replicaSet, int from, int to, Instant now) {
    return event(deployment, "Deployment", "ScalingReplicaSet", "Scaled " + (to > from ? "up" : "down")
        + " replica set " + replicaSet + " to " + to + " from " + from, now);
  }

  /** An event of the HorizontalPodAutoscaler controller about an autoscaling/v2 HPA. */
  static JsonObject hpa(JsonObject hpa, boolean warning, String reason, String message, Instant now) {
    return event(hpa, "autoscaling/v2", "HorizontalPodAutoscaler", "horizontal-pod-autoscaler",
        warning ? "Warning" : "Normal", reason, message, now);
  }

  private static JsonObject event(JsonObject owner, String ownerKind, String reason, String message, Instant now) {
    String component = switch (ownerKind) {
      case "StatefulSet" -> "statefulset-controller";
      case "Deployment" -> "deployment-controller";
      default -> "replicaset-controller";
    };
    return event(owner, owner.getString("apiVersion", "apps/v1"), ownerKind, component, "Normal", reason, message,
        now);
  }

  private static JsonObject event(JsonObject owner, String apiVersion, String ownerKind, String component,
      String type, String reason, String message, Instant now) {
    JsonObject meta = owner.getJsonObject("metadata");
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new JsonObject().put("apiVersion", "v1").put("kind", "Event")
        // Named as kube's event recorder names them: the object's name and a hexadecimal timestamp.
        .put("metadata", new JsonObject().put("name", name(owner) + "." + Long.toHexString(now.getEpochSecond()
                * 1_000_000_000L + now.getNano() + SEQUENCE.incrementAndGet()))
            .put("namespace", meta.getString("namespace")))
        .put("involvedObject", new JsonObject().put("apiVersion", apiVersion)
            .put("kind", ownerKind).put("name", name(owner)).put("namespace", meta.getString("namespace"))
            .put("uid", meta.getString("uid", "")).put("resourceVersion", meta.getString("resourceVersion", "")))
        .put("reason", reason).put("message", message).put("type", type)
        .put("source", new JsonObject().put("component", component)).put("reportingComponent", component)
        .put("firstTimestamp", time).put("lastTimestamp", time).put("count", 1);
  }

  private static String name(JsonObject object) {
    return object.getJsonObject("metadata").getString("name");
  }
}
