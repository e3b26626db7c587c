package dev.reflex.metrics.prometheus;

import java.util.Optional;

/**
 * One of {@code resourceRules.cpu} / {@code resourceRules.memory}: the PromQL templates for container usage and
 * the label mapping. Values come back in cores and bytes.
 *
 * @param containerQuery usage by pod (or container), rendered with {@code <<.LabelMatchers>>} and
 *     {@code <<.GroupBy>>}
 * @param nodeQuery node usage (accepted for compatibility; Reflex does not query nodes)
 * @param readyPodsOnlyContainerQuery Kapacity's extension: like {@code containerQuery} but only Ready pods
 * @param resources how labels name namespaces and pods
 * @param containerLabel the label carrying the container name
 */
public record ResourceRule(String containerQuery, Optional<String> nodeQuery,
    Optional<String> readyPodsOnlyContainerQuery, ResourceMapping resources, String containerLabel) {

  public ResourceRule {
    if (containerQuery == null || containerQuery.isBlank()) {
      throw new IllegalArgumentException("containerQuery: must not be empty");
    }
    containerLabel = containerLabel == null || containerLabel.isBlank() ? "container" : containerLabel;
  }
}
