package dev.reflex.core.pods;

import dev.reflex.core.WorkloadKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Orders a workload's pods the way its own controller would remove them, so that pods chosen for Cutoff or
 * Standby are the ones the workload later deletes when its replica count drops. One of this package's entry
 * points.
 */
public final class PodOrdering {

  private PodOrdering() {
  }

  /**
   * Sorts pods for scale-down, first = removed first: highest ordinal first for a StatefulSet, the ReplicaSet
   * controller's order for a Deployment or ReplicaSet (see {@code ReplicaSetOrder}).
   *
   * @param kind the workload kind
   * @param pods the workload's pods (co-location ranks for the ReplicaSet order are counted among them)
   * @param now reference instant for the ReplicaSet order's time buckets
   * @return a new list; the input is not modified
   */
  public static List<PodInfo> scaleDownOrder(WorkloadKind kind, List<PodInfo> pods, Instant now) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pods, "pods");
    Objects.requireNonNull(now, "now");
    return List.copyOf(StableSort.sort(pods, orderFor(kind, pods, now)));
  }

  /**
   * The {@code count} pods the workload would remove first.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public static List<PodInfo> firstToRemove(WorkloadKind kind, List<PodInfo> pods, int count, Instant now) {
    if (count < 0) {
      throw new IllegalArgumentException("count: must be >= 0, got " + count);
    }
    List<PodInfo> sorted = scaleDownOrder(kind, pods, now);
    return sorted.subList(0, Math.min(count, sorted.size()));
  }

  static PodLess orderFor(WorkloadKind kind, List<PodInfo> pods, Instant now) {
    return kind == WorkloadKind.STATEFUL_SET ? StatefulSetOrder.INSTANCE : ReplicaSetOrder.of(pods, now);
  }
}
