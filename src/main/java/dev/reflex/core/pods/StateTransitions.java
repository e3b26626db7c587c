package dev.reflex.core.pods;

import java.util.List;

/**
 * Pods that must change state to realise a replica profile, by the state they move into. Names are in the
 * order they were chosen.
 *
 * @param toOnline pods to bring back online (remove the state label, traffic on)
 * @param toCutoff pods to cut off (label Cutoff, traffic off)
 * @param toStandby pods to park (label Standby)
 * @param toDeleted pods the workload is expected to delete when its replica count drops
 */
public record StateTransitions(List<String> toOnline, List<String> toCutoff, List<String> toStandby,
    List<String> toDeleted) {

  public StateTransitions {
    toOnline = List.copyOf(toOnline);
    toCutoff = List.copyOf(toCutoff);
    toStandby = List.copyOf(toStandby);
    toDeleted = List.copyOf(toDeleted);
  }

  /** Whether any pod changes state. */
  public boolean isEmpty() {
    return toOnline.isEmpty() && toCutoff.isEmpty() && toStandby.isEmpty() && toDeleted.isEmpty();
  }
}
