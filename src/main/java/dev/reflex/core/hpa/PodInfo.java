package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One pod selected by the target's selector, reduced to what the algorithm reads.
 *
 * @param name the pod name (metrics are matched on it)
 * @param phase {@code status.phase}
 * @param ready the Ready condition's status
 * @param readyTransitionTime the Ready condition's {@code lastTransitionTime}, or {@code null}
 * @param startTime {@code status.startTime}, or {@code null}
 * @param deleted whether {@code metadata.deletionTimestamp} is set
 * @param containers the containers whose requests count (see {@link ContainerRequests})
 */
public record PodInfo(String name, PodPhase phase, Readiness ready, Instant readyTransitionTime, Instant startTime,
    boolean deleted, List<ContainerRequests> containers) {

  public PodInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(ready, "ready");
    containers = List.copyOf(containers);
  }
}
