package dev.reflex.core.pods;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ReplicaSet controller's scale-down order (its "active pods with ranks" sort, with the default
 * PodDeletionCost and LogarithmicScaleDown behaviour). Pod {@code a} goes before {@code b} when, at the first
 * rule that tells them apart:
 * <ol>
 *   <li>{@code a} is unscheduled and {@code b} is not;</li>
 *   <li>{@code a}'s phase ranks lower: Pending, then Unknown, then Running;</li>
 *   <li>{@code a} is not ready and {@code b} is;</li>
 *   <li>{@code a} has the lower pod-deletion cost;</li>
 *   <li>{@code a} shares its node with more active pods of the workload ("doubled up");</li>
 *   <li>both ready, with different ready times: the one ready more recently, compared in power-of-two buckets of
 *       the time since (so pods ready 3 s and 3.5 s ago tie, and the tie is broken by UID to spread deletions
 *       pseudo-randomly); a missing ready time goes first;</li>
 *   <li>{@code a} has more container restarts;</li>
 *   <li>different creation times: the newer, in the same buckets, ties by UID; a missing time goes first.</li>
 * </ol>
 * Pods equal under every rule are ordered by name so that the result does not depend on input order.
 * Bucket example at now = 12:00:00: ready 11:59:58 (2 s = 2^30.9 ns, bucket 30) and 11:59:57 (3 s, bucket 31)
 * differ, so the 2-second one goes first; 11:59:53 (7 s, bucket 32) and 11:59:52 (8 s, bucket 32) tie.
 */
final class ReplicaSetOrder implements PodLess {

  private final Map<String, Integer> coLocated;
  private final Instant now;

  private ReplicaSetOrder(Map<String, Integer> coLocated, Instant now) {
    this.coLocated = coLocated;
    this.now = now;
  }

  /** The order for {@code pods}, with co-location ranks counted among them. */
  static ReplicaSetOrder of(List<PodInfo> pods, Instant now) {
    Map<String, Integer> perNode = new HashMap<>();
    for (PodInfo pod : pods) {
      if (pod.phase().active()) {
        perNode.merge(pod.nodeName(), 1, Integer::sum);
      }
    }
    return new ReplicaSetOrder(perNode, now);
  }

  private int rank(PodInfo pod) {
    return coLocated.getOrDefault(pod.nodeName(), 0);
  }

  @Override
  public boolean less(PodInfo a, PodInfo b) {
    if (!a.nodeName().equals(b.nodeName()) && (!a.assigned() || !b.assigned())) {
      return !a.assigned();
    }
    if (a.phase().deletionOrdinal() != b.phase().deletionOrdinal()) {
      return a.phase().deletionOrdinal() < b.phase().deletionOrdinal();
    }
    if (a.ready() != b.ready()) {
      return !a.ready();
    }
    if (a.deletionCost() != b.deletionCost()) {
      return a.deletionCost() < b.deletionCost();
    }
    if (rank(a) != rank(b)) {
      return rank(a) > rank(b);
    }
    if (a.ready() && b.ready() && !a.readySince().equals(b.readySince())) {
      return newerFirst(a, b, a.readySince(), b.readySince());
    }
    if (a.restartCount() != b.restartCount()) {
      return a.restartCount() > b.restartCount();
    }
    if (!a.createdAt().equals(b.createdAt())) {
      return newerFirst(a, b, a.createdAt(), b.createdAt());
    }
    return a.name().compareTo(b.name()) < 0;
  }

  /** Rules 6 and 8: a missing time first, then the more recent bucket, then UID within a bucket. */
  private boolean newerFirst(PodInfo a, PodInfo b, Optional<Instant> ta, Optional<Instant> tb) {
    if (ta.isEmpty() || tb.isEmpty()) {
      return ta.isEmpty();
    }
    long diff = bucket(ta.get()) - bucket(tb.get());
    if (diff == 0) {
      return tieKey(a).compareTo(tieKey(b)) < 0;
    }
    return diff < 0;
  }

  /** floor(log2(nanoseconds since t)), or -1 when t is not in the past. */
  private long bucket(Instant t) {
    long nanos = Duration.between(t, now).toNanos();
    return nanos > 0 ? 63 - Long.numberOfLeadingZeros(nanos) : -1;
  }

  private static String tieKey(PodInfo pod) {
    return pod.uid().isEmpty() ? pod.name() : pod.uid();
  }
}
