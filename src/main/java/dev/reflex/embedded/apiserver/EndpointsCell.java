package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The ENDPOINTS cell of an Endpoints object: the first three {@code ip:port} pairs (every ready address with
 * every port of its subset; bare IPs for a headless subset without ports), then {@code + N more...}.
 */
final class EndpointsCell {

  private static final int SHOWN = 3;

  private EndpointsCell() {
  }

  static String of(JsonObject endpoints) {
    List<JsonObject> subsets = Fields.objects(endpoints, "subsets");
    if (subsets.isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (JsonObject subset : subsets) {
      List<JsonObject> addresses = Fields.objects(subset, "addresses");
      List<JsonObject> ports = Fields.objects(subset, "ports");
      if (ports.isEmpty()) {
        count += addresses.size();
        more |= add(list, addresses, null);
        continue;
      }
      for (JsonObject port : ports) {
        count += addresses.size();
        more |= add(list, addresses, Fields.integer(port, "port"));
      }
    }
    String joined = String.join(",", list);
    return more ? joined + " + " + (count - SHOWN) + " more..." : joined;
  }

  /** Appends until the list is full; true when an address was left out. */
  private static boolean add(List<String> list, List<JsonObject> addresses, Long port) {
    for (JsonObject address : addresses) {
      if (list.size() == SHOWN) {
        return true;
      }
      String ip = Fields.string(address, "ip");
      list.add(port == null ? ip : hostPort(ip, port));
    }
    return false;
  }

  /** Go's net.JoinHostPort: IPv6 addresses are bracketed. */
  private static String hostPort(String host, long port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
