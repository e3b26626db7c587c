package dev.reflex.metrics.prometheus;

import dev.reflex.metrics.query.GroupKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Prometheus metrics config ({@code conf/prometheus-metrics-config.yaml}), a superset of prometheus-adapter's:
 * resource rules, custom-metric rules, external rules and workload pod-name patterns.
 *
 * @param resourceRules CPU and memory queries
 * @param rules rules for object and pods metrics
 * @param externalRules rules for external metrics
 * @param workloadPodNamePatterns configured pod-name patterns (the built-in ones apply to other kinds)
 */
public record AdapterConfig(ResourceRules resourceRules, List<DiscoveryRule> rules, List<DiscoveryRule> externalRules,
    List<WorkloadPodNamePattern> workloadPodNamePatterns) {

  /** An empty config: every query is refused as not configured. */
  public static final AdapterConfig EMPTY = new AdapterConfig(ResourceRules.NONE, List.of(), List.of(), List.of());

  public AdapterConfig {
    rules = List.copyOf(rules);
    externalRules = List.copyOf(externalRules);
    workloadPodNamePatterns = List.copyOf(workloadPodNamePatterns);
  }

  /** The pod-name pattern for a workload kind: a configured one first, then the built-in ones. */
  public Optional<WorkloadPodNamePattern> podNamePattern(GroupKind workload) {
    List<WorkloadPodNamePattern> all = new ArrayList<>(workloadPodNamePatterns);
    all.addAll(WorkloadPodNamePattern.DEFAULTS);
    return all.stream()
        .filter(p -> p.kind().equals(workload.kind()) && p.group().equals(workload.group()))
        .findFirst();
  }
}
