package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PodDirectory} fed by the application's informer caches of pods and ReplicaSets in every namespace. It
 * subscribes on the informers' own threads, so a pod's owner is known as soon as its event is, and only writes the
 * thread-safe maps of a {@link PodOwnerIndex}; lookups read them from any thread.
 */
public final class InformerPodDirectory implements PodDirectory, AutoCloseable {

  private final PodOwnerIndex index = new PodOwnerIndex();
  private final ResourceCache cache;
  private ResourceCache.Subscription subscription;

  public InformerPodDirectory(ResourceCache cache) {
    this.cache = cache;
  }

  /**
   * Subscribes; call before the cache starts, so its first listing reaches the index (a later subscriber would see
   * only changes).
   */
  public void open() {
    subscription = cache.subscribe(null, EnumSet.of(Kind.POD, Kind.REPLICA_SET), this::changed);
  }

  private void changed(Kind kind, JsonObject object, boolean deleted) {
    if (kind == Kind.POD) {
      if (deleted) {
        index.podDeleted(object);
      } else {
        index.podApplied(object);
      }
    } else if (deleted) {
      index.replicaSetDeleted(object);
    } else {
      index.replicaSetApplied(object);
    }
  }

  /** Pods currently cached, as JSON shared with every reader: read them, never change them. */
  public List<JsonObject> pods() {
    return cache.listShared(Kind.POD, null);
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
    if (subscription != null) {
      subscription.close();
    }
  }
}
