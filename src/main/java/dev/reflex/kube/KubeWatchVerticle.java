package dev.reflex.kube;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.KubeEvent;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.pods.PodKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Watches scale targets and pods and turns every change into a {@link KubeEvent} on the bus. Informer callbacks
 * arrive on fabric8 threads; they only hop onto this verticle's context and publish. The start future completes once
 * every informer has listed its objects, which is what {@code /readyz} waits for.
 */
public final class KubeWatchVerticle extends VerticleBase {

  private final KubernetesClient client;
  private final Duration resync;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private volatile boolean synced;

  public KubeWatchVerticle(KubernetesClient client, Duration resync) {
    this.client = client;
    this.resync = resync;
  }

  /** True once every informer finished its first list. */
  public boolean synced() {
    return synced;
  }

  @Override
  public Future<?> start() {
    long resyncMillis = resync.toMillis();
    List<Future<Void>> started = List.of(
        watch(LeanInformers.withoutManagedFields(
            client.apps().statefulSets().inAnyNamespace().runnableInformer(resyncMillis)),
            Addresses.KUBE_WORKLOAD, KubeWatchVerticle::workloadSummary),
        watch(LeanInformers.withoutManagedFields(
            client.apps().deployments().inAnyNamespace().runnableInformer(resyncMillis)),
            Addresses.KUBE_WORKLOAD, KubeWatchVerticle::workloadSummary),
        watch(LeanInformers.withoutManagedFields(
            client.apps().replicaSets().inAnyNamespace().runnableInformer(resyncMillis)),
            Addresses.KUBE_WORKLOAD, KubeWatchVerticle::workloadSummary),
        watch(LeanInformers.withoutManagedFields(client.pods().inAnyNamespace().runnableInformer(resyncMillis)),
            Addresses.KUBE_POD, KubeWatchVerticle::podSummary));
    return Future.all(started).onSuccess(v -> synced = true);
  }

  @Override
  public Future<?> stop() {
    informers.forEach(SharedIndexInformer::stop);
    return Future.succeededFuture();
  }

  private <T extends HasMetadata> Future<Void> watch(SharedIndexInformer<T> informer, String address,
      Function<T, JsonObject> summary) {
    informers.add(informer);
    Context ctx = context;
    informer.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T obj) {
        publish(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        publish(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        KubeEvent event = new KubeEvent.Deleted(obj.getKind(), key(obj));
        ctx.runOnContext(v -> vertx.eventBus().publish(address, event));
      }

      private void publish(T obj) {
        KubeEvent event = new KubeEvent.Applied(obj.getKind(), key(obj), obj.getMetadata().getResourceVersion(),
            summary.apply(obj));
        ctx.runOnContext(v -> vertx.eventBus().publish(address, event));
      }
    });
    return Future.fromCompletionStage(informer.start(), ctx);
  }

  private static TargetKey key(HasMetadata obj) {
    String ns = obj.getMetadata().getNamespace();
    return new TargetKey(ns == null ? "" : ns, obj.getMetadata().getName());
  }

  private static JsonObject workloadSummary(HasMetadata obj) {
    JsonObject summary = new JsonObject();
    if (obj instanceof StatefulSet sts) {
      summary.put("replicas", sts.getSpec().getReplicas());
      if (sts.getStatus() != null) {
        summary.put("statusReplicas", sts.getStatus().getReplicas()).put("readyReplicas",
            sts.getStatus().getReadyReplicas());
      }
    } else if (obj instanceof Deployment d) {
      summary.put("replicas", d.getSpec().getReplicas());
      if (d.getStatus() != null) {
        summary.put("statusReplicas", d.getStatus().getReplicas()).put("readyReplicas",
            d.getStatus().getReadyReplicas());
      }
    } else if (obj instanceof ReplicaSet rs) {
      summary.put("replicas", rs.getSpec().getReplicas());
      if (rs.getStatus() != null) {
        summary.put("statusReplicas", rs.getStatus().getReplicas()).put("readyReplicas",
            rs.getStatus().getReadyReplicas());
      }
    }
    return summary;
  }

  private static JsonObject podSummary(Pod pod) {
    JsonObject summary = new JsonObject();
    if (pod.getStatus() != null) {
      summary.put("phase", pod.getStatus().getPhase());
      boolean ready = pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      summary.put("ready", ready);
      if (pod.getStatus().getConditions() != null) {
        pod.getStatus().getConditions().stream().filter(c -> c.getType().contains("/"))
            .forEach((PodCondition c) -> summary.put(c.getType(), c.getStatus()));
      }
    }
    if (pod.getMetadata().getLabels() != null
        && pod.getMetadata().getLabels().containsKey(PodKeys.STATE_LABEL)) {
      summary.put("podState", pod.getMetadata().getLabels().get(PodKeys.STATE_LABEL));
    }
    return summary;
  }
}
