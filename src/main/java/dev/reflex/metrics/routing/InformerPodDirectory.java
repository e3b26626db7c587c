package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import dev.reflex.kube.LeanInformers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link PodDirectory} fed by fabric8 informers on pods and ReplicaSets in every namespace. Informer callbacks
 * run on fabric8's threads and only write the thread-safe maps of a {@link PodOwnerIndex}; lookups read them from
 * any thread.
 */
public final class InformerPodDirectory implements PodDirectory, AutoCloseable {

  private final PodOwnerIndex index = new PodOwnerIndex();
  private final SharedIndexInformer<Pod> podInformer;
  private final SharedIndexInformer<ReplicaSet> replicaSetInformer;

  /** Creates the informers; {@link #start()} starts them. */
  public InformerPodDirectory(KubernetesClient client, Duration resync) {
    long resyncMillis = resync.toMillis();
    replicaSetInformer = LeanInformers.withoutManagedFields(
        client.apps().replicaSets().inAnyNamespace().runnableInformer(resyncMillis));
    replicaSetInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(ReplicaSet rs) {
        index.replicaSetApplied(rs);
      }

      @Override
      public void onUpdate(ReplicaSet old, ReplicaSet rs) {
        index.replicaSetApplied(rs);
      }

      @Override
      public void onDelete(ReplicaSet rs, boolean unknownFinalState) {
        index.replicaSetDeleted(rs);
      }
    });
    podInformer = LeanInformers.withoutManagedFields(client.pods().inAnyNamespace().runnableInformer(resyncMillis));
    podInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        index.podApplied(pod);
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        index.podApplied(pod);
      }

      @Override
      public void onDelete(Pod pod, boolean unknownFinalState) {
        index.podDeleted(pod);
      }
    });
  }

  /** Starts both informers; completes once both have listed their objects. */
  public CompletionStage<Void> start() {
    return CompletableFuture.allOf(replicaSetInformer.start().toCompletableFuture(),
        podInformer.start().toCompletableFuture());
  }

  /** Names of pods (namespace/name) currently known, for the load generator. */
  public List<String> podKeys() {
    return podInformer.getStore().list().stream()
        .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()).toList();
  }

  /** Pods currently in the informer's cache. */
  public List<Pod> pods() {
    return podInformer.getStore().list();
  }

  @Override
  public Optional<WorkloadRef> ownerOf(String namespace, String pod) {
    return index.ownerOf(namespace, pod);
  }

  @Override
  public int readyPods(TargetKey workload) {
    return index.readyPods(workload);
  }

  @Override
  public void close() {
    podInformer.stop();
    replicaSetInformer.stop();
  }
}
