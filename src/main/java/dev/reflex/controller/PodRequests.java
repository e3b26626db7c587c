package dev.reflex.controller;

import dev.reflex.api.v1alpha1.CrossVersionObjectReference;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The per-pod request of a resource (cores or bytes) of a workload, for Utilization targets. Read from the
 * workload's pod template first: the pods may not exist yet when a portrait is first generated, and every pod gets
 * the template's requests.
 */
final class PodRequests {

  private final ResourceCache cache;

  PodRequests(ResourceCache cache) {
    this.cache = cache;
  }

  /** From the template of the workload {@code target} (a scaleTargetRef), else from the first of {@code pods}. */
  OptionalDouble of(String namespace, CrossVersionObjectReference target, List<JsonObject> pods, String resource) {
    JsonObject template = workloadTemplate(namespace, target);
    OptionalDouble fromTemplate = firstRequest(template == null ? List.of() : List.of(template), resource);
    return fromTemplate.isPresent() ? fromTemplate : firstRequest(pods, resource);
  }

  private JsonObject workloadTemplate(String namespace, CrossVersionObjectReference target) {
    JsonObject workload = Kind.byKind(String.valueOf(target.kind()))
        .map(kind -> cache.get(kind, namespace, target.name())).orElse(null);
    return workload == null ? null
        : workload.getJsonObject("spec", new JsonObject()).getJsonObject("template");
  }

  /** The first pod (spec) with a request of a resource, summed over its containers. */
  private static OptionalDouble firstRequest(List<JsonObject> pods, String resource) {
    for (JsonObject pod : pods) {
      long milli = 0;
      for (Object c : pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers", new JsonArray())) {
        String request = ((JsonObject) c).getJsonObject("resources", new JsonObject())
            .getJsonObject("requests", new JsonObject()).getString(resource);
        if (request != null) {
          milli += Quantity.parseMilli(request);
        }
      }
      if (milli > 0) {
        return OptionalDouble.of(milli / 1000.0);
      }
    }
    return OptionalDouble.empty();
  }
}
