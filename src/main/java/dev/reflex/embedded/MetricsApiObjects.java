package dev.reflex.embedded;

import dev.reflex.custommetrics.MetricsApiServing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The objects that put Reflex's metrics APIs behind the embedded API server's aggregation layer: the same Service
 * and APIServices as {@code deploy/custom-metrics/}, with Endpoints naming the loopback port instead of a pod.
 */
final class MetricsApiObjects {

  /** The Service port the APIServices name (kube-aggregator dials the Service, here mapped to the loopback port). */
  static final int SERVICE_PORT = 443;

  private MetricsApiObjects() {
  }

  static JsonObject namespace() {
    return new JsonObject().put("apiVersion", "v1").put("kind", "Namespace")
        .put("metadata", new JsonObject().put("name", MetricsApiServing.NAMESPACE));
  }

  static JsonObject service() {
    return new JsonObject().put("apiVersion", "v1").put("kind", "Service").put("metadata", metadata())
        .put("spec", new JsonObject().put("ports", new JsonArray().add(new JsonObject().put("name", "https")
            .put("port", SERVICE_PORT).put("targetPort", "https"))));
  }

  static JsonObject endpoints(int port) {
    return new JsonObject().put("apiVersion", "v1").put("kind", "Endpoints").put("metadata", metadata())
        .put("subsets", new JsonArray().add(new JsonObject()
            .put("addresses", new JsonArray().add(new JsonObject().put("ip", "127.0.0.1")))
            .put("ports", new JsonArray().add(new JsonObject().put("name", "https").put("port", port)))));
  }

  /** custom.metrics.k8s.io v1beta2 (preferred) and v1beta1, external.metrics.k8s.io v1beta1. */
  static List<JsonObject> apiServices(String caPem) {
    return List.of(apiService("custom.metrics.k8s.io", "v1beta2", 200, caPem),
        apiService("custom.metrics.k8s.io", "v1beta1", 100, caPem),
        apiService("external.metrics.k8s.io", "v1beta1", 100, caPem));
  }

  private static JsonObject apiService(String group, String version, int versionPriority, String caPem) {
    JsonObject service = new JsonObject().put("apiVersion", "apiregistration.k8s.io/v1").put("kind", "APIService")
        .put("metadata", new JsonObject().put("name", version + "." + group))
        .put("spec", new JsonObject()
            .put("service", new JsonObject().put("name", MetricsApiServing.SERVICE)
                .put("namespace", MetricsApiServing.NAMESPACE).put("port", SERVICE_PORT))
            .put("group", group).put("version", version)
            .put("groupPriorityMinimum", 100).put("versionPriority", versionPriority));
    // A certificate from custom-metrics.tls-cert comes without its CA: then, as prometheus-adapter's own
    // manifests do, the aggregator is told not to verify it.
    // The other of the two is null, so that patching a registered APIService removes it.
    if (caPem.isEmpty()) {
      service.getJsonObject("spec").put("insecureSkipTLSVerify", true).putNull("caBundle");
    } else {
      service.getJsonObject("spec").put("caBundle", Base64.getEncoder().encodeToString(caPem.getBytes(
          StandardCharsets.UTF_8))).putNull("insecureSkipTLSVerify");
    }
    return service;
  }

  private static JsonObject metadata() {
    return new JsonObject().put("name", MetricsApiServing.SERVICE).put("namespace", MetricsApiServing.NAMESPACE);
  }
}
