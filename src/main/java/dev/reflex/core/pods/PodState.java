package dev.reflex.core.pods;

import java.util.Map;

/** The replica-profile state of a pod, carried by the label {@value PodKeys#STATE_LABEL}. */
public enum PodState {
  /** Serving traffic: no label (or any value other than Cutoff and Standby). */
  ONLINE,
  /** Running without traffic. */
  CUTOFF,
  /** Parked. */
  STANDBY;

  /** Reads the state from pod labels, as the ReplicaProfile controller does: anything unrecognised is Online. */
  public static PodState fromLabels(Map<String, String> labels) {
    String value = labels.get(PodKeys.STATE_LABEL);
    if ("Cutoff".equals(value)) {
      return CUTOFF;
    }
    return "Standby".equals(value) ? STANDBY : ONLINE;
  }
}
