package dev.reflex.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the ReplicaSet controller is still waiting to see in its cache after creating or deleting pods, as
 * kube-controller-manager's ControllerExpectations: a ReplicaSet whose own creations or deletions have not shown up
 * yet is not scaled again, or a pass on a stale cache would create (or delete) the same pods twice. An expectation
 * that is never met (a lost event) lapses after {@link #TTL}. Touched on the simulator's context only.
 */
final class PodExpectations {

  /** kube's expectation timeout is five minutes; the simulator's caches lag by milliseconds, not minutes. */
  static final Duration TTL = Duration.ofSeconds(10);

  private record Pending(Set<String> creates, Set<String> deletes, Instant since) {
  }

  private final Map<String, Pending> byOwner = new HashMap<>();

  /** Records that {@code owner} created {@code pod} and waits to see it. */
  void creating(String owner, String pod, Instant now) {
    pending(owner, now).creates().add(pod);
  }

  /** Records that {@code owner} deleted {@code pod} and waits to see it terminating or gone. */
  void deleting(String owner, String pod, Instant now) {
    pending(owner, now).deletes().add(pod);
  }

  /** A create or delete that the API server refused: nothing will show up for it. */
  void failed(String owner, String pod) {
    Pending pending = byOwner.get(owner);
    if (pending != null) {
      pending.creates().remove(pod);
      pending.deletes().remove(pod);
    }
  }

  /**
   * Whether every creation and deletion of {@code owner} has shown up in its cache, given the pods the cache now
   * holds for it: all of them by name, and those of them not yet terminating. Met expectations are forgotten.
   */
  boolean satisfied(String owner, Set<String> cached, Set<String> running, Instant now) {
    Pending pending = byOwner.get(owner);
    if (pending == null) {
      return true;
    }
    pending.creates().removeIf(cached::contains);
    pending.deletes().removeIf(pod -> !running.contains(pod));
    if (pending.creates().isEmpty() && pending.deletes().isEmpty()
        || Duration.between(pending.since(), now).compareTo(TTL) > 0) {
      byOwner.remove(owner);
      return true;
    }
    return false;
  }

  private Pending pending(String owner, Instant now) {
    return byOwner.computeIfAbsent(owner, o -> new Pending(new HashSet<>(), new HashSet<>(), now));
  }
}
