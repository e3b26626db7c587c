package dev.reflex.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The apps/v1 workloads Reflex scales and whose pods it can put in Cutoff or Standby, each with its own
 * scale-down order. Where their objects live in the API is kube knowledge, kept in
 * {@code dev.reflex.kube.WorkloadPaths}.
 */
public enum WorkloadKind {
  /** apps/StatefulSet: highest ordinal first. */
  STATEFUL_SET("StatefulSet"),
  /** apps/Deployment: the ReplicaSet controller's order. */
  DEPLOYMENT("Deployment"),
  /** apps/ReplicaSet: the ReplicaSet controller's order. */
  REPLICA_SET("ReplicaSet");

  /** The API group of every workload kind. */
  public static final String GROUP = "apps";

  private final String kind;

  WorkloadKind(String kind) {
    this.kind = kind;
  }

  /** The API kind. */
  public String kind() {
    return kind;
  }

  /** The workload of this API kind (case-sensitive, as kinds are), if Reflex knows it. */
  public static Optional<WorkloadKind> byKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  /**
   * Resolves a {@code scaleTargetRef}.
   *
   * @param apiVersion such as {@code apps/v1}
   * @param kind such as {@code StatefulSet}
   * @throws IllegalArgumentException naming {@code scaleTargetRef} for anything outside group {@code apps}
   */
  public static WorkloadKind fromTarget(String apiVersion, String kind) {
    String group = apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0,
        apiVersion.indexOf('/'));
    return Optional.of(group).filter(GROUP::equals).flatMap(g -> byKind(kind)).orElseThrow(() ->
        new IllegalArgumentException("scaleTargetRef: unknown workload with gvk " + apiVersion + ", Kind=" + kind
            + " (pod states need apps/v1 StatefulSet, Deployment or ReplicaSet)"));
  }
}
