package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-aggregator's controllers: each APIService that names a service is checked (service, port, a discovery
 * request), its {@code Available} condition written, and the resources its server lists joined to this server's
 * discovery, so that kubectl finds an aggregated group's resources as on a real cluster.
 */
final class AggregatedApis {

  private static final String APISERVICES = "apiregistration.k8s.io/apiservices";

  private final Resources resources;
  private final AggregationProxy proxy;
  private final Clock clock;
  private final Map<String, List<ResourceType>> discovered = new LinkedHashMap<>();
  private final Map<String, JsonObject> resourceLists = new LinkedHashMap<>();

  AggregatedApis(Resources resources, AggregationProxy proxy, Clock clock) {
    this.resources = resources;
    this.proxy = proxy;
    this.clock = clock;
  }

  /**
   * The resources the aggregated servers list, for discovery. An APIService's group version is listed from the
   * APIService itself, as kube-aggregator lists it, before (or without) its server's resource list.
   */
  List<ResourceType> types() {
    List<ResourceType> all = new ArrayList<>();
    // Read against the stored APIServices: one deleted a moment ago is gone before the next refresh runs.
    discovered.forEach((name, types) -> {
      if (resources.store().get(APISERVICES, name) != null) {
        all.addAll(types);
      }
    });
    for (StoredObject apiService : resources.store().list(APISERVICES, null)) {
      JsonObject spec = apiService.object().getJsonObject("spec", new JsonObject());
      String group = spec.getString("group", "");
      String version = spec.getString("version", "");
      if (spec.getJsonObject("service") == null || group.isEmpty() || version.isEmpty()
          || all.stream().anyMatch(t -> t.group().equals(group) && t.version().equals(version))) {
        continue;
      }
      all.add(new ResourceType(group, version, "", "", "", false, List.of(), List.of(), List.of(), false, null,
          null, List.of(), false));
    }
    return all;
  }

  /** Checks every APIService again (after a change to one, or on the periodic resync). */
  Future<Void> refreshAll() {
    discovered.keySet().removeIf(name -> resources.store().get(APISERVICES, name) == null);
    resourceLists.keySet().removeIf(name -> resources.store().get(APISERVICES, name) == null);
    List<Future<Void>> checks = new ArrayList<>();
    for (StoredObject apiService : List.copyOf(resources.store().list(APISERVICES, null))) {
      checks.add(refresh(apiService.name()));
    }
    return Future.join(checks).mapEmpty();
  }

  private Future<Void> refresh(String name) {
    StoredObject stored = resources.store().get(APISERVICES, name);
    if (stored == null) {
      discovered.remove(name);
      resourceLists.remove(name);
      return Future.succeededFuture();
    }
    JsonObject apiService = stored.object();
    return proxy.check(apiService, (ns, svc) -> {
      StoredObject service = resources.store().get("/services", ns + "/" + svc);
      return service == null ? null : service.object();
    }).compose(check -> {
      writeStatus(name, check);
      if (!(check instanceof ApiServiceAvailability.Passed)) {
        discovered.remove(name);
        resourceLists.remove(name);
        return Future.succeededFuture();
      }
      return proxy.discover(apiService).map(list -> {
        discovered.put(name, typesOf(list));
        resourceLists.put(name, list);
        return (Void) null;
      }).recover(e -> {
        discovered.remove(name);
        resourceLists.remove(name);
        return Future.succeededFuture();
      });
    });
  }

  private void writeStatus(String name, ApiServiceAvailability.Check check) {
    StoredObject current = resources.store().get(APISERVICES, name);
    if (current == null) {
      return;
    }
    JsonObject status = ApiServiceAvailability.status(current.object().getJsonObject("status", new JsonObject()),
        check, clock.instant());
    if (status.equals(current.object().getJsonObject("status"))) {
      return;
    }
    ResourceType type = resources.registry().byPath("apiregistration.k8s.io", "v1", "apiservices").orElseThrow();
    resources.update(type, current, current.copy().put("status", status), "status", WriteOptions.INTERNAL,
        new ArrayList<>());
  }

  /**
   * The aggregated-discovery entries ({@code apidiscovery.k8s.io/v2}) of the servers whose resource lists have
   * been fetched: resources with their subresources, as those servers list them.
   */
  List<JsonObject> discoveryItems() {
    List<JsonObject> items = new ArrayList<>();
    for (Map.Entry<String, JsonObject> fetched : resourceLists.entrySet()) {
      if (resources.store().get(APISERVICES, fetched.getKey()) == null) {
        continue;
      }
      JsonObject list = fetched.getValue();
      String[] gv = list.getString("groupVersion", "").split("/", 2);
      if (gv.length != 2) {
        continue;
      }
      Map<String, JsonObject> byName = new LinkedHashMap<>();
      for (Object r : list.getJsonArray("resources", new JsonArray())) {
        JsonObject resource = (JsonObject) r;
        String name = resource.getString("name", "");
        String parent = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        JsonObject kind = new JsonObject().put("group", gv[0]).put("version", gv[1])
            .put("kind", resource.getString("kind", ""));
        JsonObject entry = byName.computeIfAbsent(parent, p -> new JsonObject().put("resource", p)
            .put("responseKind", kind).put("scope", resource.getBoolean("namespaced", false) ? "Namespaced"
                : "Cluster").put("singularResource", resource.getString("singularName", ""))
            .put("verbs", name.contains("/") ? new JsonArray() : resource.getJsonArray("verbs", new JsonArray())));
        if (name.contains("/")) {
          JsonArray subresources = entry.getJsonArray("subresources");
          if (subresources == null) {
            subresources = new JsonArray();
            entry.put("subresources", subresources);
          }
          subresources.add(new JsonObject().put("subresource", name.substring(name.indexOf('/') + 1))
              .put("responseKind", kind).put("verbs", resource.getJsonArray("verbs", new JsonArray())));
        }
      }
      items.add(new JsonObject().put("metadata", new JsonObject().put("name", gv[0]))
          .put("versions", new JsonArray().add(new JsonObject().put("version", gv[1])
              .put("resources", new JsonArray(new ArrayList<>(byName.values()))).put("freshness", "Current"))));
    }
    return items;
  }

  /** The types of an APIResourceList (subresources left out: discovery lists them from their resource). */
  static List<ResourceType> typesOf(JsonObject resourceList) {
    String groupVersion = resourceList.getString("groupVersion", "");
    String[] gv = groupVersion.split("/", 2);
    List<ResourceType> types = new ArrayList<>();
    for (Object r : resourceList.getJsonArray("resources", new JsonArray())) {
      JsonObject resource = (JsonObject) r;
      String name = resource.getString("name", "");
      // A custom-metrics server lists only subresource-shaped names (pods/http_requests): their parent stands in.
      String plural = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
      String group = gv.length == 2 ? gv[0] : "";
      if (plural.isEmpty() || types.stream().anyMatch(t -> t.plural().equals(plural))) {
        continue;
      }
      types.add(new ResourceType(group, gv.length == 2 ? gv[1] : gv[0], plural,
          resource.getString("singularName", ""), resource.getString("kind", ""),
          resource.getBoolean("namespaced", false), CrdTypes.strings(resource.getJsonArray("shortNames")),
          CrdTypes.strings(resource.getJsonArray("categories")), CrdTypes.strings(resource.getJsonArray("verbs")),
          false, null, null, List.of(), false));
    }
    return types;
  }
}
