package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;

/**
 * A resource whose objects are not stored but made on request, as an aggregated API server makes them
 * (metrics.k8s.io from the simulated metrics-server).
 */
public interface ReadOnlyResource {

  /** The list object (kind, apiVersion, items) of one namespace, or all of them for null. */
  JsonObject list(String namespace, String labelSelector);

  /** One object, or null when there is none. */
  JsonObject get(String namespace, String name);
}
