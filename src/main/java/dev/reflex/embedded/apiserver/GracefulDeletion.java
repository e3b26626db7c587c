package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;

/**
 * How long a deleted object may take to go, as kube-apiserver decides it: only pods are deleted gracefully. A pod
 * bound to a node gets the grace period the request asks for, else its own {@code terminationGracePeriodSeconds}
 * (30 by default): it is marked with {@code deletionTimestamp} and {@code deletionGracePeriodSeconds} and stays until
 * its kubelet has stopped it and deletes it with a grace period of 0. A pod never scheduled, or one whose containers
 * have all finished, has nothing to stop and goes at once.
 */
final class GracefulDeletion {

  private static final long DEFAULT_GRACE_SECONDS = 30;

  private GracefulDeletion() {
  }

  /** The grace period for deleting {@code object}; 0 means it is removed at once. */
  static long seconds(ResourceType type, JsonObject object, Long requested) {
    if (!(type.builtIn() && type.group().isEmpty() && "Pod".equals(type.kind()))) {
      return 0;
    }
    JsonObject spec = object.getValue("spec") instanceof JsonObject s ? s : new JsonObject();
    JsonObject status = object.getValue("status") instanceof JsonObject s ? s : new JsonObject();
    String phase = status.getValue("phase") instanceof String p ? p : "";
    if (!(spec.getValue("nodeName") instanceof String node) || node.isEmpty() || "Succeeded".equals(phase)
        || "Failed".equals(phase)) {
      return 0;
    }
    long grace = requested != null ? requested
        : spec.getValue("terminationGracePeriodSeconds") instanceof Number n ? n.longValue() : DEFAULT_GRACE_SECONDS;
    // A negative request is taken as the shortest graceful deletion there is, as kube does.
    return grace < 0 ? 1 : grace;
  }
}
