package dev.reflex.custommetrics;

import dev.reflex.metrics.query.GroupKind;
import dev.reflex.objects.ResourceNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resource names of the metrics APIs ({@code pods}, {@code deployments.apps}) and the kinds they stand for.
 * The adapter asks the API server's REST mapper; the kinds an HPA's metrics describe are few and fixed, so they
 * are listed here, and any other resource gets its kind from its singular name ({@code widgets.example.com} is
 * {@code Widget}).
 */
final class ObjectKinds {

  private static final Map<String, GroupKind> KNOWN = Map.ofEntries(
      Map.entry("pods", new GroupKind("", "Pod")),
      Map.entry("namespaces", new GroupKind("", "Namespace")),
      Map.entry("services", new GroupKind("", "Service")),
      Map.entry("nodes", new GroupKind("", "Node")),
      Map.entry("persistentvolumeclaims", new GroupKind("", "PersistentVolumeClaim")),
      Map.entry("deployments.apps", new GroupKind("apps", "Deployment")),
      Map.entry("statefulsets.apps", new GroupKind("apps", "StatefulSet")),
      Map.entry("replicasets.apps", new GroupKind("apps", "ReplicaSet")),
      Map.entry("daemonsets.apps", new GroupKind("apps", "DaemonSet")),
      Map.entry("jobs.batch", new GroupKind("batch", "Job")),
      Map.entry("ingresses.networking.k8s.io", new GroupKind("networking.k8s.io", "Ingress")),
      Map.entry("ingresses.extensions", new GroupKind("extensions", "Ingress")));

  private ObjectKinds() {
  }

  /** The kind of {@code resource}, a plural name optionally qualified by its group ({@code deployments.apps}). */
  static GroupKind kindOf(String resource) {
    String name = resource.toLowerCase(Locale.ROOT);
    GroupKind known = KNOWN.get(name);
    if (known != null) {
      return known;
    }
    int dot = name.indexOf('.');
    String plural = dot < 0 ? name : name.substring(0, dot);
    String group = dot < 0 ? "" : name.substring(dot + 1);
    String singular = ResourceNames.singular(plural);
    return new GroupKind(group, Character.toUpperCase(singular.charAt(0)) + singular.substring(1));
  }

  /** The resource name of {@code kind} in these APIs: the plural, qualified by the group outside the core group. */
  static String resourceOf(GroupKind kind) {
    for (Map.Entry<String, GroupKind> e : KNOWN.entrySet()) {
      if (e.getValue().equals(kind) && !"ingresses.extensions".equals(e.getKey())) {
        return e.getKey();
      }
    }
    String plural = ResourceNames.plural(kind.kind());
    return kind.group().isEmpty() ? plural : plural + "." + kind.group();
  }

  /**
   * The resource name to list for a resource an adapter rule's labels name ({@code pod}, {@code ingress}, singular
   * or plural): the known kind's resource ({@code pods}, {@code ingresses.networking.k8s.io}); for a resource the
   * rule spells out ({@code explicit}), its plural qualified by its group; else empty (a label such as {@code job}
   * that a wide template reads as a resource).
   */
  static Optional<String> listedResource(String group, String resource, boolean explicit) {
    String singular = ResourceNames.singular(resource);
    for (Map.Entry<String, GroupKind> e : KNOWN.entrySet()) {
      GroupKind kind = e.getValue();
      if (kind.kind().toLowerCase(Locale.ROOT).equals(singular) && (group.isEmpty() || group.equals(kind.group()))
          && !"ingresses.extensions".equals(e.getKey())) {
        return Optional.of(e.getKey());
      }
    }
    if (!explicit) {
      return Optional.empty();
    }
    String plural = ResourceNames.plural(singular);
    return Optional.of(group.isEmpty() ? plural : plural + "." + group);
  }

  /** Whether objects of a listed resource live in namespaces. */
  static boolean namespaced(String resource) {
    return !List.of("namespaces", "nodes", "persistentvolumes").contains(resource);
  }

  /**
   * The {@code apiVersion} of a described object as the adapter writes it, {@code group/version} with an empty group
   * for the core kinds ({@code /v1}). Clients read the kind and name only; v1 is the version of every kind above.
   */
  static String apiVersionOf(GroupKind kind) {
    return kind.group() + "/v1";
  }
}
