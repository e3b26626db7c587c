package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One schema node as the walkers read it: the node resolved through its {@link SchemaContext}, with the keywords the
 * referring node carries next to its {@code $ref} ({@code default}, {@code nullable}, …) laid over the component, as
 * kube-apiserver's v3 documents put them there.
 */
record SchemaView(JsonObject node, boolean builtIn) {

  /**
   * Views of the built-in types' schema nodes, by identity: those documents are fixed for the life of the JVM, and
   * every write of a pod walks the same few hundred of them several times (merging a referring node over its
   * component each time cost a tenth of a write). CRD schemas have no references; their views are free to make.
   */
  private static final Map<SchemaIdentity, SchemaView> BUILT_IN_VIEWS = new ConcurrentHashMap<>();

  /** The view of a raw node, or null for none. */
  static SchemaView of(JsonObject raw, SchemaContext ctx) {
    if (raw == null) {
      return null;
    }
    if (ctx.components().isEmpty()) {
      return new SchemaView(ctx.resolve(raw), false);
    }
    return BUILT_IN_VIEWS.computeIfAbsent(new SchemaIdentity(raw, ctx.components()), key -> resolve(raw, ctx));
  }

  private static SchemaView resolve(JsonObject raw, SchemaContext ctx) {
    JsonObject resolved = ctx.resolve(raw);
    if (resolved == raw) {
      return new SchemaView(raw, true);
    }
    JsonObject merged = new JsonObject(new java.util.LinkedHashMap<>(resolved.getMap()));
    String refName = refName(raw);
    raw.forEach(e -> {
      if (!e.getKey().equals("$ref") && !e.getKey().equals("allOf")) {
        merged.put(e.getKey(), e.getValue());
      }
    });
    if (refName != null && refName.endsWith(".api.resource.Quantity")) {
      // Go's Quantity decodes from JSON numbers and strings alike; its published schema only says string.
      merged.put("x-kubernetes-int-or-string", true).remove("type");
      merged.put("x-reflex-number-too", true);
    }
    return new SchemaView(merged, true);
  }

  private static String refName(JsonObject raw) {
    String ref = raw.getString("$ref");
    JsonArray allOf = raw.getJsonArray("allOf");
    if (ref == null && allOf != null && allOf.size() == 1 && allOf.getValue(0) instanceof JsonObject only) {
      ref = only.getString("$ref");
    }
    return ref;
  }

  /** The node's types: {@code type}, or integer and string for int-or-string (as kube converts it). */
  List<String> types() {
    if (intOrString()) {
      return quantity() ? List.of("integer", "number", "string") : List.of("integer", "string");
    }
    Object type = node.getValue("type");
    if (type instanceof String s) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    if (type instanceof JsonArray a) {
      a.forEach(t -> out.add(String.valueOf(t)));
    }
    return out;
  }

  /** Whether the node is a built-in type's {@code resource.Quantity}. */
  boolean quantity() {
    return node.getBoolean("x-reflex-number-too", false);
  }

  boolean intOrString() {
    return node.getBoolean("x-kubernetes-int-or-string", false) || "int-or-string".equals(node.getString("format"));
  }

  boolean nullable() {
    return node.getBoolean("nullable", false);
  }

  boolean preserveUnknownFields() {
    if (node.getBoolean("x-kubernetes-preserve-unknown-fields", false)) {
      return true;
    }
    // Built-in types decode such objects (RawExtension, JSON, FieldsV1) whole; their schemas only say "object".
    return builtIn && "object".equals(node.getString("type")) && !node.containsKey("properties")
        && !node.containsKey("additionalProperties");
  }

  boolean embeddedResource() {
    return node.getBoolean("x-kubernetes-embedded-resource", false);
  }

  boolean hasDefault() {
    return node.getValue("default") != null;
  }

  Object defaultValue() {
    return node.getValue("default");
  }

  JsonObject properties() {
    JsonObject props = node.getJsonObject("properties");
    return props == null ? new JsonObject() : props;
  }

  JsonObject property(String name) {
    return properties().getJsonObject(name);
  }

  boolean hasAdditionalProperties() {
    return node.getValue("additionalProperties") != null;
  }

  /** The additionalProperties schema, or null when there is none or it is a boolean. */
  JsonObject additionalPropertiesSchema() {
    return node.getValue("additionalProperties") instanceof JsonObject o ? o : null;
  }

  /** True only for {@code additionalProperties: false}. */
  boolean additionalPropertiesForbidden() {
    return Boolean.FALSE.equals(node.getValue("additionalProperties"));
  }

  JsonObject items() {
    return node.getValue("items") instanceof JsonObject o ? o : null;
  }

  List<JsonObject> schemas(String keyword) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray list = node.getJsonArray(keyword);
    if (list != null) {
      list.forEach(s -> {
        if (s instanceof JsonObject o) {
          out.add(o);
        }
      });
    }
    return out;
  }
}
