package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What the server itself sets on an object as it is created or updated, as kube-apiserver's registries do: uid,
 * creationTimestamp, generation (bumped on changes outside metadata and status only), a generated name, the
 * status a create cannot set and an update of the main resource cannot change (types with a status subresource),
 * and the metadata no client may change.
 */
final class ObjectLifecycle {

  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  /** Built-in kinds that carry no metadata.generation in 1.32. */
  private static final Set<String> NO_GENERATION = Set.of("Pod", "Node", "Namespace", "Service", "Endpoints",
      "ConfigMap", "Secret", "Event", "ServiceAccount", "Lease", "Role", "RoleBinding", "ClusterRole",
      "ClusterRoleBinding", "ControllerRevision", "APIService");
  private static final Set<String> IMMUTABLE_METADATA = Set.of("name", "namespace", "uid", "creationTimestamp",
      "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion");

  private final Random random;

  ObjectLifecycle(Random random) {
    this.random = random;
  }

  /** {@code generateName} plus five random characters, as the API server generates names. */
  String generateName(String prefix) {
    StringBuilder name = new StringBuilder(prefix);
    for (int i = 0; i < 5; i++) {
      name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return name.toString();
  }

  /** Fills in what the server owns on a new object; {@code object} is changed in place. */
  void prepareCreate(ResourceType type, JsonObject object, Instant now) {
    JsonObject meta = object.getJsonObject("metadata");
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", Timestamps.format(now));
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    meta.remove("resourceVersion");
    meta.remove("selfLink");
    if (tracksGeneration(type)) {
      meta.put("generation", 1L);
    } else {
      meta.remove("generation");
    }
    if (type.statusSubresource()) {
      if (type.builtIn()) {
        object.put("status", initialStatus(type, object));
      } else {
        object.remove("status");
      }
    }
  }

  /**
   * The object an update stores: {@code incoming} with the server-owned metadata of {@code current}, and, for
   * types with a status subresource, the current status (main resource) or only the new status (the
   * {@code status} subresource).
   */
  JsonObject prepareUpdate(ResourceType type, StoredObject current, JsonObject incoming, String subresource) {
    JsonObject old = current.object();
    JsonObject result;
    if ("status".equals(subresource)) {
      result = old.copy();
      Object status = incoming.getValue("status");
      if (status == null) {
        result.remove("status");
      } else {
        result.put("status", status);
      }
      return result;
    }
    result = incoming;
    JsonObject meta = result.getJsonObject("metadata");
    JsonObject oldMeta = old.getJsonObject("metadata");
    for (String field : IMMUTABLE_METADATA) {
      if (oldMeta.containsKey(field)) {
        meta.put(field, oldMeta.getValue(field));
      } else {
        meta.remove(field);
      }
    }
    if (type.statusSubresource()) {
      if (old.containsKey("status")) {
        result.put("status", old.getValue("status"));
      } else {
        result.remove("status");
      }
    }
    return result;
  }

  /**
   * Bumps {@code metadata.generation} of an admitted update when anything outside metadata and status changed.
   * Judged after defaulting, as kube-apiserver judges it: a re-apply that only omits defaulted fields is no change.
   */
  static void bumpGeneration(ResourceType type, JsonObject old, JsonObject admitted) {
    if (tracksGeneration(type) && specChanged(old, admitted)) {
      admitted.getJsonObject("metadata").put("generation",
          old.getJsonObject("metadata").getLong("generation", 0L) + 1);
    }
  }

  /** Whether an update changed nothing: such an update is answered without a new resourceVersion or event. */
  static boolean unchanged(JsonObject before, JsonObject after) {
    return sameApartFrom(before, after, null);
  }

  /** Whether two versions differ in their status alone (or not at all). */
  static boolean onlyStatusChanged(JsonObject before, JsonObject after) {
    return sameApartFrom(before, after, "status");
  }

  /**
   * Equality of two versions of an object apart from what every write changes anyway (resourceVersion, managed
   * fields) and, if named, one top-level field. Compared field by field, without copying: every update asks.
   */
  private static boolean sameApartFrom(JsonObject before, JsonObject after, String ignored) {
    for (String field : union(before, after)) {
      if (field.equals(ignored)) {
        continue;
      }
      if ("metadata".equals(field) && before.getValue(field) instanceof JsonObject a
          && after.getValue(field) instanceof JsonObject b) {
        for (String key : union(a, b)) {
          if (!"resourceVersion".equals(key) && !"managedFields".equals(key) && !sameEntry(a, b, key)) {
            return false;
          }
        }
      } else if (!sameEntry(before, after, field)) {
        return false;
      }
    }
    return true;
  }

  /** One entry compared as {@link JsonObject#equals} compares it: present in both, and numbers by value. */
  private static boolean sameEntry(JsonObject a, JsonObject b, String key) {
    if (a.containsKey(key) != b.containsKey(key)) {
      return false;
    }
    return new JsonObject().put(key, a.getValue(key)).equals(new JsonObject().put(key, b.getValue(key)));
  }

  private static boolean specChanged(JsonObject before, JsonObject after) {
    for (String field : union(before, after)) {
      if (!"metadata".equals(field) && !"status".equals(field)
          && !Objects.equals(before.getValue(field), after.getValue(field))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> union(JsonObject a, JsonObject b) {
    Set<String> fields = new java.util.HashSet<>(a.fieldNames());
    fields.addAll(b.fieldNames());
    return fields;
  }

  static boolean tracksGeneration(ResourceType type) {
    return !type.builtIn() || !NO_GENERATION.contains(type.kind());
  }

  private static JsonObject initialStatus(ResourceType type, JsonObject object) {
    return switch (type.kind()) {
      case "Pod" -> {
        // A pod is created Pending; kubelet (the simulator) moves it on through the status subresource.
        yield new JsonObject().put("phase", "Pending").put("qosClass", qosClass(object));
      }
      case "Namespace" -> new JsonObject().put("phase", "Active");
      default -> new JsonObject();
    };
  }

  /**
   * A pod's QoS class as the API server computes it: Guaranteed when every container's cpu and memory requests equal
   * its limits, BestEffort when no container asks for or limits anything, else Burstable.
   */
  static String qosClass(JsonObject pod) {
    boolean any = false;
    boolean guaranteed = true;
    JsonObject spec = pod.getJsonObject("spec", new JsonObject());
    for (String list : List.of("initContainers", "containers")) {
      for (Object c : spec.getJsonArray(list, new JsonArray())) {
        JsonObject resources = ((JsonObject) c).getJsonObject("resources", new JsonObject());
        JsonObject limits = resources.getJsonObject("limits", new JsonObject());
        JsonObject requests = resources.getJsonObject("requests", limits);
        any |= !limits.isEmpty() || !requests.isEmpty();
        for (String resource : List.of("cpu", "memory")) {
          Object limit = limits.getValue(resource);
          if (limit == null || !String.valueOf(limit).equals(String.valueOf(requests.getValue(resource, limit)))) {
            guaranteed = false;
          }
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  /** The finalizers of an object (never null). */
  static JsonArray finalizers(JsonObject object) {
    JsonArray finalizers = object.getJsonObject("metadata").getJsonArray("finalizers");
    return finalizers == null ? new JsonArray() : finalizers;
  }
}
