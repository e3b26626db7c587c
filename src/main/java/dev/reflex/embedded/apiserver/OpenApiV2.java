package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.ApiOperations.Operation;
import dev.reflex.embedded.apiserver.ApiOperations.Parameter;
import dev.reflex.embedded.apiserver.ApiOperations.PathItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Swagger 2.0 spellings of what {@link OpenApiDocuments} writes as OpenAPI v3: references under
 * {@code #/definitions/}, bodies as {@code in: body} parameters, and none of the v3-only keywords
 * ({@code oneOf}, {@code anyOf}, {@code not}, {@code nullable}), which kube-apiserver also drops from its v2 document.
 */
final class OpenApiV2 {

  private static final String V3_PREFIX = ModelSchemaGenerator.REF_PREFIX;
  static final String V2_PREFIX = "#/definitions/";

  private OpenApiV2() {
  }

  /** A v2 copy of a v3 schema; the argument is not changed. */
  static JsonObject schema(JsonObject v3) {
    JsonObject v2 = new JsonObject();
    JsonArray allOf = v3.getJsonArray("allOf");
    boolean wrappedReference = allOf != null && allOf.size() == 1 && !v3.containsKey("properties")
        && allOf.getValue(0) instanceof JsonObject only && only.containsKey("$ref");
    for (Map.Entry<String, Object> entry : v3) {
      String key = entry.getKey();
      Object value = entry.getValue();
      switch (key) {
        case "$ref" -> v2.put(key, reference((String) value));
        case "nullable", "anyOf", "not" -> {
        }
        case "oneOf" -> fromOneOf(v3, (JsonArray) value, v2);
        case "allOf" -> {
          if (wrappedReference) {
            v2.put("$ref", reference(((JsonObject) allOf.getValue(0)).getString("$ref")));
          } else {
            v2.put(key, schemas((JsonArray) value));
          }
        }
        case "items" -> v2.put(key, value instanceof JsonObject item ? schema(item) : value);
        case "additionalProperties" -> v2.put(key, value instanceof JsonObject item ? schema(item) : value);
        case "properties", "patternProperties", "definitions" -> {
          JsonObject converted = new JsonObject();
          ((JsonObject) value).forEach(p -> converted.put(p.getKey(), p.getValue() instanceof JsonObject s
              ? schema(s) : p.getValue()));
          v2.put(key, converted);
        }
        default -> v2.put(key, value instanceof JsonObject o ? o.copy()
            : value instanceof JsonArray a ? a.copy() : value);
      }
    }
    return v2;
  }

  /** The operations of one path as a v2 path item. */
  static JsonObject pathItem(PathItem item, String tag) {
    JsonObject json = new JsonObject();
    for (Operation op : item.operations()) {
      json.put(op.method(), operation(op, tag));
    }
    json.put("parameters", parameters(item.parameters()));
    return json;
  }

  private static JsonObject operation(Operation op, String tag) {
    JsonArray parameters = new JsonArray();
    if (op.body() != null) {
      parameters.add(new JsonObject().put("name", "body").put("in", "body").put("required", op.body().required())
          .put("schema", new JsonObject().put("$ref", V2_PREFIX + op.body().schema())));
    }
    parameters.addAll(parameters(op.parameters()));
    JsonObject responses = new JsonObject();
    op.responses().forEach((code, schema) -> {
      JsonObject response = new JsonObject().put("description", OpenApiDocuments.responseDescription(code));
      if (schema != null) {
        response.put("schema", new JsonObject().put("$ref", V2_PREFIX + schema));
      }
      responses.put(code, response);
    });
    JsonObject json = new JsonObject()
        .put("description", op.description())
        .put("consumes", new JsonArray(op.body() == null ? List.of("*/*") : op.body().mediaTypes()))
        .put("produces", new JsonArray(List.of("application/json", "application/yaml")))
        .put("schemes", new JsonArray().add("https"))
        .put("tags", new JsonArray().add(tag))
        .put("operationId", op.operationId());
    if (!parameters.isEmpty()) {
      json.put("parameters", parameters);
    }
    return json.put("responses", responses)
        .put("x-kubernetes-action", op.action())
        .put("x-kubernetes-group-version-kind", new JsonObject().put("group", op.gvkGroup())
            .put("kind", op.gvkKind()).put("version", op.gvkVersion()));
  }

  private static JsonArray parameters(List<Parameter> parameters) {
    JsonArray json = new JsonArray();
    for (Parameter p : parameters) {
      JsonObject parameter = new JsonObject().put("uniqueItems", true).put("type", p.type())
          .put("description", p.description()).put("name", p.name()).put("in", p.in());
      if (p.required()) {
        parameter.put("required", true);
      }
      json.add(parameter);
    }
    return json;
  }

  private static String reference(String v3Reference) {
    return v3Reference.startsWith(V3_PREFIX) ? V2_PREFIX + v3Reference.substring(V3_PREFIX.length()) : v3Reference;
  }

  private static JsonArray schemas(JsonArray v3) {
    JsonArray v2 = new JsonArray();
    v3.forEach(s -> v2.add(s instanceof JsonObject o ? schema(o) : s));
    return v2;
  }

  /** v2 has no oneOf: a oneOf of plain types (Quantity, IntOrString) becomes the type v2 readers expect. */
  private static void fromOneOf(JsonObject v3, JsonArray alternatives, JsonObject v2) {
    if (v3.containsKey("type")) {
      return;
    }
    if (Boolean.TRUE.equals(v3.getValue("x-kubernetes-int-or-string"))) {
      v2.put("type", "string");
      return;
    }
    for (Object alternative : alternatives) {
      if (alternative instanceof JsonObject o && "string".equals(o.getString("type"))) {
        v2.put("type", "string");
        return;
      }
    }
  }
}
