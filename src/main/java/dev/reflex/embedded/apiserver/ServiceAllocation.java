package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.child;
import static dev.reflex.embedded.apiserver.JsonNodes.objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the Service registry fills in on create and carries over on update, on a single-stack IPv4 cluster: the
 * cluster IP, IP family fields, node ports and the health-check node port. The allocators are the server's (they
 * own the ranges and know what is taken); this class only decides when each is needed.
 */
public final class ServiceAllocation {

  private ServiceAllocation() {
  }

  /**
   * A copy of a defaulted Service with its allocations made.
   *
   * @param clusterIp called once when the Service needs a cluster IP and did not ask for one
   * @param nodePort called once per port that needs a node port and has none (and for the health-check port)
   */
  public static JsonObject allocate(JsonObject service, Supplier<String> clusterIp, IntSupplier nodePort) {
    JsonObject out = service.copy();
    JsonObject spec = child(out, "spec");
    String type = JsonNodes.string(spec, "type");
    if (type.equals("ExternalName")) {
      return out;
    }
    boolean headless = "None".equals(spec.getValue("clusterIP"));
    if (!headless && JsonNodes.isEmptyString(spec, "clusterIP")) {
      JsonArray requested = spec.getJsonArray("clusterIPs");
      spec.put("clusterIP", requested != null && !requested.isEmpty() ? requested.getString(0) : clusterIp.get());
    }
    if (spec.getJsonArray("clusterIPs") == null || spec.getJsonArray("clusterIPs").isEmpty()) {
      spec.put("clusterIPs", new JsonArray().add(spec.getString("clusterIP")));
    }
    JsonObject selector = JsonNodes.object(spec, "selector");
    boolean headlessWithoutSelector = headless && (selector == null || selector.isEmpty());
    // a headless Service without selector has no IP to be single-stack about: it takes any family its endpoints have
    JsonNodes.defaultValue(spec, "ipFamilyPolicy", headlessWithoutSelector ? "RequireDualStack" : "SingleStack");
    if (spec.getJsonArray("ipFamilies") == null || spec.getJsonArray("ipFamilies").isEmpty()) {
      spec.put("ipFamilies", new JsonArray().add("IPv4"));
    }
    if (needsNodePorts(spec)) {
      for (JsonObject port : objects(spec, "ports")) {
        if (JsonNodes.longOr(port, "nodePort", 0) == 0) {
          port.put("nodePort", nodePort.getAsInt());
        }
      }
    }
    if (needsHealthCheckNodePort(spec) && JsonNodes.longOr(spec, "healthCheckNodePort", 0) == 0) {
      spec.put("healthCheckNodePort", nodePort.getAsInt());
    }
    return out;
  }

  /**
   * A copy of an updated Service with the values the client left out taken from the stored one, as the registry
   * does before validating ({@code kubectl apply} of a manifest without clusterIP must not read as a change).
   */
  public static JsonObject carryOver(JsonObject updated, JsonObject stored) {
    JsonObject out = updated.copy();
    JsonObject spec = child(out, "spec");
    JsonObject oldSpec = JsonNodes.object(stored, "spec");
    if (oldSpec == null) {
      return out;
    }
    if (usesClusterIp(oldSpec) && usesClusterIp(spec)) {
      if (JsonNodes.isEmptyString(spec, "clusterIP") && oldSpec.getValue("clusterIP") != null) {
        spec.put("clusterIP", oldSpec.getValue("clusterIP"));
      }
      JsonArray oldIps = oldSpec.getJsonArray("clusterIPs");
      if ((spec.getJsonArray("clusterIPs") == null || spec.getJsonArray("clusterIPs").isEmpty()) && oldIps != null
          && !oldIps.isEmpty()) {
        spec.put("clusterIPs", oldIps.copy());
      }
    }
    if (needsNodePorts(oldSpec) && needsNodePorts(spec)) {
      Set<Long> used = nodePorts(oldSpec);
      used.retainAll(nodePorts(spec));
      // ports are matched by name: the user may have changed anything else about them
      Map<String, Object> byName = new HashMap<>();
      objects(oldSpec, "ports").forEach(p -> byName.put(JsonNodes.string(p, "name"), p.getValue("nodePort")));
      for (JsonObject port : objects(spec, "ports")) {
        Object old = byName.get(JsonNodes.string(port, "name"));
        if (JsonNodes.longOr(port, "nodePort", 0) == 0 && old instanceof Number n && !used.contains(n.longValue())) {
          port.put("nodePort", old);
        }
      }
    }
    if (needsHealthCheckNodePort(oldSpec) && needsHealthCheckNodePort(spec)
        && JsonNodes.longOr(spec, "healthCheckNodePort", 0) == 0 && oldSpec.getValue("healthCheckNodePort") != null) {
      spec.put("healthCheckNodePort", oldSpec.getValue("healthCheckNodePort"));
    }
    return out;
  }

  private static boolean usesClusterIp(JsonObject spec) {
    return !JsonNodes.string(spec, "type").equals("ExternalName");
  }

  private static boolean needsNodePorts(JsonObject spec) {
    String type = JsonNodes.string(spec, "type");
    return type.equals("NodePort")
        || type.equals("LoadBalancer") && !Boolean.FALSE.equals(spec.getValue("allocateLoadBalancerNodePorts"));
  }

  private static boolean needsHealthCheckNodePort(JsonObject spec) {
    return JsonNodes.string(spec, "type").equals("LoadBalancer")
        && JsonNodes.string(spec, "externalTrafficPolicy").equals("Local");
  }

  private static Set<Long> nodePorts(JsonObject spec) {
    Set<Long> ports = new HashSet<>();
    objects(spec, "ports").forEach(p -> {
      if (JsonNodes.longOr(p, "nodePort", 0) != 0) {
        ports.add(JsonNodes.longOr(p, "nodePort", 0));
      }
    });
    return ports;
  }
}
