package dev.reflex.embedded;

import dev.reflex.kube.JsonByVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read access to the informer caches of the simulator, as JSON objects. The caches are thread-safe and in memory,
 * so reading them on an event loop is fine.
 *
 * <p>Each stored version is converted to JSON once and handed out as that one shared object: the simulator lists
 * every pod each second (metrics) and on every workload change, and converting thousands of pods each time, and
 * later copying them, made the simulator, not the system under test, the main allocator and CPU user of a
 * ten-thousand-workload benchmark. The simulator only reads what it gets and builds its writes from fresh objects.
 */
final class ClusterView {

  private final KubernetesSerialization serialization;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> byKind;
  private final JsonByVersion converted = new JsonByVersion();

  ClusterView(KubernetesSerialization serialization, Map<String, SharedIndexInformer<? extends HasMetadata>> byKind) {
    this.serialization = serialization;
    this.byKind = Map.copyOf(byKind);
  }

  /**
   * The object of {@code kind} (StatefulSet, Deployment, ReplicaSet, Pod, Service) or null. Every read answers the
   * JSON of the cached version itself, shared by all readers: read it, and copy what is to be changed.
   */
  JsonObject get(String kind, String namespace, String name) {
    HasMetadata obj = byKind.get(kind).getStore().getByKey(namespace + "/" + name);
    return obj == null ? null : json(obj);
  }

  List<JsonObject> list(String kind, String namespace) {
    List<JsonObject> result = new ArrayList<>();
    for (HasMetadata obj : byKind.get(kind).getStore().list()) {
      if (namespace == null || namespace.equals(obj.getMetadata().getNamespace())) {
        result.add(json(obj));
      }
    }
    if (namespace == null) {
      // A full listing (the metrics emitter lists every pod each second) is the moment to forget deleted objects.
      Set<String> live = new HashSet<>();
      byKind.get(kind).getStore().list().forEach(obj -> live.add(key(obj)));
      converted.retain(k -> !k.startsWith(kind + "/") || live.contains(k));
    }
    return result;
  }

  /** The pod informer's index of pods by controlling owner, {@code namespace/Kind/name}. */
  static final String OWNER_INDEX = "controller-owner";

  static List<String> ownerIndexKeys(HasMetadata pod) {
    List<String> keys = new ArrayList<>(1);
    if (pod.getMetadata().getOwnerReferences() != null) {
      pod.getMetadata().getOwnerReferences().stream().filter(ref -> Boolean.TRUE.equals(ref.getController()))
          .forEach(ref -> keys.add(pod.getMetadata().getNamespace() + "/" + ref.getKind() + "/" + ref.getName()));
    }
    return keys;
  }

  /** Pods whose controller owner is {@code kind/name}. */
  List<JsonObject> podsOwnedBy(String namespace, String kind, String name) {
    List<JsonObject> result = new ArrayList<>();
    for (HasMetadata pod : byKind.get("Pod").getIndexer().byIndex(OWNER_INDEX, namespace + "/" + kind + "/"
        + name)) {
      result.add(json(pod));
    }
    return result;
  }

  /** {@code Kind/name} of an object's controlling owner, or empty. */
  static String owner(JsonObject obj) {
    JsonArray refs = obj.getJsonObject("metadata").getJsonArray("ownerReferences", new JsonArray());
    for (Object r : refs) {
      JsonObject ref = (JsonObject) r;
      if (ref.getBoolean("controller", false)) {
        return ref.getString("kind") + "/" + ref.getString("name");
      }
    }
    return "";
  }

  private static String key(HasMetadata obj) {
    return obj.getKind() + "/" + obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
  }

  /** Shared with every other read of the same version: callers read it and copy what they change. */
  private JsonObject json(HasMetadata obj) {
    return converted.shared(key(obj), obj.getMetadata().getResourceVersion(),
        () -> new JsonObject(serialization.asJson(obj)));
  }
}
