package dev.reflex.metrics.hpa;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

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
}
