package dev.reflex.api.v1alpha1;

/** Kind of metric source, as in autoscaling/v2. */
public enum MetricSourceType {
  /** A metric describing a single Kubernetes object. */
  Object,
  /** A metric averaged over the pods of the scale target. */
  Pods,
  /** A resource metric (cpu or memory) of the pods, as known to Kubernetes. */
  Resource,
  /** A resource metric of one container of each pod. */
  ContainerResource,
  /** A metric not associated with any Kubernetes object. */
  External
}
