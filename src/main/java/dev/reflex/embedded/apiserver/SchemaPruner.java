package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes the fields a structural schema does not declare, as kube-apiserver does when it decodes a custom resource,
 * and reports their paths so the server can answer {@code fieldValidation=Strict} and {@code Warn}. {@code apiVersion},
 * {@code kind} and {@code metadata} of the object (and of each {@code x-kubernetes-embedded-resource}) are never
 * pruned by the schema: metadata is trimmed to ObjectMeta's own fields instead.
 *
 * <p>Duplicate JSON keys, which kube also reports in Strict mode, cannot be seen here: Vert.x's JsonObject keeps only
 * the last of them.
 */
final class SchemaPruner {

  private static final Set<String> TYPE_AND_OBJECT_META = Set.of("apiVersion", "kind", "metadata");

  /** ObjectMeta's JSON fields, and those of the lists inside it that decode into structs. */
  private static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
      "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
      "labels", "annotations", "ownerReferences", "finalizers", "managedFields");
  private static final Set<String> OWNER_REFERENCE =
      Set.of("apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion");
  private static final Set<String> MANAGED_FIELDS_ENTRY =
      Set.of("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource");

  private static final Map<SchemaIdentity, Boolean> EMBEDDED_BELOW = new ConcurrentHashMap<>();
  private static final int EMBEDDED_BELOW_BOUND = 4096;

  private final SchemaContext ctx;
  private final List<String> unknown = new ArrayList<>();

  private SchemaPruner(SchemaContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Prunes the object in place; returns the unknown field paths in kube's order: the object's metadata first (in
   * document order), then the schema's (sorted), then embedded resources' metadata.
   */
  static List<String> prune(JsonObject object, JsonObject rootSchema, SchemaContext ctx) {
    List<String> paths = new ArrayList<>(pruneMetadata(object, ""));
    SchemaPruner pruner = new SchemaPruner(ctx);
    pruner.prune(object, rootSchema, "", true);
    pruner.unknown.sort(null);
    paths.addAll(pruner.unknown);
    if (declaresEmbeddedResourceBelow(rootSchema, ctx)) {
      paths.addAll(pruneEmbeddedMetadata(object, rootSchema, ctx, ""));
    }
    return paths;
  }

  /**
   * Whether any schema below the root is an {@code x-kubernetes-embedded-resource}, worked out once per schema:
   * most kinds (every built-in one) declare none, and then the object need not be walked a second time.
   */
  private static boolean declaresEmbeddedResourceBelow(JsonObject rootSchema, SchemaContext ctx) {
    if (rootSchema == null) {
      return false;
    }
    if (EMBEDDED_BELOW.size() > EMBEDDED_BELOW_BOUND) {
      EMBEDDED_BELOW.clear();
    }
    return EMBEDDED_BELOW.computeIfAbsent(new SchemaIdentity(rootSchema, ctx.components()), key -> {
      Set<JsonObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      SchemaView root = SchemaView.of(rootSchema, ctx);
      seen.add(root.node());
      return anyEmbeddedBelow(root, ctx, seen);
    });
  }

  /**
   * Whether the schemas {@link #pruneEmbeddedMetadata} can step into from {@code s} declare an embedded resource;
   * each is looked at once, since schemas may refer to themselves.
   */
  private static boolean anyEmbeddedBelow(SchemaView s, SchemaContext ctx, Set<JsonObject> seen) {
    List<JsonObject> next = new ArrayList<>();
    s.properties().forEach(e -> {
      if (e.getValue() instanceof JsonObject property) {
        next.add(property);
      }
    });
    if (s.additionalPropertiesSchema() != null) {
      next.add(s.additionalPropertiesSchema());
    }
    if (s.items() != null) {
      next.add(s.items());
    }
    for (JsonObject raw : next) {
      SchemaView child = SchemaView.of(raw, ctx);
      if (child == null || !seen.add(child.node())) {
        continue;
      }
      if (child.embeddedResource() || anyEmbeddedBelow(child, ctx, seen)) {
        return true;
      }
    }
    return false;
  }

  private static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  private void prune(Object x, JsonObject raw, String path, boolean resourceRoot) {
    SchemaView s = SchemaView.of(raw, ctx);
    if (s != null && s.preserveUnknownFields()) {
      skipPrune(x, s, path, resourceRoot);
      return;
    }
    boolean embedded = resourceRoot || (s != null && s.embeddedResource());
    if (x instanceof JsonObject object) {
      for (String k : new ArrayList<>(object.fieldNames())) {
        if (embedded && TYPE_AND_OBJECT_META.contains(k)) {
          continue;
        }
        JsonObject prop = s == null ? null : s.property(k);
        if (prop != null) {
          prune(object.getValue(k), prop, key(path, k), false);
        } else if (s != null && s.hasAdditionalProperties()) {
          prune(object.getValue(k), s.additionalPropertiesSchema(), key(path, k), false);
        } else {
          if (!TYPE_AND_OBJECT_META.contains(k) || !path.isEmpty()) {
            unknown.add(key(path, k));
          }
          object.remove(k);
        }
      }
    } else if (x instanceof JsonArray array) {
      JsonObject items = s == null ? null : s.items();
      for (int i = 0; i < array.size(); i++) {
        prune(array.getValue(i), items, path + "[" + i + "]", false);
      }
    }
  }

  /** Under x-kubernetes-preserve-unknown-fields nothing is pruned, but declared fields are pruned below. */
  private void skipPrune(Object x, SchemaView s, String path, boolean resourceRoot) {
    boolean embedded = resourceRoot || s.embeddedResource();
    if (x instanceof JsonObject object) {
      for (String k : new ArrayList<>(object.fieldNames())) {
        if (embedded && TYPE_AND_OBJECT_META.contains(k)) {
          continue;
        }
        JsonObject prop = s.property(k);
        if (prop != null) {
          prune(object.getValue(k), prop, key(path, k), false);
        } else if (s.additionalPropertiesSchema() != null) {
          prune(object.getValue(k), s.additionalPropertiesSchema(), key(path, k), false);
        }
      }
    } else if (x instanceof JsonArray array) {
      SchemaView items = SchemaView.of(s.items(), ctx);
      for (int i = 0; i < array.size(); i++) {
        if (items != null) {
          skipPrune(array.getValue(i), items, path + "[" + i + "]", false);
        }
      }
    }
  }

  /** Trims {@code metadata} of one object to ObjectMeta's fields; the paths start with {@code prefix}. */
  static List<String> pruneMetadata(JsonObject object, String prefix) {
    List<String> paths = new ArrayList<>();
    if (!(object.getValue("metadata") instanceof JsonObject meta)) {
      return paths;
    }
    String base = key(prefix, "metadata");
    trim(meta, OBJECT_META, base, paths);
    trimEach(meta.getValue("ownerReferences"), OWNER_REFERENCE, base + ".ownerReferences", paths);
    trimEach(meta.getValue("managedFields"), MANAGED_FIELDS_ENTRY, base + ".managedFields", paths);
    return paths;
  }

  private static void trim(JsonObject object, Set<String> known, String path, List<String> paths) {
    for (String k : new ArrayList<>(object.fieldNames())) {
      if (!known.contains(k)) {
        paths.add(path + "." + k);
        object.remove(k);
      }
    }
  }

  private static void trimEach(Object list, Set<String> known, String path, List<String> paths) {
    if (list instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getValue(i) instanceof JsonObject entry) {
          trim(entry, known, path + "[" + i + "]", paths);
        }
      }
    }
  }

  /** Trims metadata of every embedded resource below the root; paths as kube's field paths print them. */
  private static List<String> pruneEmbeddedMetadata(Object x, JsonObject raw, SchemaContext ctx, String path) {
    List<String> paths = new ArrayList<>();
    SchemaView s = SchemaView.of(raw, ctx);
    if (s == null) {
      return paths;
    }
    if (x instanceof JsonObject object) {
      if (s.embeddedResource() && !path.isEmpty()) {
        paths.addAll(pruneMetadata(object, path));
      }
      for (Map.Entry<String, Object> e : object) {
        JsonObject prop = s.property(e.getKey());
        if (prop != null) {
          paths.addAll(pruneEmbeddedMetadata(e.getValue(), prop, ctx, key(path, e.getKey())));
        } else if (s.additionalPropertiesSchema() != null) {
          paths.addAll(pruneEmbeddedMetadata(e.getValue(), s.additionalPropertiesSchema(), ctx,
              path + "[" + e.getKey() + "]"));
        }
      }
    } else if (x instanceof JsonArray array && s.items() != null) {
      for (int i = 0; i < array.size(); i++) {
        paths.addAll(pruneEmbeddedMetadata(array.getValue(i), s.items(), ctx, path + "[" + i + "]"));
      }
    }
    return paths;
  }
}
