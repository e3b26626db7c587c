package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A server outside the cluster made reachable as a Service, the way one is on a real cluster: a Service without a
 * selector on port 443 and an Endpoints object naming 127.0.0.1 and the port the server listens on.
 */
final class LoopbackServices {

  private LoopbackServices() {
  }

  /** Creates Service {@code name} and its Endpoints in {@code namespace}, 443 leading to {@code port} on loopback. */
  static Future<Void> register(ApiServerFixture api, String namespace, String name, int port) {
    JsonObject service = new JsonObject().put("apiVersion", "v1").put("kind", "Service")
        .put("metadata", new JsonObject().put("name", name))
        .put("spec", new JsonObject().put("ports", new JsonArray().add(new JsonObject().put("name", "https")
            .put("port", 443).put("targetPort", port))));
    JsonObject endpoints = new JsonObject().put("apiVersion", "v1").put("kind", "Endpoints")
        .put("metadata", new JsonObject().put("name", name))
        .put("subsets", new JsonArray().add(new JsonObject()
            .put("addresses", new JsonArray().add(new JsonObject().put("ip", "127.0.0.1")))
            .put("ports", new JsonArray().add(new JsonObject().put("name", "https").put("port", port)))));
    return api.create("/api/v1/namespaces/" + namespace + "/services", service)
        .compose(v -> api.create("/api/v1/namespaces/" + namespace + "/endpoints", endpoints))
        .mapEmpty();
  }
}
