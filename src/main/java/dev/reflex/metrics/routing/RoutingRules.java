package dev.reflex.metrics.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which series labels name Kubernetes resources, like the {@code resources.overrides} of a prometheus-adapter rule
 * ({@code kubernetes_namespace: {resource: namespace}}). Written in configuration as {@code label=resource} entries:
 * {@code namespace=namespace,pod=pod} (the default) or, for a relabelled scrape,
 * {@code kubernetes_namespace=namespace,kubernetes_pod_name=pod}. A label mapped to {@code deployment},
 * {@code statefulset} or {@code replicaset} names the workload directly, without a pod lookup.
 *
 * @param overrides label name → resource, in precedence order
 */
public record RoutingRules(Map<String, Resource> overrides) {

  /**
   * The resources a label can name. An {@code ingress} or {@code service} label names the object an Object metric
   * describes ({@code requests-per-second} of Ingress {@code main-route}): its samples are kept for the custom
   * metrics API like a workload's, and no IHPA targets them.
   */
  public enum Resource {
    NAMESPACE(null), POD(null), DEPLOYMENT("Deployment"), STATEFULSET("StatefulSet"), REPLICASET("ReplicaSet"),
    INGRESS("Ingress"), SERVICE("Service");

    private final String workloadKind;

    Resource(String workloadKind) {
      this.workloadKind = workloadKind;
    }

    /** The kind of the object the label names directly, null for namespace and pod. */
    public String workloadKind() {
      return workloadKind;
    }
  }

  public RoutingRules {
    overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    if (!overrides.containsValue(Resource.NAMESPACE)) {
      throw new IllegalArgumentException("routing rules need a label for the namespace resource, have " + overrides);
    }
  }

  /** {@code namespace=namespace,pod=pod}: the labels Prometheus' Kubernetes pod discovery examples attach. */
  public static RoutingRules defaults() {
    return parse(List.of("namespace=namespace", "pod=pod"));
  }

  /**
   * Parses {@code label=resource} entries.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static RoutingRules parse(List<String> entries) {
    Map<String, Resource> map = new LinkedHashMap<>();
    for (String entry : entries) {
      Objects.requireNonNull(entry, "entry");
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("label override '" + entry + "' must look like label=resource");
      }
      String label = entry.substring(0, eq).trim();
      String resource = entry.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
      try {
        map.put(label, Resource.valueOf(resource));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("label override '" + entry + "': unknown resource '"
            + entry.substring(eq + 1).trim() + "' (want namespace, pod, deployment, statefulset, replicaset, ingress"
            + " or service)", e);
      }
    }
    return new RoutingRules(map);
  }
}
