package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PodDirectory} filled by hand: for tests and for callers that already know their pods. Thread-safe. */
public final class InMemoryPodDirectory implements PodDirectory {

  private record Entry(WorkloadRef owner, boolean ready) {
  }

  private final Map<String, Entry> pods = new ConcurrentHashMap<>();

  /** Adds or replaces a pod. */
  public InMemoryPodDirectory put(String namespace, String pod, WorkloadRef owner, boolean ready) {
    pods.put(namespace + "/" + pod, new Entry(owner, ready));
    return this;
  }

  /** Removes a pod. */
  public void remove(String namespace, String pod) {
    pods.remove(namespace + "/" + pod);
  }

  @Override
  public Optional<WorkloadRef> ownerOf(String namespace, String pod) {
    Entry e = pods.get(namespace + "/" + pod);
    return e == null ? Optional.empty() : Optional.of(e.owner());
  }

  @Override
  public int readyPods(TargetKey workload) {
    int n = 0;
    for (Entry e : pods.values()) {
      if (e.ready() && e.owner().target().equals(workload)) {
        n++;
      }
    }
    return n;
  }
}
