package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.ApiOperations.Operation;
import dev.reflex.embedded.apiserver.ApiOperations.Parameter;
import dev.reflex.embedded.apiserver.ApiOperations.PathItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI documents kube-apiserver publishes, for the served resources: {@code /openapi/v2} (Swagger 2.0, every
 * definition and path), {@code /openapi/v3} (an index of group versions, each with a hash of its document) and
 * {@code /openapi/v3/apis/<group>/<version>} (the paths of one group version and the components they need).
 *
 * <p>kubectl reads them for two things that must hold: the PATCH operation of a resource's path, carrying the
 * resource's {@code x-kubernetes-group-version-kind}, lists the {@code fieldValidation} query parameter (else kubectl
 * falls back to client-side validation); and {@code kubectl explain} finds the component whose
 * {@code x-kubernetes-group-version-kind} equals the one on the resource's operations and walks its properties.
 *
 * <p>Building all documents takes a few tens of milliseconds; build a {@link Published} when the served resources
 * change (CRDs come and go) and serve from it. The documents share nothing with {@link BuiltInSchemas}.
 */
public final class OpenApiDocuments {

  /** What kube-apiserver 1.32 calls itself in {@code info}. */
  static final String INFO_VERSION = "v1.32.0";

  private static final String V3_PREFIX = ModelSchemaGenerator.REF_PREFIX;

  private OpenApiDocuments() {
  }

  /**
   * Every document for one set of served resources.
   *
   * @param v3ByPath the group version documents by their index key ({@code api/v1}, {@code apis/apps/v1})
   */
  public record Published(JsonObject v2, JsonObject v3Index, Map<String, JsonObject> v3ByPath) {

    public Optional<JsonObject> v3(String groupVersionPath) {
      return Optional.ofNullable(v3ByPath.get(groupVersionPath));
    }
  }

  public static Published publish(List<ResourceType> types) {
    Components components = Components.of(types);
    Map<String, JsonObject> byPath = new TreeMap<>();
    for (String path : new TreeSet<>(types.stream().map(OpenApiDocuments::groupVersionPath).toList())) {
      byPath.put(path, groupVersionDocument(path, types, components));
    }
    return new Published(swagger(types, components), index(byPath), Map.copyOf(byPath));
  }

  /** The Swagger 2.0 document of {@code /openapi/v2}. */
  public static JsonObject v2(List<ResourceType> types) {
    return swagger(types, Components.of(types));
  }

  /** {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"},…}}} of {@code /openapi/v3}. */
  public static JsonObject v3Index(List<ResourceType> types) {
    return publish(types).v3Index();
  }

  /** The document of one group version ({@code api/v1}, {@code apis/apps/v1}), empty when none is served. */
  public static Optional<JsonObject> v3(String groupVersionPath, List<ResourceType> types) {
    if (types.stream().noneMatch(t -> groupVersionPath(t).equals(groupVersionPath))) {
      return Optional.empty();
    }
    return Optional.of(groupVersionDocument(groupVersionPath, types, Components.of(types)));
  }

  /** {@code api/v1} for the core group, {@code apis/<group>/<version>} otherwise. */
  static String groupVersionPath(ResourceType type) {
    return type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.group() + "/" + type.version();
  }

  /** The hex SHA-512 of a document as served: what the index's {@code hash} parameter carries. */
  static String hash(JsonObject document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(document.encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-512", e);
    }
  }

  static String responseDescription(String code) {
    return switch (code) {
      case "200" -> "OK";
      case "201" -> "Created";
      case "202" -> "Accepted";
      case "401" -> "Unauthorized";
      default -> code;
    };
  }

