package dev.reflex.metrics.prometheus;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns metric queries into PromQL with the rules of an {@link AdapterConfig}. Pure: names of pods and objects are
 * resolved by the caller. Every problem (no rule, no label for a resource) is an {@link IllegalArgumentException}
 * with a message fit for the user.
 *
 * <p>Example with the shipped CPU rule {@code sum by (<<.GroupBy>>) (irate(container_cpu_usage_seconds_total{
 * container!="",container!="POD",<<.LabelMatchers>>}[3m]))}: pods {@code web-0}, {@code web-1} in {@code shop}
 * render {@code sum by (pod) (irate(container_cpu_usage_seconds_total{container!="",container!="POD",
 * namespace="shop",pod=~"web-0|web-1"}[3m]))}.
 */
public final class PromQueryBuilder {

  private final AdapterConfig config;

  public PromQueryBuilder(AdapterConfig config) {
    this.config = config;
  }

  public AdapterConfig config() {
    return config;
  }

  /** Usage of {@code resource} by each of {@code pods}, grouped by pod (one container's usage if given). */
  public BuiltQuery podResource(String namespace, List<String> pods, String resource, Optional<String> container) {
    ResourceRule rule = resourceRule(resource);
    String podLabel = label(rule.resources(), "", "pod", "resourceRules." + resource);
    List<LabelMatcher> matchers = new ArrayList<>();
    matchers.add(new LabelMatcher(label(rule.resources(), "", "namespace", "resourceRules." + resource), "=",
        namespace));
    matchers.add(LabelMatcher.oneOf(podLabel, pods));
    container.ifPresent(c -> matchers.add(new LabelMatcher(rule.containerLabel(), "=", c)));
    String promql = QueryTemplate.render(rule.containerQuery(), fields("", matchers, podLabel),
        "resourceRules." + resource + ".containerQuery");
    return new BuiltQuery(promql, config.resourceRules().window());
  }

  /**
   * Total usage of {@code resource} by the pods of a workload, grouped by namespace; the ready-pods-only query when
   * asked (Kapacity's {@code readyPodsOnlyContainerQuery}).
   */
  public BuiltQuery workloadResource(GroupKind workload, String namespace, String name, String resource,
      Optional<String> container, boolean readyPodsOnly) {
    ResourceRule rule = resourceRule(resource);
    String template = readyPodsOnly
        ? rule.readyPodsOnlyContainerQuery().orElseThrow(() -> new IllegalArgumentException(
            "ready_pods_only: resourceRules." + resource + ".readyPodsOnlyContainerQuery is not configured"))
        : rule.containerQuery();
    String nsLabel = label(rule.resources(), "", "namespace", "resourceRules." + resource);
    List<LabelMatcher> matchers = new ArrayList<>();
    matchers.add(new LabelMatcher(nsLabel, "=", namespace));
    matchers.add(new LabelMatcher(label(rule.resources(), "", "pod", "resourceRules." + resource), "=~",
        podPattern(workload, name)));
    container.ifPresent(c -> matchers.add(new LabelMatcher(rule.containerLabel(), "=", c)));
    String promql = QueryTemplate.render(template, fields("", matchers, nsLabel), "resourceRules." + resource
        + (readyPodsOnly ? ".readyPodsOnlyContainerQuery" : ".containerQuery"));
    return new BuiltQuery(promql, config.resourceRules().window());
  }

  /** A custom metric of the named objects of {@code kind}, grouped by the object label. */
  public BuiltQuery object(RuleMatch match, GroupKind kind, Optional<String> namespace, List<String> names,
      LabelSelector metricSelector) {
    ResourceMapping resources = match.rule().resources();
    String objectLabel = resources.labelFor(kind.group(), kind.kind()).orElseThrow(() -> new IllegalArgumentException(
        "the rule for series " + match.series() + " maps no label to " + kind + " (set resources.template or "
            + "resources.overrides)"));
    List<LabelMatcher> matchers = new ArrayList<>();
    namespace.ifPresent(ns -> matchers.add(new LabelMatcher(label(resources, "", "namespace", "the rule for series "
        + match.series()), "=", ns)));
    matchers.add(LabelMatcher.oneOf(objectLabel, names));
    matchers.addAll(LabelMatcher.fromSelector(metricSelector));
    String promql = QueryTemplate.render(match.rule().metricsQuery(), fields(match.series(), matchers, objectLabel),
        "metricsQuery");
    return new BuiltQuery(promql, Optional.empty());
  }

  /**
   * An external metric: namespace matcher (unless the rule says {@code namespaced: false}), the metric selector's
   * matchers, and for a workload the pod-name pattern; no grouping.
   */
  public BuiltQuery external(RuleMatch match, Optional<String> namespace, LabelSelector metricSelector,
      Optional<PodScope> workload) {
    ResourceMapping resources = match.rule().resources();
    List<LabelMatcher> matchers = new ArrayList<>();
    boolean namespaced = resources.namespaced().orElse(true);
    if (namespace.isPresent() && namespaced) {
      matchers.add(new LabelMatcher(resources.labelFor("", "namespace").orElse("namespace"), "=", namespace.get()));
    }
    workload.ifPresent(w -> matchers.add(new LabelMatcher(resources.labelFor("", "pod").orElse("pod"), "=~",
        podPattern(w.kind(), w.name()))));
    matchers.addAll(LabelMatcher.fromSelector(metricSelector));
    String promql = QueryTemplate.render(match.rule().metricsQuery(), fields(match.series(), matchers, ""),
        "metricsQuery");
    return new BuiltQuery(promql, Optional.empty());
  }

  /**
   * A workload whose pods an external query is restricted to.
   *
   * @param kind the workload kind
   * @param name the workload name
   */
  public record PodScope(GroupKind kind, String name) {
  }

  /** The regex matching the pod names of a workload. */
  public String podPattern(GroupKind workload, String name) {
    return config.podNamePattern(workload).orElseThrow(() -> new IllegalArgumentException("group_kind: no pod name "
        + "pattern for workload kind " + workload + " (add one to workloadPodNamePatterns)")).forWorkload(name);
  }

  private ResourceRule resourceRule(String resource) {
    return config.resourceRules().forResource(resource).orElseThrow(() -> new IllegalArgumentException(
        "resource_name: no resourceRules." + resource + " configured" + ("cpu".equals(resource)
            || "memory".equals(resource) ? "" : " (supported resources: cpu, memory)")));
  }

  private static String label(ResourceMapping mapping, String group, String resource, String where) {
    return mapping.labelFor(group, resource).orElseThrow(() -> new IllegalArgumentException(where
        + ": resources maps no label to " + resource + " (set resources.template or resources.overrides)"));
  }

  private static Map<String, String> fields(String series, List<LabelMatcher> matchers, String groupBy) {
    return Map.of("Series", series, "LabelMatchers", LabelMatcher.render(matchers), "GroupBy", groupBy);
  }
}
