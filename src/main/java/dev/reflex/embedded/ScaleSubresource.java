package dev.reflex.embedded;

import dev.reflex.labels.LabelSelector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Conversions between a workload and its {@code autoscaling/v1 Scale}, as the real API server performs them. */
final class ScaleSubresource {

  private ScaleSubresource() {
  }

  /** The Scale of a Deployment, StatefulSet or ReplicaSet. */
  static JsonObject toScale(JsonObject workload) {
    JsonObject meta = workload.getJsonObject("metadata", new JsonObject());
    JsonObject spec = workload.getJsonObject("spec", new JsonObject());
    JsonObject status = workload.getJsonObject("status", new JsonObject());
    JsonObject scaleMeta = new JsonObject();
    for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (meta.containsKey(field)) {
        scaleMeta.put(field, meta.getValue(field));
      }
    }
    JsonObject scaleStatus = new JsonObject().put("replicas", status.getInteger("replicas", 0));
    String selector = selector(spec.getJsonObject("selector"));
    if (!selector.isEmpty()) {
      scaleStatus.put("selector", selector);
    }
    return new JsonObject().put("kind", "Scale").put("apiVersion", "autoscaling/v1").put("metadata", scaleMeta)
        .put("spec", new JsonObject().put("replicas", spec.getInteger("replicas", 1))).put("status", scaleStatus);
  }

  /**
   * Applies a patch to a Scale: merge and strategic-merge patches by their {@code spec.replicas}, JSON patches by
   * their operations on {@code /spec/replicas}. Other fields of a Scale cannot be changed, as on a real server.
   */
  static JsonObject applyPatch(JsonObject scale, String contentType, String body) {
    JsonObject result = scale.copy();
    if (contentType.startsWith("application/json-patch+json")) {
      for (Object op : new JsonArray(body)) {
        JsonObject operation = (JsonObject) op;
        String kind = operation.getString("op");
        if ("/spec/replicas".equals(operation.getString("path")) && ("replace".equals(kind) || "add".equals(kind))) {
          result.getJsonObject("spec").put("replicas", operation.getValue("value"));
        } else if ("test".equals(kind) && "/spec/replicas".equals(operation.getString("path"))
            && !String.valueOf(operation.getValue("value")).equals(
                String.valueOf(result.getJsonObject("spec").getValue("replicas")))) {
          throw new IllegalArgumentException("json patch test operation failed on /spec/replicas");
        }
      }
      return result;
    }
    if (contentType.startsWith("application/merge-patch+json")
        || contentType.startsWith("application/strategic-merge-patch+json")) {
      JsonObject patch = new JsonObject(body);
      JsonObject spec = patch.getJsonObject("spec");
      if (spec != null && spec.containsKey("replicas")) {
        result.getJsonObject("spec").put("replicas", spec.getValue("replicas"));
      }
      return result;
    }
    throw new IllegalArgumentException("unsupported patch type " + contentType);
  }

  private static String selector(JsonObject selector) {
    return LabelSelector.fromLabelSelectorJson(selector, "spec.selector").render();
  }
}
