package dev.reflex.core.pods;

/** The workloads whose pods can be put in Cutoff or Standby, each with its own scale-down order. */
public enum WorkloadKind {
  /** apps/StatefulSet: highest ordinal first. */
  STATEFUL_SET("StatefulSet"),
  /** apps/Deployment: the ReplicaSet controller's order. */
  DEPLOYMENT("Deployment"),
  /** apps/ReplicaSet: the ReplicaSet controller's order. */
  REPLICA_SET("ReplicaSet");

  private final String kind;

  WorkloadKind(String kind) {
    this.kind = kind;
  }

  /** The API kind. */
  public String kind() {
    return kind;
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
    if ("apps".equals(group)) {
      for (WorkloadKind workload : values()) {
        if (workload.kind.equals(kind)) {
          return workload;
        }
      }
    }
    throw new IllegalArgumentException("scaleTargetRef: unknown workload with gvk " + apiVersion + ", Kind="
        + kind + " (pod states need apps/v1 StatefulSet, Deployment or ReplicaSet)");
  }
}
