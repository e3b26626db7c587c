package dev.reflex.core.pods;

/**
 * The names through which pod states are written on pods: one place for the controller, the admission webhook,
 * the watch summaries and the pure pod model.
 */
public final class PodKeys {

  /** Label holding a pod's replica-profile state, {@code Cutoff} or {@code Standby}; absent means Online. */
  public static final String STATE_LABEL = "kapacitystack.io/pod-state";

  /** Readiness-gate condition type: {@code False} takes a cut-off pod out of its Services' endpoints. */
  public static final String ONLINE_CONDITION = "kapacitystack.io/online";

  /** Annotation the ReplicaSet controller reads to delete the cheapest pods first when scaling down. */
  public static final String DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";

  private PodKeys() {
  }
}
