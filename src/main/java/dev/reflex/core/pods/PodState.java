package dev.reflex.core.pods;

import java.util.Map;

/** The replica-profile state of a pod, carried by the label {@value #LABEL}. */
public enum PodState {
  /** Serving traffic: no label (or any value other than Cutoff and Standby). */
  ONLINE,
  /** Running without traffic. */
  CUTOFF,
  /** Parked. */
  STANDBY;

  /** The pod label holding the state. */
  public static final String LABEL = "kapacitystack.io/pod-state";

  /** Reads the state from pod labels, as the ReplicaProfile controller does: anything unrecognised is Online. */
  public static PodState fromLabels(Map<String, String> labels) {
    String value = labels.get(LABEL);
    if ("Cutoff".equals(value)) {
      return CUTOFF;
    }
    return "Standby".equals(value) ? STANDBY : ONLINE;
  }
}
