package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenAPI v3 schema node seen the way structured-merge-diff converts it: a scalar, a map (a struct with declared
 * fields and/or a granular or atomic map of values), a list (atomic, set, or map keyed by some fields), or an
 * untyped node whose maps are granular and whose lists are atomic (no schema, {@code
 * x-kubernetes-preserve-unknown-fields}, an object without properties).
 *
 * <p>Extensions are read from the node as written and from what it refers to, because kube's documents put list
 * extensions on the referencing property and map-type on the referenced component.
 */
final class ApplyType {

  enum Kind { UNTYPED, SCALAR, MAP, LIST }

  enum ListKind { ATOMIC, SET, MAP }

  /** The type of a node without schema; its children are untyped too, whatever the context. */
  private static final ApplyType UNTYPED_NODE = new ApplyType(null, SchemaContext.NONE, false);

  /** ObjectMeta's shape, for CRDs whose schemas leave metadata open. */
  private static final ApplyType OBJECT_META = new ApplyType(objectMeta(), SchemaContext.NONE, false);

  /**
   * Root types by schema identity. Every write walks its type's tree, and the children below are memoized on their
   * parents, so a type is classified once rather than once per field per write (that was a fifth of a pod update).
   * A CRD replaced at run time leaves its old tree here until the bound clears the lot.
   */
  private static final Map<SchemaIdentity, ApplyType> ROOTS = new ConcurrentHashMap<>();
  private static final int ROOTS_BOUND = 1024;

  private final JsonObject written;
  private final JsonObject node;
  private final SchemaContext ctx;
  private final boolean root;
  final Kind kind;
  private final Map<String, ApplyType> fields = new ConcurrentHashMap<>();
  private volatile ApplyType additional;
  private volatile ApplyType items;
  private final ListKind listKind;
  private final List<String> listKeys;

  private ApplyType(JsonObject written, SchemaContext ctx, boolean root) {
    this.written = written == null ? new JsonObject() : written;
    this.ctx = ctx;
    this.node = written == null ? new JsonObject() : ctx.resolve(written);
    this.root = root;
    this.kind = classify(this.node);
    // Read from the node's own extensions only (no recursion), so they can be settled here, once per node.
    this.listKind = classifyList();
    this.listKeys = readListKeys();
  }

  static ApplyType of(JsonObject node, SchemaContext ctx) {
    return node == null ? UNTYPED_NODE : new ApplyType(node, ctx, false);
  }

  /** The type of a whole object: its {@code metadata} is ObjectMeta even where the schema leaves it open (CRDs). */
  static ApplyType root(JsonObject schema, SchemaContext ctx) {
    if (schema == null) {
      return new ApplyType(null, ctx, true);
    }
    if (ROOTS.size() > ROOTS_BOUND) {
      ROOTS.clear();
    }
    return ROOTS.computeIfAbsent(new SchemaIdentity(schema, ctx.components()),
        key -> new ApplyType(schema, ctx, true));
  }

  private static Kind classify(JsonObject node) {
    if (Boolean.TRUE.equals(node.getBoolean("x-kubernetes-int-or-string"))) {
      return Kind.SCALAR;
    }
    String type = node.getString("type");
    if ("object".equals(type) || type == null && node.getJsonObject("properties") != null) {
      return Kind.MAP;
    }
    if ("array".equals(type)) {
      return Kind.LIST;
    }
    if (type == null) {
      return Kind.UNTYPED;
    }
    return Kind.SCALAR;
  }

  private String extension(String name) {
    Object value = written.getValue(name);
    if (value == null) {
      value = node.getValue(name);
    }
    return value instanceof String s ? s : null;
  }

  private JsonArray extensionArray(String name) {
    JsonArray value = written.getJsonArray(name);
    return value != null ? value : node.getJsonArray(name);
  }

  // ---------------------------------------------------------------------------------------------- maps

  boolean mapAtomic() {
    return kind == Kind.MAP && "atomic".equals(extension("x-kubernetes-map-type"));
  }

  /**
   * Whether {@code name} is a declared struct field (as opposed to an entry of a map of values or an unknown field).
   */
  boolean declares(String name) {
    if (root && "metadata".equals(name)) {
      return true;
    }
    JsonObject properties = node.getJsonObject("properties");
    return kind == Kind.MAP && properties != null && properties.getValue(name) instanceof JsonObject;
  }

