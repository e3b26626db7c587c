package dev.reflex.kube;

import java.util.Arrays;
import java.util.Optional;

/** The scale targets Reflex understands, with where their objects live in the API. */
public enum WorkloadKind {
  DEPLOYMENT("Deployment", "deployments"),
  STATEFUL_SET("StatefulSet", "statefulsets"),
  REPLICA_SET("ReplicaSet", "replicasets");

  private final String kind;
  private final String plural;

  WorkloadKind(String kind, String plural) {
    this.kind = kind;
    this.plural = plural;
  }

  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  /** The object's path, e.g. {@code /apis/apps/v1/namespaces/default/statefulsets/web}. */
  public String path(String namespace, String name) {
    return "/apis/apps/v1/namespaces/" + namespace + "/" + plural + "/" + name;
  }

  public static Optional<WorkloadKind> byKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  public static Optional<WorkloadKind> byPlural(String plural) {
    return Arrays.stream(values()).filter(k -> k.plural.equals(plural)).findFirst();
  }
}
