package dev.reflex.bus;

import io.vertx.core.json.JsonObject;

/** Requests to change a workload's replica count and what came of them. */
public sealed interface ScaleMessage extends BusMessage {

  /** The workload kind: {@code Deployment}, {@code StatefulSet} or {@code ReplicaSet}. */
  String kind();

  /**
   * Set the replicas of a workload through its {@code /scale} subresource.
   *
   * @param kind workload kind
   * @param target the workload
   * @param replicas the desired replica count, at least 0
   * @param reason why, for events and taps
   */
  record ScaleRequest(String kind, TargetKey target, int replicas, String reason) implements ScaleMessage {
    public ScaleRequest {
      if (replicas < 0) {
        throw new IllegalArgumentException("replicas must not be negative: " + replicas);
      }
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "ScaleRequest").put("kind", kind).put("target", target.toString())
          .put("replicas", replicas).put("reason", reason);
    }
  }

  /**
   * The API server accepted the new replica count.
   *
   * @param kind workload kind
   * @param target the workload
   * @param replicas {@code spec.replicas} in the Scale the API server answered with
   * @param latencyMillis from the request's arrival at the actuator to the API server's answer
   */
  record ScaleApplied(String kind, TargetKey target, int replicas, double latencyMillis) implements ScaleMessage {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "ScaleApplied").put("kind", kind).put("target", target.toString())
          .put("replicas", replicas).put("latencyMillis", latencyMillis);
    }
  }

  /**
   * The patch failed after retries.
   *
   * @param kind workload kind
   * @param target the workload
   * @param replicas the replica count that was asked for
   * @param error what the API server or client said
   */
  record ScaleFailed(String kind, TargetKey target, int replicas, String error) implements ScaleMessage {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "ScaleFailed").put("kind", kind).put("target", target.toString())
          .put("replicas", replicas).put("error", error);
    }
  }
}
