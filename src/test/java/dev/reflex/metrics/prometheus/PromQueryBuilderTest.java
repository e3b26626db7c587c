package dev.reflex.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped config (Kapacity's defaults and the seeds' rules) renders the PromQL each query needs. */
class PromQueryBuilderTest {

  static final AdapterConfig SHIPPED = AdapterConfigParser.parseFile(Path.of("conf/prometheus-metrics-config.yaml"));
  static final PromQueryBuilder BUILDER = new PromQueryBuilder(SHIPPED);
  static final GroupKind STS = new GroupKind("apps", "StatefulSet");
  static final GroupKind INGRESS = new GroupKind("networking.k8s.io", "Ingress");

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("cpu of two pods, grouped by pod",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.podResource("shop", List.of("web-0", "web-1"), "cpu",
                Optional.empty()),
            "sum by (pod) (irate(container_cpu_usage_seconds_total{container!=\"\",container!=\"POD\","
                + "namespace=\"shop\",pod=~\"web-0|web-1\"}[3m]))"),
        Arguments.of("memory of one container of one pod",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.podResource("shop", List.of("web-0"), "memory",
                Optional.of("app")),
            "sum by (pod) (container_memory_working_set_bytes{container!=\"\",container!=\"POD\","
                + "namespace=\"shop\",pod=\"web-0\",container=\"app\"})"),
        Arguments.of("workload cpu of ready pods, grouped by namespace",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.workloadResource(STS, "shop", "web", "cpu",
                Optional.empty(), true),
            "sum by (namespace) ((irate(container_cpu_usage_seconds_total{container!=\"\",container!=\"POD\","
                + "namespace=\"shop\",pod=~\"^web-[0-9]+$\"}[3m])) * on (namespace, pod) group_left() "
                + "(kube_pod_status_ready{condition=\"true\"} == 1))"),
        Arguments.of("deployment pods by the two-hash pattern",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.workloadResource(new GroupKind("apps", "Deployment"),
                "shop", "api", "memory", Optional.of("app"), false),
            "sum by (namespace) (container_memory_working_set_bytes{container!=\"\",container!=\"POD\","
                + "namespace=\"shop\",pod=~\"^api-[a-z0-9]+-[a-z0-9]+$\",container=\"app\"})"),
        Arguments.of("seed 002: ingress requests rate by ingress",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.object(rule(b.config().rules(),
                "nginx_ingress_controller_requests_rate"), INGRESS, Optional.of("default"), List.of("nginx-server"),
                LabelSelector.EVERYTHING),
            "round(sum(irate(nginx_ingress_controller_requests{namespace=\"default\",ingress=\"nginx-server\"}[3m]))"
                + " by (ingress), 0.001)"),
        Arguments.of("seed 000: ready pods of a statefulset",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.external(rule(b.config().externalRules(),
                "kube_pod_status_ready"), Optional.of("default"), LabelSelector.EVERYTHING,
                Optional.of(new PromQueryBuilder.PodScope(STS, "nginx"))),
            "sum(kube_pod_status_ready{condition=\"true\",namespace=\"default\",pod=~\"^nginx-[0-9]+$\"})"),
        Arguments.of("ready_pods_count is the same series under Kapacity's other name",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.external(rule(b.config().externalRules(),
                "ready_pods_count"), Optional.of("default"), LabelSelector.EVERYTHING,
                Optional.of(new PromQueryBuilder.PodScope(STS, "nginx"))),
            "sum(kube_pod_status_ready{condition=\"true\",namespace=\"default\",pod=~\"^nginx-[0-9]+$\"})"),
        Arguments.of("seed 003: http_index_qps ignores the namespace and selects by env",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.external(rule(b.config().externalRules(),
                "http_index_qps"), Optional.of("demo-prod"), LabelSelector.parse("env=demo-prod", "selector"),
                Optional.empty()),
            "sum(rate(http_server_requests_seconds_count{uri=\"/api/v1/openapi/index\",env=\"demo-prod\"}[2m]))"
                + " by (env)"),
        Arguments.of("set-based selectors become regex matchers",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.external(rule(b.config().externalRules(),
                "http_index_qps"), Optional.empty(), LabelSelector.parse("env in (a.b,c),tier notin (x),canary,!old",
                "selector"), Optional.empty()),
            "sum(rate(http_server_requests_seconds_count{uri=\"/api/v1/openapi/index\",env=~\"a\\\\.b|c\","
                + "tier!~\"x\",canary!=\"\",old=\"\"}[2m])) by (env)"),
        Arguments.of("== and notin( without a space are kube selector syntax too",
            (Function<PromQueryBuilder, BuiltQuery>) b -> b.external(rule(b.config().externalRules(),
                "http_index_qps"), Optional.empty(), LabelSelector.parse("env==prod,tier notin(x,y)", "selector"),
                Optional.empty()),
            "sum(rate(http_server_requests_seconds_count{uri=\"/api/v1/openapi/index\",env=\"prod\","
                + "tier!~\"x|y\"}[2m])) by (env)"));
  }

  @Test
  void numericSelectorComparisonsHaveNoPromqlMatcher() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BUILDER.external(
        rule(BUILDER.config().externalRules(), "http_index_qps"), Optional.empty(), LabelSelector.parse("n>3"),
        Optional.empty()));
    assertEquals("the label selector requirement n>3 compares numbers, which no PromQL label matcher can",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void rendersPromql(String name, Function<PromQueryBuilder, BuiltQuery> build, String expected) {
    assertEquals(expected, build.apply(BUILDER).promql());
  }

  @Test
  void resourceQueriesCarryTheConfiguredWindow() {
    assertEquals(Optional.of(Duration.ofMinutes(3)),
        BUILDER.podResource("shop", List.of("web-0"), "cpu", Optional.empty()).window());
  }

  @Test
  void unknownResourceIsRefusedWithTheSupportedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BUILDER.podResource("shop", List.of("web-0"), "gpu", Optional.empty()));
    assertTrue(e.getMessage().contains("resourceRules.gpu"), e.getMessage());
    assertTrue(e.getMessage().contains("cpu, memory"), e.getMessage());
  }

  @Test
  void workloadKindWithoutPodPatternIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BUILDER.workloadResource(new GroupKind("batch", "Job"), "shop", "x", "cpu", Optional.empty(), false));
    assertTrue(e.getMessage().contains("workloadPodNamePatterns"), e.getMessage());
  }

  @Test
  void readyPodsOnlyWithoutItsQueryIsRefused() {
    AdapterConfig config = AdapterConfigParser.parse("""
        resourceRules:
          cpu:
            containerQuery: sum by (<<.GroupBy>>) (x{<<.LabelMatchers>>})
            resources: {template: <<.Resource>>}
        """, "test");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PromQueryBuilder(config)
        .workloadResource(STS, "shop", "web", "cpu", Optional.empty(), true));
    assertTrue(e.getMessage().contains("readyPodsOnlyContainerQuery"), e.getMessage());
  }

  @Test
  void templateRuleMapsKindToLabel() {
    ResourceMapping mapping = new ResourceMapping(Optional.of("kube_<<.Group>>_<<.Resource>>"), Map.of(),
        Optional.empty());
    assertEquals(Optional.of("kube_networking.k8s.io_ingress"), mapping.labelFor("networking.k8s.io", "ingresses"));
  }

  static RuleMatch rule(List<DiscoveryRule> rules, String metric) {
    return RuleMatch.find(rules, metric, r -> List.of()).orElseThrow();
  }
}
