package dev.reflex.api.v1alpha1;

/** How an external algorithm job is run. */
public enum PortraitAlgorithmJobType {
  /** By a Kubernetes CronJob. */
  CronJob
}
