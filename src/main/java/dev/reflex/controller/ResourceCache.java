package dev.reflex.controller;

import dev.reflex.bus.TargetKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Informer caches of everything the controllers read, as JSON objects. Generic (untyped) informers are used on
 * purpose: an IHPA with a value the model cannot read must still be seen, so that it can be reported as an invalid
 * spec instead of silently vanishing. Change notifications hop onto the controllers' context.
 */
public final class ResourceCache {

  /** The kinds the controllers watch. */
  public enum Kind {
    IHPA("autoscaling.kapacitystack.io", "v1alpha1", "intelligenthorizontalpodautoscalers",
        "IntelligentHorizontalPodAutoscaler"),
    HP("autoscaling.kapacitystack.io", "v1alpha1", "horizontalportraits", "HorizontalPortrait"),
    RP("autoscaling.kapacitystack.io", "v1alpha1", "replicaprofiles", "ReplicaProfile"),
    POD("", "v1", "pods", "Pod"),
    CONFIG_MAP("", "v1", "configmaps", "ConfigMap"),
    STATEFUL_SET("apps", "v1", "statefulsets", "StatefulSet"),
    DEPLOYMENT("apps", "v1", "deployments", "Deployment"),
    REPLICA_SET("apps", "v1", "replicasets", "ReplicaSet");

    final ResourceDefinitionContext definition;

    Kind(String group, String version, String plural, String kind) {
      this.definition = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
          .withPlural(plural).withKind(kind).withNamespaced(true).build();
    }

    /** The collection path in a namespace, e.g. {@code /apis/apps/v1/namespaces/ns/statefulsets}. */
    public String collection(String namespace) {
      String prefix = definition.getGroup().isEmpty() ? "/api/" + definition.getVersion()
          : "/apis/" + definition.getGroup() + "/" + definition.getVersion();
      return prefix + "/namespaces/" + namespace + "/" + definition.getPlural();
    }

    public String path(String namespace, String name) {
      return collection(namespace) + "/" + name;
    }

    public String apiVersion() {
      return definition.getGroup().isEmpty() ? definition.getVersion()
          : definition.getGroup() + "/" + definition.getVersion();
    }

    public String kind() {
      return definition.getKind();
    }

    /** The kind with this Kubernetes kind name, e.g. {@code StatefulSet}. */
    public static java.util.Optional<Kind> byKind(String kind) {
      return java.util.Arrays.stream(values()).filter(k -> k.kind().equals(kind)).findFirst();
    }
  }

  private final KubernetesClient client;
  private final Map<Kind, SharedIndexInformer<GenericKubernetesResource>> informers = new LinkedHashMap<>();

  public ResourceCache(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Starts every informer; {@code onChange} runs on {@code context} with the kind and the object (as JSON) after
   * each add, update or delete. The future completes once all caches are filled.
   */
  public Future<Void> start(Context context, long resyncMillis, BiConsumer<Kind, JsonObject> onChange) {
    List<Future<Void>> started = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(kind.definition)
          .inAnyNamespace().runnableInformer(resyncMillis);
      informer.addEventHandler(new ResourceEventHandler<>() {
        @Override
        public void onAdd(GenericKubernetesResource obj) {
          notify(obj);
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
          notify(newObj);
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
          notify(obj);
        }

        private void notify(GenericKubernetesResource obj) {
          JsonObject json = json(obj);
          context.runOnContext(v -> onChange.accept(kind, json));
        }
      });
      informers.put(kind, informer);
      started.add(Future.fromCompletionStage(informer.start(), context));
    }
    return Future.all(started).mapEmpty();
  }

  public void stop() {
    informers.values().forEach(SharedIndexInformer::stop);
  }

  public boolean synced() {
    return !informers.isEmpty() && informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** The cached object, or null. */
  public JsonObject get(Kind kind, String namespace, String name) {
    GenericKubernetesResource obj = informers.get(kind).getStore().getByKey(namespace + "/" + name);
    return obj == null ? null : json(obj);
  }

  public JsonObject get(Kind kind, TargetKey key) {
    return get(kind, key.namespace(), key.name());
  }

  public List<JsonObject> list(Kind kind, String namespace) {
    List<JsonObject> result = new ArrayList<>();
    for (GenericKubernetesResource obj : informers.get(kind).getStore().list()) {
      if (namespace == null || namespace.equals(obj.getMetadata().getNamespace())) {
        result.add(json(obj));
      }
    }
    return result;
  }

  private JsonObject json(GenericKubernetesResource obj) {
    return new JsonObject(client.getKubernetesSerialization().asJson(obj));
  }
}
