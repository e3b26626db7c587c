package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * Reaches a Service through its Endpoints, as kube-apiserver does with aggregator routing: the port of the
 * Service, its target port, and the first ready address behind it. The embedded cluster has no cluster network, so
 * a webhook or aggregated API server outside it is reached the way one is on a real cluster: a Service without a
 * selector and an Endpoints object naming its address (127.0.0.1 and the port it listens on).
 */
final class EndpointsResolver implements ServiceResolver {

  private final ObjectStore store;

  EndpointsResolver(ObjectStore store) {
    this.store = store;
  }

  @Override
  public Future<SocketAddress> resolve(String namespace, String name, int port) {
    StoredObject service = store.get("/services", namespace + "/" + name);
    if (service == null) {
      return Future.failedFuture("service \"" + name + "\" not found");
    }
    JsonObject servicePort = null;
    for (Object p : service.object().getJsonObject("spec", new JsonObject()).getJsonArray("ports", new JsonArray())) {
      if (((JsonObject) p).getInteger("port", -1) == port) {
        servicePort = (JsonObject) p;
      }
    }
    if (servicePort == null) {
      return Future.failedFuture("service \"" + name + "\" has no port " + port);
    }
    Object target = servicePort.getValue("targetPort", port);
    StoredObject endpoints = store.get("/endpoints", namespace + "/" + name);
    if (endpoints != null) {
      for (Object s : endpoints.object().getJsonArray("subsets", new JsonArray())) {
        JsonObject subset = (JsonObject) s;
        JsonArray addresses = subset.getJsonArray("addresses", new JsonArray());
        if (addresses.isEmpty()) {
          continue;
        }
        for (Object ep : subset.getJsonArray("ports", new JsonArray())) {
          JsonObject endpointPort = (JsonObject) ep;
          boolean matches = target instanceof Number n ? endpointPort.getInteger("port", -1) == n.intValue()
              : target.equals(endpointPort.getString("name")) || target.equals(String.valueOf(endpointPort
                  .getValue("port")));
          if (matches || subset.getJsonArray("ports").size() == 1) {
            return Future.succeededFuture(SocketAddress.inetSocketAddress(endpointPort.getInteger("port"),
                addresses.getJsonObject(0).getString("ip")));
          }
        }
      }
    }
    return Future.failedFuture("no endpoints available for service \"" + name + "\"");
  }
}
