package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server serves: the built-in types and the types of every stored CustomResourceDefinition, looked up by
 * request path ({@code group/version/plural}) or by {@code apiVersion} and {@code kind}. A CRD written or deleted
 * changes the registry at once, so its resources are served (or gone) with the next request.
 */
final class ResourceRegistry {

  private final List<ResourceType> builtIn;
  private final Map<String, List<ResourceType>> byCrd = new LinkedHashMap<>();
  private Map<String, ResourceType> byPath = Map.of();
  private Map<String, ResourceType> byKind = Map.of();
  private List<ResourceType> all = List.of();
  private long generation;

  ResourceRegistry(List<ResourceType> builtIn) {
    this.builtIn = List.copyOf(builtIn);
    rebuild();
  }

  /** Registers (or re-registers) the types of a CRD by its name. */
  void putCrd(String crdName, JsonObject crd) {
    byCrd.put(crdName, CrdTypes.of(crd));
    rebuild();
  }

  void removeCrd(String crdName) {
    if (byCrd.remove(crdName) != null) {
      rebuild();
    }
  }

  /** Changes with every CRD change: the key under which documents built from the registry are cached. */
  long generation() {
    return generation;
  }

  List<ResourceType> all() {
    return all;
  }

  Optional<ResourceType> byPath(String group, String version, String plural) {
    return Optional.ofNullable(byPath.get(group + "/" + version + "/" + plural));
  }

  Optional<ResourceType> byKind(String apiVersion, String kind) {
    return Optional.ofNullable(byKind.get(apiVersion + "/" + kind));
  }

  /** Whether any type is served in this group version. */
  boolean serves(String groupVersion) {
    return all.stream().anyMatch(t -> t.groupVersion().equals(groupVersion));
  }

  /** The bucket a type's objects live in: shared by every version of one resource. */
  static String bucket(ResourceType type) {
    if (type.builtIn() && "events.k8s.io".equals(type.group())) {
      // Both Event APIs are one stored resource, as in kube-apiserver.
      return "/events";
    }
    return type.group() + "/" + type.plural();
  }

  private void rebuild() {
    List<ResourceType> types = new ArrayList<>(builtIn);
    byCrd.values().forEach(types::addAll);
    Map<String, ResourceType> paths = new LinkedHashMap<>();
    Map<String, ResourceType> kinds = new LinkedHashMap<>();
    for (ResourceType type : types) {
      paths.putIfAbsent(type.group() + "/" + type.version() + "/" + type.plural(), type);
      kinds.putIfAbsent(type.groupVersion() + "/" + type.kind(), type);
    }
    byPath = paths;
    byKind = kinds;
    all = List.copyOf(types);
    generation++;
  }

  Collection<List<ResourceType>> crdTypes() {
    return byCrd.values();
  }
}
