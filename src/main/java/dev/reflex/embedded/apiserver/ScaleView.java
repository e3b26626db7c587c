package dev.reflex.embedded.apiserver;

import dev.reflex.labels.LabelSelector;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code autoscaling/v1 Scale} of a scalable object, as the scale subresource shows it, and the write of a
 * Scale's {@code spec.replicas} back into the object. Built-in workloads keep replicas at {@code .spec.replicas}
 * and render their selector; a custom resource names its paths in its CRD.
 */
final class ScaleView {

  private ScaleView() {
  }

  static JsonObject scaleOf(ResourceType type, JsonObject object) {
    ResourceType.ScaleSubresourcePaths paths = type.scale();
    JsonObject meta = object.getJsonObject("metadata", new JsonObject());
    JsonObject scaleMeta = new JsonObject();
    for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (meta.containsKey(field)) {
        scaleMeta.put(field, meta.getValue(field));
      }
    }
    Object specReplicas = read(object, paths.specReplicasPath());
    Object statusReplicas = read(object, paths.statusReplicasPath());
    JsonObject status = new JsonObject().put("replicas", statusReplicas instanceof Number n ? n.intValue() : 0);
    String selector = type.builtIn() ? renderSelector(object.getJsonObject("spec", new JsonObject())
        .getJsonObject("selector")) : stringAt(object, paths.labelSelectorPath());
    if (selector != null && !selector.isEmpty()) {
      status.put("selector", selector);
    }
    int replicas = specReplicas instanceof Number n ? n.intValue() : (type.builtIn() ? 1 : 0);
    return new JsonObject().put("kind", "Scale").put("apiVersion", "autoscaling/v1").put("metadata", scaleMeta)
        .put("spec", new JsonObject().put("replicas", replicas)).put("status", status);
  }

  /**
   * The object with the replicas of {@code scale} written to its spec path.
   *
   * @throws ApiError 422 when the replicas are missing, not an integer or negative
   */
  static JsonObject withReplicas(ResourceType type, JsonObject object, JsonObject scale) {
    Object replicas = scale.getJsonObject("spec", new JsonObject()).getValue("replicas");
    String name = object.getJsonObject("metadata").getString("name");
    if (!(replicas instanceof Integer || replicas instanceof Long) || ((Number) replicas).longValue() < 0) {
      throw ApiError.invalid("Scale.autoscaling", name, List.of(FieldError.invalid("spec.replicas",
          replicas, "must be greater than or equal to 0")));
    }
    JsonObject updated = object.copy();
    write(updated, type.scale().specReplicasPath(), ((Number) replicas).intValue());
    return updated;
  }

  private static Object read(JsonObject object, String path) {
    if (path == null) {
      return null;
    }
    Object current = object;
    for (String part : path.replaceFirst("^\\.", "").split("\\.")) {
      if (!(current instanceof JsonObject o)) {
        return null;
      }
      current = o.getValue(part);
    }
    return current;
  }

  private static String stringAt(JsonObject object, String path) {
    Object value = read(object, path);
    return value == null ? null : String.valueOf(value);
  }

  private static void write(JsonObject object, String path, Object value) {
    String[] parts = path.replaceFirst("^\\.", "").split("\\.");
    JsonObject current = object;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject next = current.getJsonObject(parts[i]);
      if (next == null) {
        next = new JsonObject();
        current.put(parts[i], next);
      }
      current = next;
    }
    current.put(parts[parts.length - 1], value);
  }

  private static String renderSelector(JsonObject selector) {
    return LabelSelector.fromLabelSelectorJson(selector, "spec.selector").render();
  }
}
