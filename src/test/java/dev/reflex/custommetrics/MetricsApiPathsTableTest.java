package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every path and query form of the custom and external metrics APIs, and the paths and selectors they refuse. */
class MetricsApiPathsTableTest {

  private static final GroupKind POD = new GroupKind("", "Pod");

  record Case(String name, String path, Map<String, String> query, MetricsApiRequest want) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Refused(String name, String path, Map<String, String> query, int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static MetricsApiRequest.ObjectValues objects(String version, String resource, GroupKind kind,
      String namespace, String name, String metric, String objects, String series) {
    return new MetricsApiRequest.ObjectValues(version, resource, kind, Optional.ofNullable(namespace),
        Optional.ofNullable(name), metric, LabelSelector.parse(objects), LabelSelector.parse(series));
  }

  static Stream<Case> accepted() {
    return Stream.of(
        new Case("custom group document, preferring v1beta2", "/apis/custom.metrics.k8s.io", Map.of(),
            new MetricsApiRequest.GroupDocument("custom.metrics.k8s.io", "v1beta2")),
        new Case("external group document, trailing slash", "/apis/external.metrics.k8s.io/", Map.of(),
            new MetricsApiRequest.GroupDocument("external.metrics.k8s.io", "v1beta1")),
        new Case("custom v1beta2 resource list", "/apis/custom.metrics.k8s.io/v1beta2", Map.of(),
            new MetricsApiRequest.ListResources("custom.metrics.k8s.io", "v1beta2")),
        new Case("custom v1beta1 resource list, trailing slash", "/apis/custom.metrics.k8s.io/v1beta1/", Map.of(),
            new MetricsApiRequest.ListResources("custom.metrics.k8s.io", "v1beta1")),
        new Case("external resource list", "/apis/external.metrics.k8s.io/v1beta1", Map.of(),
            new MetricsApiRequest.ListResources("external.metrics.k8s.io", "v1beta1")),
        new Case("every pod a selector picks (an HPA's Pods metric)",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/%2A/http_requests",
            Map.of("labelSelector", "app=web"),
            objects("v1beta2", "pods", POD, "default", null, "http_requests", "app=web", "")),
        new Case("an unencoded star is every pod too",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/http_requests", Map.of(),
            objects("v1beta2", "pods", POD, "default", null, "http_requests", "", "")),
        new Case("one named pod, with a metric label selector",
            "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/web-0/latency",
            Map.of("metricLabelSelector", "quantile in (0.99)"),
            objects("v1beta1", "pods", POD, "shop", "web-0", "latency", "", "quantile in (0.99)")),
        new Case("a named object of a group (an HPA's Object metric)",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/ingresses.networking.k8s.io/main/requests",
            Map.of(), objects("v1beta2", "ingresses.networking.k8s.io", new GroupKind("networking.k8s.io",
                "Ingress"), "default", "main", "requests", "", "")),
        new Case("a workload by name",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/deployments.apps/web/rps",
            Map.of(), objects("v1beta2", "deployments.apps", new GroupKind("apps", "Deployment"), "default", "web",
                "rps", "", "")),
        new Case("a custom resource's kind from its plural",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/q/queues.example.com/jobs/depth", Map.of(),
            objects("v1beta2", "queues.example.com", new GroupKind("example.com", "Queue"), "q", "jobs", "depth",
                "", "")),
        new Case("the namespace itself",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/metrics/queue_length", Map.of(),
            objects("v1beta2", "namespaces", new GroupKind("", "Namespace"), null, "shop", "queue_length", "", "")),
        new Case("a cluster-scoped object", "/apis/custom.metrics.k8s.io/v1beta2/nodes/node-1/load", Map.of(),
            objects("v1beta2", "nodes", new GroupKind("", "Node"), null, "node-1", "load", "", "")),
        new Case("an external metric with a series selector",
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_messages_ready",
            Map.of("labelSelector", "queue=worker_tasks"), new MetricsApiRequest.ExternalValues("v1beta1",
                "default", "queue_messages_ready", LabelSelector.parse("queue=worker_tasks"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void readsRequest(Case c) {
    assertEquals(c.want(), MetricsApiPaths.parse(c.path(), c.query()::get));
  }

  static Stream<Refused> refused() {
    String notFound = "the server could not find the requested resource";
    return Stream.of(
        new Refused("another group", "/apis/metrics.k8s.io/v1beta1", Map.of(), 404, notFound),
        new Refused("another group's document", "/apis/metrics.k8s.io", Map.of(), 404, notFound),
        new Refused("a version not served", "/apis/custom.metrics.k8s.io/v2", Map.of(), 404, notFound),
        new Refused("external metrics are namespaced", "/apis/external.metrics.k8s.io/v1beta1/queue", Map.of(),
            404, notFound),
        new Refused("external v1beta2 does not exist",
            "/apis/external.metrics.k8s.io/v1beta2/namespaces/default/queue", Map.of(), 404, notFound),
        new Refused("an object without its metric",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/web-0", Map.of(), 404, notFound),
        new Refused("an empty segment", "/apis/custom.metrics.k8s.io/v1beta2/namespaces//pods/*/rps", Map.of(),
            404, notFound),
        new Refused("not under /apis", "/api/v1/pods", Map.of(), 404, notFound),
        new Refused("a label selector that does not parse",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/rps", Map.of("labelSelector", "app in"),
            400, "invalid labelSelector \"app in\""),
        new Refused("a metric label selector that does not parse",
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/rps",
            Map.of("metricLabelSelector", "=x"), 400, "invalid metricLabelSelector \"=x\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesRequest(Refused c) {
    MetricsApiException e = assertThrows(MetricsApiException.class,
        () -> MetricsApiPaths.parse(c.path(), c.query()::get));
    assertEquals(c.code(), e.code());
    assertEquals(true, e.getMessage().startsWith(c.message()), e.getMessage());
  }
}
