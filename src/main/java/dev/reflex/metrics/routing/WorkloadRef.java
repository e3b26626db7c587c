package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import java.util.Objects;

/**
 * A scale target: kind, namespace and name.
 *
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code ReplicaSet}
 * @param namespace the namespace
 * @param name the workload name
 */
public record WorkloadRef(String kind, String namespace, String name) {

  public WorkloadRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** The bus key of this workload. */
  public TargetKey target() {
    return new TargetKey(namespace, name);
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