  ApplyType field(String name) {
    if (kind != Kind.MAP) {
      return UNTYPED_NODE;
    }
    JsonObject properties = node.getJsonObject("properties");
    if (properties != null && properties.getValue(name) instanceof JsonObject property) {
      // Only declared fields are memoized by name: the keys of a map of values are the user's, without bound.
      return fields.computeIfAbsent(name, declared -> declaredField(declared, property));
    }
    if (root && "metadata".equals(name)) {
      return OBJECT_META;
    }
    if (node.getValue("additionalProperties") instanceof JsonObject values) {
      ApplyType known = additional;
      if (known == null) {
        known = of(values, ctx);
        additional = known;
      }
      return known;
    }
    return UNTYPED_NODE;
  }

  private ApplyType declaredField(String name, JsonObject property) {
    if (root && "metadata".equals(name)) {
      JsonObject resolved = ctx.resolve(property);
      if (resolved.getJsonObject("properties") == null || resolved.getJsonObject("properties").isEmpty()) {
        return OBJECT_META;
      }
    }
    return of(property, ctx);
  }

  // ---------------------------------------------------------------------------------------------- lists

  ListKind listKind() {
    return listKind;
  }

  private ListKind classifyList() {
    String listType = extension("x-kubernetes-list-type");
    if ("atomic".equals(listType)) {
      return ListKind.ATOMIC;
    }
    if ("set".equals(listType)) {
      return ListKind.SET;
    }
    if ("map".equals(listType)) {
      return ListKind.MAP;
    }
    String strategy = extension("x-kubernetes-patch-strategy");
    if (("merge".equals(strategy) || "merge,retainKeys".equals(strategy))
        && extension("x-kubernetes-patch-merge-key") != null) {
      return ListKind.MAP;
    }
    return ListKind.ATOMIC;
  }

  List<String> listKeys() {
    return listKeys;
  }

  private List<String> readListKeys() {
    if ("map".equals(extension("x-kubernetes-list-type"))) {
      JsonArray keys = extensionArray("x-kubernetes-list-map-keys");
      return keys == null ? List.of() : keys.stream().map(String::valueOf).toList();
    }
    String mergeKey = extension("x-kubernetes-patch-merge-key");
    return mergeKey == null ? List.of() : List.of(mergeKey);
  }

  ApplyType items() {
    ApplyType known = items;
    if (known == null) {
      known = node.getValue("items") instanceof JsonObject schema ? of(schema, ctx) : UNTYPED_NODE;
      items = known;
    }
    return known;
  }

  /** The schema default of a key field of this list's items (how {@code protocol: TCP} keys a port that omits it). */
  Object keyDefault(String keyField) {
    ApplyType items = items();
    JsonObject properties = items.node.getJsonObject("properties");
    if (properties == null || !(properties.getValue(keyField) instanceof JsonObject property)) {
      return null;
    }
    Object fallback = property.getValue("default");
    return fallback != null ? fallback : items.ctx.resolve(property).getValue("default");
  }

  // ---------------------------------------------------------------------------------------------- ObjectMeta

  /** The parts of ObjectMeta that shape ownership, as kube publishes them. */
  private static JsonObject objectMeta() {
    JsonObject stringMap = new JsonObject().put("type", "object")
        .put("additionalProperties", new JsonObject().put("type", "string"));
    JsonObject string = new JsonObject().put("type", "string");
    JsonObject ownerReference = new JsonObject().put("type", "object")
        .put("x-kubernetes-map-type", "atomic")
        .put("properties", new JsonObject()
            .put("apiVersion", string.copy()).put("kind", string.copy()).put("name", string.copy())
            .put("uid", string.copy()).put("controller", new JsonObject().put("type", "boolean"))
            .put("blockOwnerDeletion", new JsonObject().put("type", "boolean")));
    return new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("annotations", stringMap.copy())
        .put("labels", stringMap.copy())
        .put("creationTimestamp", string.copy())
        .put("deletionGracePeriodSeconds", new JsonObject().put("type", "integer"))
        .put("deletionTimestamp", string.copy())
        .put("finalizers", new JsonObject().put("type", "array").put("items", string.copy())
            .put("x-kubernetes-list-type", "set").put("x-kubernetes-patch-strategy", "merge"))
        .put("generateName", string.copy())
        .put("generation", new JsonObject().put("type", "integer"))
        .put("managedFields", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "object")
            .put("x-kubernetes-map-type", "atomic")).put("x-kubernetes-list-type", "atomic"))
        .put("name", string.copy())
        .put("namespace", string.copy())
        .put("ownerReferences", new JsonObject().put("type", "array").put("items", ownerReference)
            .put("x-kubernetes-list-type", "map").put("x-kubernetes-list-map-keys", new JsonArray().add("uid"))
            .put("x-kubernetes-patch-merge-key", "uid").put("x-kubernetes-patch-strategy", "merge"))
        .put("resourceVersion", string.copy())
        .put("selfLink", string.copy())
        .put("uid", string.copy()));
  }
}
