package dev.reflex.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.metrics.prometheus.ResourceMapping.LabelledResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which resources a series' labels name, and the metrics a set of rules exposes over the series Prometheus lists. */
class RuleCatalogTest {

  private static final ResourceMapping OVERRIDES = new ResourceMapping(Optional.empty(), Map.of(
      "kubernetes_namespace", new GroupResource("", "namespace"),
      "kubernetes_pod_name", new GroupResource("", "pod")), Optional.empty());
  private static final ResourceMapping WIDE = new ResourceMapping(Optional.of("<<.Resource>>"), Map.of(),
      Optional.empty());
  private static final ResourceMapping PREFIXED = new ResourceMapping(Optional.of("kube_<<.Resource>>"), Map.of(
      "exported_namespace", new GroupResource("", "namespace")), Optional.empty());

  static Stream<Arguments> labels() {
    return Stream.of(
        Arguments.of(OVERRIDES, "kubernetes_pod_name", Optional.of(new LabelledResource(new GroupResource("", "pod"),
            true))),
        Arguments.of(OVERRIDES, "pod", Optional.empty()),
        Arguments.of(WIDE, "ingress", Optional.of(new LabelledResource(new GroupResource("", "ingress"), false))),
        Arguments.of(WIDE, "__name__", Optional.empty()),
        Arguments.of(PREFIXED, "kube_ingress", Optional.of(new LabelledResource(new GroupResource("", "ingress"),
            false))),
        Arguments.of(PREFIXED, "exported_namespace", Optional.of(new LabelledResource(new GroupResource("",
            "namespace"), true))),
        Arguments.of(PREFIXED, "ingress", Optional.empty()),
        Arguments.of(PREFIXED, "kube_", Optional.empty()));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("labels")
  void aLabelNamesAResource(ResourceMapping mapping, String label, Optional<LabelledResource> want) {
    assertEquals(want, mapping.resourceNamedBy(label));
  }

  @Test
  void eachMetricNameOnceWithTheResourcesOfAllItsSeries() {
    DiscoveryRule qps = new DiscoveryRule("{__name__=~\"^.*_requests_total$\"}", List.of(), OVERRIDES,
        new NameRule(Optional.of(java.util.regex.Pattern.compile("^(.*)_requests_total$")), Optional.of("${1}_qps")),
        "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)");
    DiscoveryRule shadowed = new DiscoveryRule("http_qps", List.of(), WIDE, NameRule.NONE,
        "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)");
    Map<DiscoveryRule, List<Map<String, String>>> series = Map.of(
        qps, List.of(
            Map.of("__name__", "http_requests_total", "kubernetes_namespace", "shop"),
            Map.of("__name__", "http_requests_total", "kubernetes_namespace", "shop", "kubernetes_pod_name", "web-0"),
            Map.of("__name__", "grpc_calls", "kubernetes_namespace", "shop"),
            Map.of("kubernetes_namespace", "shop")),
        shadowed, List.of(Map.of("__name__", "http_qps", "service", "web")));
    List<RuleCatalog.ExposedMetric> exposed = RuleCatalog.expose(List.of(qps, shadowed),
        r -> series.getOrDefault(r, List.of()));
    assertEquals(List.of(new RuleCatalog.ExposedMetric("http_qps", Set.of(
        new LabelledResource(new GroupResource("", "namespace"), true),
        new LabelledResource(new GroupResource("", "pod"), true)))), exposed);
  }
}
