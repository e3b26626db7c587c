package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link PodDirectory} filled by hand: for tests and for callers that already know their pods. Thread-safe. */
public final class InMemoryPodDirectory implements PodDirectory {

  private record Entry(WorkloadRef owner, boolean ready) {
  }

  /** namespace → pod → entry: nested so that a lookup builds no key string. */
  private final Map<String, Map<String, Entry>> pods = new ConcurrentHashMap<>();
  private final Map<TargetKey, AtomicInteger> ready = new ConcurrentHashMap<>();

  /** Adds or replaces a pod. */
  public synchronized InMemoryPodDirectory put(String namespace, String pod, WorkloadRef owner, boolean isReady) {
    count(pods.computeIfAbsent(namespace, k -> new ConcurrentHashMap<>()).put(pod, new Entry(owner, isReady)), -1);
    count(new Entry(owner, isReady), +1);
    return this;
  }

  /** Removes a pod. */
  public synchronized void remove(String namespace, String pod) {
    Map<String, Entry> inNamespace = pods.get(namespace);
    if (inNamespace != null) {
      count(inNamespace.remove(pod), -1);
    }
  }

  private void count(Entry entry, int delta) {
    if (entry != null && entry.ready()) {
      ready.computeIfAbsent(entry.owner().target(), k -> new AtomicInteger()).addAndGet(delta);
    }
  }

  @Override
  public Optional<WorkloadRef> ownerOf(String namespace, String pod) {
    Map<String, Entry> inNamespace = pods.get(namespace);
    Entry e = inNamespace == null ? null : inNamespace.get(pod);
    return e == null ? Optional.empty() : Optional.of(e.owner());
  }

  @Override
  public int readyPods(TargetKey workload) {
    AtomicInteger n = ready.get(workload);
    return n == null ? 0 : n.get();
  }
}
