package dev.reflex.api.v1alpha1;

/** State of the pods in a gray (staged) change. */
public enum GrayState {
  /** Pods serve traffic. */
  Online,
  /** Pods keep running but are taken out of traffic. */
  Cutoff,
  /** Pods keep running, labelled standby. */
  Standby,
  /** Pods are deleted. */
  Deleted
}
