package dev.reflex.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * Informer caches without {@code metadata.managedFields}, as kube-controller-manager and most controllers keep
 * theirs: Reflex never reads who owns which field, and the FieldsV1 trees are often the larger part of an object.
 * Every cached pod, workload and custom resource is held by several informers, so at ten thousand workloads they
 * were most of the heap.
 */
public final class LeanInformers {

  private LeanInformers() {
  }

  /** The informer, caching (and handing its handlers) objects without managedFields; call it before start. */
  public static <T extends HasMetadata> SharedIndexInformer<T> withoutManagedFields(SharedIndexInformer<T> informer) {
    return informer.itemStore(new StrippingStore<>());
  }

  /** Drops managedFields as an object enters the cache, before any handler or reader sees it. */
  static final class StrippingStore<T extends HasMetadata> extends BasicItemStore<T> {

    StrippingStore() {
      super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public T put(String key, T object) {
      if (object.getMetadata() != null && object.getMetadata().getManagedFields() != null) {
        object.getMetadata().setManagedFields(null);
      }
      return super.put(key, object);
    }
  }
}
