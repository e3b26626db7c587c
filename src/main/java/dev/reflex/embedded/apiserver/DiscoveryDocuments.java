package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents of the served types: {@code /version}, {@code /api}, {@code /apis} (plain and
 * aggregated, {@code apidiscovery.k8s.io/v2}, which kubectl 1.32 asks for first), {@code /apis/{group}} and the
 * APIResourceList of each group version. Built from the registry, so an applied CRD is listed at once.
 */
final class DiscoveryDocuments {

  static final String AGGREGATED_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");
  /** Versions listed first are preferred, as kube-apiserver prefers autoscaling/v2 over v1. */
  private static final Map<String, Integer> VERSION_RANK = Map.of("v2", 0, "v1", 1, "v1beta1", 2);

  private DiscoveryDocuments() {
  }

  static JsonObject version() {
    return new JsonObject().put("major", "1").put("minor", "32").put("emulationMajor", "1")
        .put("emulationMinor", "32").put("gitVersion", "v1.32.0-reflex-embedded").put("gitCommit", "embedded")
        .put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23.4")
        .put("compiler", "gc").put("platform", "linux/amd64");
  }

  static JsonObject coreVersions(String serverAddress) {
    return new JsonObject().put("kind", "APIVersions").put("versions", new JsonArray().add("v1"))
        .put("serverAddressByClientCIDRs", new JsonArray().add(new JsonObject().put("clientCIDR", "0.0.0.0/0")
            .put("serverAddress", serverAddress)));
  }

  /** Group name to its versions, preferred first, core group excluded. */
  private static Map<String, List<String>> groupVersions(List<ResourceType> types) {
    Map<String, List<String>> versions = new LinkedHashMap<>();
    for (ResourceType type : types) {
      if (type.group().isEmpty()) {
        continue;
      }
      List<String> list = versions.computeIfAbsent(type.group(), g -> new ArrayList<>());
      if (!list.contains(type.version())) {
        list.add(type.version());
      }
    }
    versions.values().forEach(list -> list.sort((a, b) -> Integer.compare(rank(a), rank(b))));
    return versions;
  }

  private static int rank(String version) {
    return VERSION_RANK.getOrDefault(version, 3);
  }

  static JsonObject groups(List<ResourceType> types) {
    JsonArray groups = new JsonArray();
    groupVersions(types).forEach((group, versions) -> groups.add(groupEntry(group, versions)));
    return new JsonObject().put("kind", "APIGroupList").put("apiVersion", "v1").put("groups", groups);
  }

  static Optional<JsonObject> group(String name, List<ResourceType> types) {
    List<String> versions = groupVersions(types).get(name);
    return versions == null ? Optional.empty()
        : Optional.of(groupEntry(name, versions).put("kind", "APIGroup").put("apiVersion", "v1"));
  }

  private static JsonObject groupEntry(String name, List<String> versions) {
    JsonArray gvs = new JsonArray();
    versions.forEach(v -> gvs.add(new JsonObject().put("groupVersion", name + "/" + v).put("version", v)));
    return new JsonObject().put("name", name).put("versions", gvs).put("preferredVersion", gvs.getValue(0));
  }

  /** The APIResourceList of one group version, or empty when nothing is served there. */
  static Optional<JsonObject> resources(String groupVersion, List<ResourceType> types) {
    JsonArray list = new JsonArray();
    for (ResourceType t : types) {
      if (!t.groupVersion().equals(groupVersion) || t.plural().isEmpty()) {
        continue;
      }
      JsonObject resource = new JsonObject().put("name", t.plural()).put("singularName", t.singular())
          .put("namespaced", t.namespaced()).put("kind", t.kind()).put("verbs", new JsonArray(t.verbs()));
      if (!t.shortNames().isEmpty()) {
        resource.put("shortNames", new JsonArray(t.shortNames()));
      }
      if (!t.categories().isEmpty()) {
        resource.put("categories", new JsonArray(t.categories()));
      }
      list.add(resource);
      if (t.statusSubresource()) {
        list.add(new JsonObject().put("name", t.plural() + "/status").put("singularName", "")
            .put("namespaced", t.namespaced()).put("kind", t.kind()).put("verbs", new JsonArray(SUBRESOURCE_VERBS)));
      }
      if (t.hasScale()) {
        list.add(new JsonObject().put("name", t.plural() + "/scale").put("singularName", "")
            .put("namespaced", t.namespaced()).put("group", "autoscaling").put("version", "v1").put("kind", "Scale")
            .put("verbs", new JsonArray(SUBRESOURCE_VERBS)));
      }
    }
    if (list.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new JsonObject().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", groupVersion).put("resources", list));
  }

  /** {@code apidiscovery.k8s.io/v2} for {@code /api} (core) or {@code /apis} (every other group). */
  static JsonObject aggregated(List<ResourceType> types, boolean core) {
    JsonArray items = new JsonArray();
    if (core) {
      items.add(aggregatedGroup("", List.of("v1"), types));
    } else {
      groupVersions(types).forEach((group, versions) -> items.add(aggregatedGroup(group, versions, types)));
    }
    return new JsonObject().put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2")
        .put("metadata", new JsonObject()).put("items", items);
  }

  private static JsonObject aggregatedGroup(String group, List<String> versions, List<ResourceType> types) {
    JsonArray versionList = new JsonArray();
    for (String version : versions) {
      JsonArray resources = new JsonArray();
      for (ResourceType t : types) {
        if (!t.group().equals(group) || !t.version().equals(version) || t.plural().isEmpty()) {
          continue;
        }
        JsonObject resource = new JsonObject().put("resource", t.plural())
            .put("responseKind", new JsonObject().put("group", group).put("version", version).put("kind", t.kind()))
            .put("scope", t.namespaced() ? "Namespaced" : "Cluster").put("singularResource", t.singular())
            .put("verbs", new JsonArray(t.verbs()));
        if (!t.shortNames().isEmpty()) {
          resource.put("shortNames", new JsonArray(t.shortNames()));
        }
        if (!t.categories().isEmpty()) {
          resource.put("categories", new JsonArray(t.categories()));
        }
        JsonArray subresources = new JsonArray();
        if (t.hasScale()) {
          subresources.add(new JsonObject().put("subresource", "scale").put("responseKind", new JsonObject()
              .put("group", "autoscaling").put("version", "v1").put("kind", "Scale"))
              .put("verbs", new JsonArray(SUBRESOURCE_VERBS)));
        }
        if (t.statusSubresource()) {
          subresources.add(new JsonObject().put("subresource", "status").put("responseKind", new JsonObject()
              .put("group", group).put("version", version).put("kind", t.kind()))
              .put("verbs", new JsonArray(SUBRESOURCE_VERBS)));
        }
        if (!subresources.isEmpty()) {
          resource.put("subresources", subresources);
        }
        resources.add(resource);
      }
      versionList.add(new JsonObject().put("version", version).put("resources", resources)
          .put("freshness", "Current"));
    }
    JsonObject metadata = new JsonObject();
    if (!group.isEmpty()) {
      metadata.put("name", group);
    }
    return new JsonObject().put("metadata", metadata).put("versions", versionList);
  }
}
