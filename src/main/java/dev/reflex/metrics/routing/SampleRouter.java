package dev.reflex.metrics.routing;

import dev.reflex.metrics.routing.RoutingRules.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a series by its labels: the metric is {@code __name__}; the namespace comes from the first label mapped to
 * the namespace resource; a label mapped to a workload kind names the workload, otherwise a label mapped to the pod
 * resource is looked up in the {@link PodDirectory}. Thread-safe when the directory is.
 */
public final class SampleRouter {

  /** The label that carries the metric name in Prometheus' data model. */
  public static final String NAME_LABEL = "__name__";

  private static final Route.Dropped NO_NAME = new Route.Dropped(DropReason.NO_METRIC_NAME);
  private static final Route.Dropped NO_NAMESPACE = new Route.Dropped(DropReason.NO_NAMESPACE);
  private static final Route.Dropped NO_POD = new Route.Dropped(DropReason.NO_POD);
  private static final Route.Dropped UNKNOWN_POD = new Route.Dropped(DropReason.UNKNOWN_POD);

  private final RoutingRules rules;
  private final PodDirectory pods;

  public SampleRouter(RoutingRules rules, PodDirectory pods) {
    this.rules = rules;
    this.pods = pods;
  }

  /**
   * Routes one series.
   *
   * @param names label names, in any order
   * @param values label values, index-aligned with {@code names}
   */
  public Route route(String[] names, String[] values) {
    return route(names, values, null);
  }

  /**
   * Routes one series whose identity the decoder may already have built.
   *
   * @param seriesId {@code name=value,…} of every label but {@code __name__} in label order, or null to build it
   */
  public Route route(String[] names, String[] values, String seriesId) {
    String metric = null;
    String namespace = null;
    String pod = null;
    String workload = null;
    Resource workloadResource = null;
    int namespacePrecedence = Integer.MAX_VALUE;
    StringBuilder series = seriesId == null ? new StringBuilder(64) : null;
    Map<String, Resource> overrides = rules.overrides();
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      String value = values[i];
      if (NAME_LABEL.equals(name)) {
        metric = value;
        continue;
      }
      if (series != null) {
        if (!series.isEmpty()) {
          series.append(',');
        }
        series.append(name).append('=').append(value);
      }
      Resource resource = overrides.get(name);
      if (resource == null || value.isEmpty()) {
        continue;
      }
      switch (resource) {
        case NAMESPACE -> {
          int precedence = precedence(name);
          if (precedence < namespacePrecedence) {
            namespace = value;
            namespacePrecedence = precedence;
          }
        }
        case POD -> pod = pod == null ? value : pod;
        default -> {
          if (workload == null) {
            workload = value;
            workloadResource = resource;
          }
        }
      }
    }
    if (metric == null || metric.isEmpty()) {
      return NO_NAME;
    }
    if (namespace == null) {
      return NO_NAMESPACE;
    }
    if (workload != null) {
      return new Route.To(new WorkloadRef(workloadResource.workloadKind(), namespace, workload), metric,
          pod == null ? "" : pod, seriesId != null ? seriesId : series.toString());
    }
    if (pod == null) {
      return NO_POD;
    }
    Optional<WorkloadRef> owner = pods.ownerOf(namespace, pod);
    if (owner.isEmpty()) {
      return UNKNOWN_POD;
    }
    return new Route.To(owner.get(), metric, pod, seriesId != null ? seriesId : series.toString());
  }

  /**
   * The namespace a series names, by the same labels and precedence {@link #route} reads it, or null when none does:
   * what the caller must be allowed to write before the series is routed.
   */
  public String namespaceOf(String[] names, String[] values) {
    String namespace = null;
    int namespacePrecedence = Integer.MAX_VALUE;
    for (int i = 0; i < names.length; i++) {
      if (rules.overrides().get(names[i]) == Resource.NAMESPACE && !values[i].isEmpty()) {
        int precedence = precedence(names[i]);
        if (precedence < namespacePrecedence) {
          namespace = values[i];
          namespacePrecedence = precedence;
        }
      }
    }
    return namespace;
  }

  private int precedence(String label) {
    int i = 0;
    for (String key : rules.overrides().keySet()) {
      if (key.equals(label)) {
        return i;
      }
      i++;
    }
    return i;
  }
}
