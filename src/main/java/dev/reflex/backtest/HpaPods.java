package dev.reflex.backtest;

import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.PodPhase;
import dev.reflex.core.hpa.Readiness;
import dev.reflex.core.hpa.Scale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fleet as the HPA core reads it: the scale subresource and the selected pods. */
final class HpaPods {

  static final String SELECTOR = "app=workload";

  private HpaPods() {
  }

  /** The scale: spec and status replicas both the fleet's size (the ReplicaSet reacts at once here). */
  static Scale scale(PodFleet fleet) {
    return new Scale(fleet.size(), fleet.size(), SELECTOR);
  }

  /**
   * Starting pods are Pending and not ready; parked pods Running with their readiness gate off (not ready); the rest
   * Running and ready since their startup ended.
   */
  static List<PodInfo> pods(Tick tick, Instant start) {
    List<PodInfo> pods = new ArrayList<>();
    for (PodFleet.Pod pod : tick.fleet().pods()) {
      boolean running = pod.readyAt(tick.second());
      boolean ready = pod.servesAt(tick.second());
      Instant created = start.plusSeconds(pod.createdAt());
      pods.add(new PodInfo(pod.name(), running ? PodPhase.RUNNING : PodPhase.PENDING,
          ready ? Readiness.TRUE : Readiness.FALSE, running ? start.plusSeconds(pod.readyAt()) : created, created,
          false, List.of()));
    }
    return pods;
  }
}
