package dev.reflex.metrics.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SampleRouterTest {

  static final WorkloadRef WEB = new WorkloadRef("Deployment", "shop", "web");
  static final PodDirectory PODS = new InMemoryPodDirectory().put("shop", "web-5d8-abc", WEB, true);

  static Stream<Arguments> cases() {
    RoutingRules defaults = RoutingRules.defaults();
    RoutingRules adapter = RoutingRules.parse(
        List.of("kubernetes_namespace=namespace", "kubernetes_pod_name=pod", "namespace=namespace"));
    return Stream.of(
        Arguments.of("pod label resolved through the directory", defaults,
            List.of("__name__", "concurrency", "namespace", "shop", "pod", "web-5d8-abc"),
            new Route.To(WEB, "concurrency", "web-5d8-abc", "namespace=shop,pod=web-5d8-abc")),
        Arguments.of("adapter-style overrides, first namespace label wins", adapter,
            List.of("__name__", "rps", "kubernetes_namespace", "shop", "kubernetes_pod_name", "web-5d8-abc",
                "namespace", "monitoring"),
            new Route.To(WEB, "rps", "web-5d8-abc",
                "kubernetes_namespace=shop,kubernetes_pod_name=web-5d8-abc,namespace=monitoring")),
        Arguments.of("workload label routes without a pod", RoutingRules.parse(
                List.of("namespace=namespace", "statefulset=statefulset")),
            List.of("__name__", "queue_depth", "namespace", "shop", "statefulset", "db"),
            new Route.To(new WorkloadRef("StatefulSet", "shop", "db"), "queue_depth", "",
                "namespace=shop,statefulset=db")),
        Arguments.of("an ingress label names the object an Object metric describes, over the pod that reported",
            RoutingRules.parse(List.of("namespace=namespace", "pod=pod", "ingress=ingress")),
            List.of("__name__", "requests-per-second", "namespace", "shop", "ingress", "main-route", "pod",
                "web-5d8-abc"),
            new Route.To(new WorkloadRef("Ingress", "shop", "main-route"), "requests-per-second", "web-5d8-abc",
                "namespace=shop,ingress=main-route,pod=web-5d8-abc")),
        Arguments.of("no metric name", defaults, List.of("namespace", "shop", "pod", "web-5d8-abc"),
            new Route.Dropped(DropReason.NO_METRIC_NAME)),
        Arguments.of("no namespace label", defaults, List.of("__name__", "x", "pod", "web-5d8-abc"),
            new Route.Dropped(DropReason.NO_NAMESPACE)),
        Arguments.of("no pod label", defaults, List.of("__name__", "x", "namespace", "shop"),
            new Route.Dropped(DropReason.NO_POD)),
        Arguments.of("pod unknown to the directory", defaults,
            List.of("__name__", "x", "namespace", "shop", "pod", "other-0"),
            new Route.Dropped(DropReason.UNKNOWN_POD)),
        Arguments.of("empty pod value counts as absent", defaults,
            List.of("__name__", "x", "namespace", "shop", "pod", ""),
            new Route.Dropped(DropReason.NO_POD)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routes(String name, RoutingRules rules, List<String> labels, Route expected) {
    String[] names = new String[labels.size() / 2];
    String[] values = new String[labels.size() / 2];
    for (int i = 0; i < names.length; i++) {
      names[i] = labels.get(2 * i);
      values[i] = labels.get(2 * i + 1);
    }
    assertEquals(expected, new SampleRouter(rules, PODS).route(names, values));
  }

  @Test
  void badOverrideNamesTheEntry() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RoutingRules.parse(List.of("namespace=namespace", "k8s_pod=container")));
    assertTrue(e.getMessage().contains("k8s_pod=container"), e.getMessage());
    IllegalArgumentException noNs = assertThrows(IllegalArgumentException.class,
        () -> RoutingRules.parse(List.of("pod=pod")));
    assertTrue(noNs.getMessage().contains("namespace"), noNs.getMessage());
  }
}
