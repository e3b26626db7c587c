package dev.reflex.metrics.hpa;

import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The resource metrics API ({@code metrics.k8s.io}), used for Resource metrics when no Prometheus is configured.
 * Kept to one method so the controller can wire it to its REST client and tests to a canned list.
 */
@FunctionalInterface
public interface PodMetricsSource {

  /**
   * The PodMetrics items ({@code metadata.name}, {@code timestamp}, {@code window}, {@code containers[].usage}) of
   * the pods {@code labelSelector} picks in {@code namespace}; an empty selector picks every pod.
   */
  Future<JsonArray> podMetrics(String namespace, String labelSelector);

  /** The API server's {@code /apis/metrics.k8s.io/v1beta1/namespaces/<ns>/pods}, through the REST client. */
  static PodMetricsSource metricsServer(KubeRest rest) {
    return (namespace, selector) -> rest.get("/apis/metrics.k8s.io/v1beta1/namespaces/" + namespace + "/pods"
            + (selector == null || selector.isEmpty() ? ""
                : "?labelSelector=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)))
        .map(list -> list.getJsonArray("items", new JsonArray()));
  }
}
