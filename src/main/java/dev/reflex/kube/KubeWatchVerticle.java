package dev.reflex.kube;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.KubeEvent;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.pods.PodKeys;
import dev.reflex.kube.ResourceCache.Kind;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns every change the application's informer caches see into a {@link KubeEvent} on the bus, for taps: scale
 * targets on {@code reflex.kube.workload}, pods on {@code reflex.kube.pod}, IHPAs, HorizontalPortraits and
 * ReplicaProfiles on {@code reflex.kube.autoscaling}. It runs no informer of its own; it subscribes to
 * {@link ResourceCache}.
 */
public final class KubeWatchVerticle extends VerticleBase {

  private static final Set<Kind> WORKLOADS = EnumSet.of(Kind.STATEFUL_SET, Kind.DEPLOYMENT, Kind.REPLICA_SET);
  private static final Set<Kind> AUTOSCALING = EnumSet.of(Kind.IHPA, Kind.HP, Kind.RP);

  private final ResourceCache cache;
  private ResourceCache.Subscription subscription;

  public KubeWatchVerticle(ResourceCache cache) {
    this.cache = cache;
  }

  @Override
  public Future<?> start() {
    Set<Kind> kinds = EnumSet.of(Kind.POD);
    kinds.addAll(WORKLOADS);
    kinds.addAll(AUTOSCALING);
    subscription = cache.subscribe(context, kinds, this::publish);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    subscription.close();
    return Future.succeededFuture();
  }

  private void publish(Kind kind, JsonObject obj, boolean deleted) {
    JsonObject meta = obj.getJsonObject("metadata", new JsonObject());
    TargetKey key = new TargetKey(meta.getString("namespace", ""), meta.getString("name", ""));
    String address = kind == Kind.POD ? Addresses.KUBE_POD
        : WORKLOADS.contains(kind) ? Addresses.KUBE_WORKLOAD : Addresses.KUBE_AUTOSCALING;
    KubeEvent event = deleted ? new KubeEvent.Deleted(kind.kind(), key)
        : new KubeEvent.Applied(kind.kind(), key, meta.getString("resourceVersion", ""), summary(kind, obj));
    vertx.eventBus().publish(address, event);
  }

  private static JsonObject summary(Kind kind, JsonObject obj) {
    if (kind == Kind.POD) {
      return podSummary(obj);
    }
    if (AUTOSCALING.contains(kind)) {
      return new JsonObject().put("generation", obj.getJsonObject("metadata").getLong("generation", 0L));
    }
    JsonObject summary = new JsonObject()
        .put("replicas", obj.getJsonObject("spec", new JsonObject()).getValue("replicas"));
    JsonObject status = obj.getJsonObject("status");
    if (status != null) {
      summary.put("statusReplicas", status.getValue("replicas")).put("readyReplicas",
          status.getValue("readyReplicas"));
    }
    return summary;
  }

  private static JsonObject podSummary(JsonObject pod) {
    JsonObject summary = new JsonObject();
    JsonObject status = pod.getJsonObject("status");
    if (status != null) {
      summary.put("phase", status.getString("phase"));
      JsonArray conditions = status.getJsonArray("conditions", new JsonArray());
      summary.put("ready", conditions.stream().anyMatch(c -> c instanceof JsonObject condition
          && "Ready".equals(condition.getString("type")) && "True".equals(condition.getString("status"))));
      for (Object c : conditions) {
        if (c instanceof JsonObject condition && condition.getString("type", "").contains("/")) {
          summary.put(condition.getString("type"), condition.getString("status"));
        }
      }
    }
    JsonObject labels = pod.getJsonObject("metadata", new JsonObject()).getJsonObject("labels");
    if (labels != null && labels.containsKey(PodKeys.STATE_LABEL)) {
      summary.put("podState", labels.getString(PodKeys.STATE_LABEL));
    }
    return summary;
  }
}
