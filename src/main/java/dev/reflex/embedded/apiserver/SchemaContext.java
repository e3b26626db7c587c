package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Resolves {@code $ref}s of OpenAPI v3 schemas: built-in types' schemas refer to shared components
 * ({@code #/components/schemas/io.k8s.api.core.v1.PodSpec}); CRD schemas have none and resolve to themselves.
 * Every walker over a schema (validation, pruning, defaulting, patch merge keys, apply) resolves each node through
 * this before reading it.
 */
public record SchemaContext(Map<String, JsonObject> components) {

  private static final String PREFIX = "#/components/schemas/";

  /** For schemas without references (CRDs). */
  public static final SchemaContext NONE = new SchemaContext(Map.of());

  /**
   * The node itself, or the component it refers to ({@code $ref}, or a single-element {@code allOf} holding one, as
   * kube-apiserver's v3 documents wrap references that carry a description or default).
   */
  public JsonObject resolve(JsonObject node) {
    JsonObject current = node;
    for (int depth = 0; current != null && depth < 8; depth++) {
      String ref = current.getString("$ref");
      if (ref == null && current.getJsonArray("allOf") != null && current.getJsonArray("allOf").size() == 1) {
        ref = ((JsonObject) current.getJsonArray("allOf").getValue(0)).getString("$ref");
      }
      if (ref == null) {
        return current;
      }
      current = components.get(ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : ref);
    }
    return current == null ? new JsonObject() : current;
  }
}
