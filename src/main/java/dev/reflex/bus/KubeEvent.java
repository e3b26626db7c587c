package dev.reflex.bus;

import io.vertx.core.json.JsonObject;

/**
 * A change seen by a watch. Level-triggered: consumers re-read the latest state for the key rather than trusting
 * the delta, so only identity and a small summary travel.
 */
public sealed interface KubeEvent extends BusMessage {

  /** The Kubernetes kind, e.g. {@code StatefulSet}. */
  String kind();

  /**
   * An object was added or changed.
   *
   * @param kind the Kubernetes kind
   * @param target namespace and name
   * @param resourceVersion the object's resourceVersion
   * @param summary a few fields worth seeing in a tap (replicas, phase, readiness)
   */
  record Applied(String kind, TargetKey target, String resourceVersion, JsonObject summary) implements KubeEvent {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "Applied").put("kind", kind).put("target", target.toString())
          .put("resourceVersion", resourceVersion).put("summary", summary);
    }
  }

  /**
   * An object was deleted.
   *
   * @param kind the Kubernetes kind
   * @param target namespace and name
   */
  record Deleted(String kind, TargetKey target) implements KubeEvent {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("type", "Deleted").put("kind", kind).put("target", target.toString());
    }
  }
}
