package dev.reflex.embedded;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read access to the informer caches of the simulator, as JSON objects. The caches are thread-safe and in memory,
 * so reading them on an event loop is fine.
 */
final class ClusterView {

  private final KubernetesSerialization serialization;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> byKind;

  ClusterView(KubernetesSerialization serialization, Map<String, SharedIndexInformer<? extends HasMetadata>> byKind) {
    this.serialization = serialization;
    this.byKind = Map.copyOf(byKind);
  }

  /** The object of {@code kind} (StatefulSet, Deployment, ReplicaSet, Pod, Service) or null. */
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
    return result;
  }

  /** Pods whose controller owner is {@code kind/name}. */
  List<JsonObject> podsOwnedBy(String namespace, String kind, String name) {
    return list("Pod", namespace).stream().filter(p -> owner(p).equals(kind + "/" + name)).toList();
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

  private JsonObject json(HasMetadata obj) {
    return new JsonObject(serialization.asJson(obj));
  }
}
