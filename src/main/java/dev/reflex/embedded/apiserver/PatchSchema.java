package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * Where a strategic merge patch stands in the OpenAPI v3 schema of the object: a resolved schema node, or none when
 * the schema says nothing about this part of the object (then every field below merges as in a JSON merge patch).
 *
 * @param node the resolved schema of the current object, or null when unknown
 */
record PatchSchema(JsonObject node, SchemaContext ctx) {

  static final String STRATEGY = "x-kubernetes-patch-strategy";
  static final String MERGE_KEY = "x-kubernetes-patch-merge-key";

  static PatchSchema of(JsonObject schema, SchemaContext ctx) {
    return new PatchSchema(schema == null ? null : ctx.resolve(schema), ctx);
  }

  /** What the schema says about member {@code key} when its value is an object. */
  Field objectField(String key) {
    JsonObject property = property(key);
    if (property == null) {
      return Field.unknown(ctx);
    }
    return new Field(new PatchSchema(ctx.resolve(property), ctx), strategies(property), mergeKey(property));
  }

  /** What the schema says about member {@code key} when its value is a list: its strategy and its items' schema. */
  Field listField(String key) {
    JsonObject property = property(key);
    if (property == null) {
      return Field.unknown(ctx);
    }
    JsonObject resolved = ctx.resolve(property);
    JsonObject items = resolved.getValue("items") instanceof JsonObject i ? ctx.resolve(i) : null;
    return new Field(new PatchSchema(items, ctx), strategies(property), mergeKey(property));
  }

  /** A declared property, else the value schema of a map ({@code additionalProperties}), else null. */
  private JsonObject property(String key) {
    if (node == null) {
      return null;
    }
    if (node.getValue("properties") instanceof JsonObject properties
        && properties.getValue(key) instanceof JsonObject property) {
      return property;
    }
    return node.getValue("additionalProperties") instanceof JsonObject values ? values : null;
  }

  /** The extension on the property (kube's v3 documents put it there, beside an allOf/$ref), else on its target. */
  private String extension(JsonObject property, String name) {
    if (property.getValue(name) instanceof String value) {
      return value;
    }
    return ctx.resolve(property).getValue(name) instanceof String value ? value : null;
  }

  private List<String> strategies(JsonObject property) {
    String strategy = extension(property, STRATEGY);
    return strategy == null ? List.of() : Arrays.asList(strategy.split(",", -1));
  }

  private String mergeKey(JsonObject property) {
    String key = extension(property, MERGE_KEY);
    return key == null ? "" : key;
  }

  /**
   * One field's patch metadata.
   *
   * @param schema the schema of the field's value (of its items, for a list)
   * @param strategies the comma-separated {@code x-kubernetes-patch-strategy}, split
   * @param mergeKey {@code x-kubernetes-patch-merge-key}, empty when none
   */
  record Field(PatchSchema schema, List<String> strategies, String mergeKey) {

    static Field unknown(SchemaContext ctx) {
      return new Field(new PatchSchema(null, ctx), List.of(), "");
    }

    /**
     * The strategy other than {@code retainKeys} (which only licenses the {@code $retainKeys} directive, honoured
     * wherever it appears), empty when none.
     */
    String strategy() {
      if (strategies.size() == 1) {
        return "retainKeys".equals(strategies.get(0)) ? "" : strategies.get(0);
      }
      if (strategies.size() == 2 && strategies.contains("retainKeys")) {
        return "retainKeys".equals(strategies.get(0)) ? strategies.get(1) : strategies.get(0);
      }
      if (strategies.isEmpty()) {
        return "";
      }
      throw PatchException.unmapped("unexpected patch strategy: [" + String.join(" ", strategies) + "]");
    }
  }
}
