package dev.reflex.bus;

import io.vertx.core.json.JsonObject;

/** What the embedded cluster's workload simulator did, playing kube-controller-manager. */
public sealed interface SimulatorEvent extends BusMessage {

  /**
   * A pod was created for a workload.
   *
   * @param target the pod
   * @param owner the workload ({@code Kind/name})
   */
  record PodCreated(TargetKey target, String owner) implements SimulatorEvent {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "PodCreated").put("target", target.toString()).put("owner", owner);
    }
  }

  /**
   * A pod's Ready condition changed.
   *
   * @param target the pod
   * @param ready the new value
   */
  record PodReadiness(TargetKey target, boolean ready) implements SimulatorEvent {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "PodReadiness").put("target", target.toString()).put("ready", ready);
    }
  }

  /**
   * A pod was deleted because its workload shrank.
   *
   * @param target the pod
   * @param owner the workload ({@code Kind/name})
   */
  record PodDeleted(TargetKey target, String owner) implements SimulatorEvent {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "PodDeleted").put("target", target.toString()).put("owner", owner);
    }
  }

  /**
   * A workload's status or a Service's Endpoints were brought up to date.
   *
   * @param kind {@code StatefulSet}, {@code Deployment}, {@code ReplicaSet} or {@code Endpoints}
   * @param target the object
   * @param replicas pods counted
   * @param ready of which Ready
   */
  record StatusSynced(String kind, TargetKey target, int replicas, int ready) implements SimulatorEvent {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "StatusSynced").put("kind", kind).put("target", target.toString())
          .put("replicas", replicas).put("ready", ready);
    }
  }
}
