package dev.reflex.api.v1alpha1;

/** Kind of pod sorter. */
public enum PodSorterType {
  /** The order the workload controller would use. */
  WorkloadDefault,
  /** An external sorter (not implemented). */
  External
}