  private static JsonObject index(Map<String, JsonObject> byPath) {
    JsonObject paths = new JsonObject();
    byPath.forEach((path, document) -> paths.put(path, new JsonObject()
        .put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(document))));
    return new JsonObject().put("paths", paths);
  }

  private static JsonObject groupVersionDocument(String path, List<ResourceType> types, Components components) {
    JsonObject paths = new JsonObject();
    Deque<String> needed = new ArrayDeque<>();
    for (ResourceType type : types) {
      if (!groupVersionPath(type).equals(path)) {
        continue;
      }
      String tag = ApiOperations.tag(type.group(), type.version());
      ApiOperations.pathsOf(type, components.kindOf(type), components.listOf(type)).forEach((url, item) -> {
        paths.put(url, pathItem(item, tag));
        item.operations().forEach(op -> needed.addAll(schemasOf(op)));
      });
    }
    JsonObject schemas = new JsonObject();
    for (Map.Entry<String, JsonObject> entry : components.closure(needed).entrySet()) {
      schemas.put(entry.getKey(), entry.getValue().copy());
    }
    return new JsonObject()
        .put("openapi", "3.0.0")
        .put("info", new JsonObject().put("title", "Kubernetes").put("version", INFO_VERSION))
        .put("paths", paths)
        .put("components", new JsonObject().put("schemas", schemas));
  }

  private static JsonObject swagger(List<ResourceType> types, Components components) {
    JsonObject paths = new JsonObject();
    for (ResourceType type : types) {
      String tag = ApiOperations.tag(type.group(), type.version());
      ApiOperations.pathsOf(type, components.kindOf(type), components.listOf(type))
          .forEach((url, item) -> paths.put(url, OpenApiV2.pathItem(item, tag)));
    }
    JsonObject definitions = new JsonObject();
    components.all().forEach((name, schema) -> definitions.put(name, OpenApiV2.schema(schema)));
    return new JsonObject()
        .put("swagger", "2.0")
        .put("info", new JsonObject().put("title", "Kubernetes").put("version", INFO_VERSION))
        .put("paths", paths)
        .put("definitions", definitions)
        .put("securityDefinitions", new JsonObject().put("BearerToken", new JsonObject()
            .put("type", "apiKey").put("name", "authorization").put("in", "header")
            .put("description", "Bearer Token authentication")))
        .put("security", new JsonArray().add(new JsonObject().put("BearerToken", new JsonArray())));
  }

  private static JsonObject pathItem(PathItem item, String tag) {
    JsonObject json = new JsonObject();
    for (Operation op : item.operations()) {
      json.put(op.method(), operation(op, tag));
    }
    return json.put("parameters", parameters(item.parameters()));
  }

  private static JsonObject operation(Operation op, String tag) {
    JsonObject json = new JsonObject()
        .put("tags", new JsonArray().add(tag))
        .put("description", op.description())
        .put("operationId", op.operationId());
    if (!op.parameters().isEmpty()) {
      json.put("parameters", parameters(op.parameters()));
    }
    if (op.body() != null) {
      JsonObject content = new JsonObject();
      op.body().mediaTypes().forEach(type -> content.put(type,
          new JsonObject().put("schema", ModelSchemaGenerator.ref(op.body().schema()))));
      JsonObject body = new JsonObject().put("content", content);
      if (op.body().required()) {
        body.put("required", true);
      }
      json.put("requestBody", body);
    }
    JsonObject responses = new JsonObject();
    op.responses().forEach((code, schema) -> {
      JsonObject response = new JsonObject().put("description", responseDescription(code));
      if (schema != null) {
        JsonObject content = new JsonObject();
        for (String type : List.of("application/json", "application/yaml")) {
          content.put(type, new JsonObject().put("schema", ModelSchemaGenerator.ref(schema)));
        }
        response.put("content", content);
      }
      responses.put(code, response);
    });
    return json.put("responses", responses)
        .put("x-kubernetes-action", op.action())
        .put("x-kubernetes-group-version-kind", new JsonObject().put("group", op.gvkGroup())
            .put("kind", op.gvkKind()).put("version", op.gvkVersion()));
  }

  private static JsonArray parameters(List<Parameter> parameters) {
    JsonArray json = new JsonArray();
    for (Parameter p : parameters) {
      JsonObject parameter = new JsonObject().put("name", p.name()).put("in", p.in())
          .put("description", p.description())
          .put("schema", new JsonObject().put("type", p.type()).put("uniqueItems", true));
      if (p.required()) {
        parameter.put("required", true);
      }
      json.add(parameter);
    }
    return json;
  }

  private static List<String> schemasOf(Operation op) {
    List<String> names = new ArrayList<>();
    if (op.body() != null) {
      names.add(op.body().schema());
    }
    op.responses().values().stream().filter(Objects::nonNull).forEach(names::add);
    return names;
  }

  /** The built-in components plus those of the custom resources, and the component names of each resource. */
  private record Components(Map<String, JsonObject> custom, Map<ResourceType, String[]> names) {

    static Components of(List<ResourceType> types) {
      Map<String, JsonObject> custom = new LinkedHashMap<>();
      Map<ResourceType, String[]> names = new IdentityHashMap<>();
      for (ResourceType type : types) {
        String builtIn = builtInComponent(type);
        if (builtIn != null) {
          String list = BuiltInSchemas.listComponentFor(builtIn).orElse(builtIn + "List");
          if (!BuiltInSchemas.components().containsKey(list)) {
            custom.put(list, CustomResourceComponents.list(type, builtIn));
          }
          names.put(type, new String[] {builtIn, list});
          continue;
        }
        String kind = CustomResourceComponents.name(type);
        custom.put(kind, CustomResourceComponents.kind(type));
        custom.put(kind + "List", CustomResourceComponents.list(type, kind));
        names.put(type, new String[] {kind, kind + "List"});
      }
      return new Components(custom, names);
    }

    /** The component a built-in type's {@code schema} refers to, when it is one of the generated ones. */
    private static String builtInComponent(ResourceType type) {
      if (type.schema() == null) {
        return null;
      }
      String ref = type.schema().getString("$ref");
      if (ref == null || !ref.startsWith(V3_PREFIX)) {
        return null;
      }
      String name = ref.substring(V3_PREFIX.length());
      return BuiltInSchemas.components().containsKey(name) ? name : null;
    }

    String kindOf(ResourceType type) {
      return names.get(type)[0];
    }

    String listOf(ResourceType type) {
      return names.get(type)[1];
    }

    JsonObject get(String name) {
      JsonObject schema = custom.get(name);
      return schema != null ? schema : BuiltInSchemas.components().get(name);
    }

    /** Every built-in component, then the custom ones, by name. */
    Map<String, JsonObject> all() {
      Map<String, JsonObject> all = new TreeMap<>(BuiltInSchemas.components());
      all.putAll(custom);
      return all;
    }

    /** The named components and every one they refer to, transitively, by name. */
    Map<String, JsonObject> closure(Deque<String> start) {
      Map<String, JsonObject> found = new TreeMap<>();
      Deque<String> pending = new ArrayDeque<>(start);
      while (!pending.isEmpty()) {
        String name = pending.pop();
        if (found.containsKey(name)) {
          continue;
        }
        JsonObject schema = get(name);
        if (schema == null) {
          throw new IllegalStateException("no component " + name);
        }
        found.put(name, schema);
        collectReferences(schema, pending);
      }
      return found;
    }

    private static void collectReferences(Object node, Deque<String> into) {
      if (node instanceof JsonObject object) {
        for (Map.Entry<String, Object> entry : object) {
          if (entry.getKey().equals("$ref") && entry.getValue() instanceof String ref && ref.startsWith(V3_PREFIX)) {
            into.push(ref.substring(V3_PREFIX.length()));
          } else {
            collectReferences(entry.getValue(), into);
          }
        }
      } else if (node instanceof JsonArray array) {
        array.forEach(item -> collectReferences(item, into));
      }
    }
  }
}
