package dev.reflex.metrics.load;

import java.util.Objects;

/**
 * A ready pod the load generator emits samples for.
 *
 * @param namespace its namespace
 * @param pod its name
 * @param workload its owning workload's name (demand is split across the pods of one workload)
 */
public record LoadTarget(String namespace, String pod, String workload) {
  public LoadTarget {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(workload, "workload");
  }
}
