package dev.reflex.kube;

import dev.reflex.core.WorkloadKind;

/** Where the objects of each {@link WorkloadKind} live in the API (the core knows kinds, not paths). */
public final class WorkloadPaths {

  private WorkloadPaths() {
  }

  /** The resource name in URLs, e.g. {@code statefulsets}. */
  public static String plural(WorkloadKind kind) {
    return switch (kind) {
      case STATEFUL_SET -> "statefulsets";
      case DEPLOYMENT -> "deployments";
      case REPLICA_SET -> "replicasets";
    };
  }

  /** The object's path, e.g. {@code /apis/apps/v1/namespaces/default/statefulsets/web}. */
  public static String path(WorkloadKind kind, String namespace, String name) {
    return "/apis/" + WorkloadKind.GROUP + "/v1/namespaces/" + namespace + "/" + plural(kind) + "/" + name;
  }
}
