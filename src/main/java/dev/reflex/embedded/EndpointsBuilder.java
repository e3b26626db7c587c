package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Endpoints controller's view of one Service: Ready pods serve, the rest are listed as not ready. */
final class EndpointsBuilder {

  private EndpointsBuilder() {
  }

  static JsonArray subsets(JsonObject service, List<JsonObject> pods) {
    Map<String, Object> selector = service.getJsonObject("spec").getJsonObject("selector").getMap();
    JsonArray ready = new JsonArray();
    JsonArray notReady = new JsonArray();
    pods.stream()
        .filter(p -> matches(selector, p))
        .filter(p -> !p.getJsonObject("metadata").containsKey("deletionTimestamp"))
        .filter(p -> p.getJsonObject("status", new JsonObject()).getString("podIP") != null)
        .sorted(Comparator.comparing(p -> p.getJsonObject("metadata").getString("name")))
        .forEach(p -> (PodLifecycle.ready(p) ? ready : notReady).add(address(p)));
    if (ready.isEmpty() && notReady.isEmpty()) {
      return new JsonArray();
    }
    JsonObject subset = new JsonObject().put("ports", ports(service, pods));
    if (!ready.isEmpty()) {
      subset.put("addresses", ready);
    }
    if (!notReady.isEmpty()) {
      subset.put("notReadyAddresses", notReady);
    }
    return new JsonArray().add(subset);
  }

  static int count(JsonArray subsets, String field) {
    return subsets.stream().mapToInt(s -> ((JsonObject) s).getJsonArray(field, new JsonArray()).size()).sum();
  }

  /** Whether the Service's selector selects the pod (a Service without a selector selects none). */
  static boolean selects(JsonObject service, JsonObject pod) {
    JsonObject selector = service.getJsonObject("spec", new JsonObject()).getJsonObject("selector");
    return selector != null && !selector.isEmpty() && matches(selector.getMap(), pod);
  }

  private static boolean matches(Map<String, Object> selector, JsonObject pod) {
    JsonObject labels = pod.getJsonObject("metadata").getJsonObject("labels", new JsonObject());
    return selector.entrySet().stream()
        .allMatch(e -> String.valueOf(e.getValue()).equals(labels.getString(e.getKey())));
  }

  private static JsonObject address(JsonObject pod) {
    JsonObject meta = pod.getJsonObject("metadata");
    return new JsonObject().put("ip", pod.getJsonObject("status").getString("podIP"))
        .put("nodeName", pod.getJsonObject("spec", new JsonObject()).getString("nodeName", ""))
        .put("targetRef", new JsonObject().put("kind", "Pod").put("name", meta.getString("name"))
            .put("namespace", meta.getString("namespace")).put("uid", meta.getString("uid", "")));
  }

  /** Service ports with named target ports resolved against the pods' container ports. */
  private static JsonArray ports(JsonObject service, List<JsonObject> pods) {
    JsonArray result = new JsonArray();
    for (Object p : service.getJsonObject("spec").getJsonArray("ports", new JsonArray())) {
      JsonObject port = (JsonObject) p;
      Object target = port.getValue("targetPort", port.getValue("port"));
      int number = target instanceof Number n ? n.intValue() : resolve(String.valueOf(target), pods,
          port.getInteger("port"));
      JsonObject out = new JsonObject().put("port", number).put("protocol", port.getString("protocol", "TCP"));
      if (port.getString("name") != null) {
        out.put("name", port.getString("name"));
      }
      result.add(out);
    }
    return result;
  }

  private static int resolve(String name, List<JsonObject> pods, int fallback) {
    for (JsonObject pod : pods) {
      for (Object c : pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers", new JsonArray())) {
        for (Object cp : ((JsonObject) c).getJsonArray("ports", new JsonArray())) {
          JsonObject containerPort = (JsonObject) cp;
          if (name.equals(containerPort.getString("name"))) {
            return containerPort.getInteger("containerPort");
          }
        }
      }
    }
    return fallback;
  }
}
