package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery documents ({@code /version}, {@code /api}, {@code /apis}, resource lists) for the embedded API server,
 * which lacks them: kubectl cannot map a kind to a path without them. Built-in groups are listed here; custom
 * resources come from the CRDs stored in the server, so an applied CRD appears exactly as on a real cluster.
 */
final class Discovery {

  private static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUB_VERBS = List.of("get", "patch", "update");

  /** One resource type of a group version. */
  record Resource(String plural, String singular, String kind, boolean namespaced, List<String> shortNames,
      boolean scale, boolean status, boolean readOnly) {
  }

  private static final Map<String, List<Resource>> BUILT_IN = builtIn();

  private Discovery() {
  }

  static JsonObject version() {
    return new JsonObject().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-reflex-embedded")
        .put("gitCommit", "embedded").put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z")
        .put("goVersion", "go1.23").put("compiler", "gc").put("platform", "linux/amd64");
  }

  static JsonObject coreVersions(String serverAddress) {
    return new JsonObject().put("kind", "APIVersions").put("versions", new JsonArray().add("v1"))
        .put("serverAddressByClientCIDRs", new JsonArray().add(new JsonObject().put("clientCIDR", "0.0.0.0/0")
            .put("serverAddress", serverAddress)));
  }

  /** {@code /apis}: built-in groups plus one group per served CRD group version. */
  static JsonObject groups(List<JsonObject> crds) {
    Map<String, List<String>> versions = new LinkedHashMap<>();
    BUILT_IN.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> {
      String[] parts = gv.split("/");
      versions.computeIfAbsent(parts[0], g -> new ArrayList<>()).add(parts[1]);
    });
    for (JsonObject crd : crds) {
      String group = crd.getJsonObject("spec").getString("group");
      for (Object v : crd.getJsonObject("spec").getJsonArray("versions", new JsonArray())) {
        JsonObject version = (JsonObject) v;
        if (version.getBoolean("served", true)) {
          List<String> list = versions.computeIfAbsent(group, g -> new ArrayList<>());
          if (!list.contains(version.getString("name"))) {
            list.add(version.getString("name"));
          }
        }
      }
    }
    JsonArray groups = new JsonArray();
    versions.forEach((group, vs) -> {
      JsonArray gvs = new JsonArray();
      vs.forEach(v -> gvs.add(new JsonObject().put("groupVersion", group + "/" + v).put("version", v)));
      groups.add(new JsonObject().put("name", group).put("versions", gvs).put("preferredVersion", gvs.getValue(0)));
    });
    return new JsonObject().put("kind", "APIGroupList").put("apiVersion", "v1").put("groups", groups);
  }

  /** {@code /apis/{group}} for one group, or empty when unknown. */
  static Optional<JsonObject> group(String group, List<JsonObject> crds) {
    return groups(crds).getJsonArray("groups").stream().map(JsonObject.class::cast)
        .filter(g -> group.equals(g.getString("name"))).findFirst()
        .map(g -> g.copy().put("kind", "APIGroup").put("apiVersion", "v1"));
  }

  /** The APIResourceList of a group version ({@code v1} for the core group), or empty when unknown. */
  static Optional<JsonObject> resources(String groupVersion, List<JsonObject> crds) {
    List<Resource> resources = new ArrayList<>(BUILT_IN.getOrDefault(groupVersion, List.of()));
    resources.addAll(fromCrds(groupVersion, crds));
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    JsonArray list = new JsonArray();
    for (Resource r : resources) {
      list.add(new JsonObject().put("name", r.plural()).put("singularName", r.singular())
          .put("namespaced", r.namespaced()).put("kind", r.kind())
          .put("verbs", new JsonArray(r.readOnly() ? List.of("get", "list") : ALL_VERBS))
          .put("shortNames", new JsonArray(r.shortNames())));
      if (r.status()) {
        list.add(new JsonObject().put("name", r.plural() + "/status").put("singularName", "")
            .put("namespaced", r.namespaced()).put("kind", r.kind()).put("verbs", new JsonArray(SUB_VERBS)));
      }
      if (r.scale()) {
        list.add(new JsonObject().put("name", r.plural() + "/scale").put("singularName", "")
            .put("namespaced", r.namespaced()).put("group", "autoscaling").put("version", "v1").put("kind", "Scale")
            .put("verbs", new JsonArray(SUB_VERBS)));
      }
    }
    return Optional.of(new JsonObject().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", groupVersion).put("resources", list));
  }

  private static List<Resource> fromCrds(String groupVersion, List<JsonObject> crds) {
    List<Resource> result = new ArrayList<>();
    for (JsonObject crd : crds) {
      JsonObject spec = crd.getJsonObject("spec");
      JsonObject names = spec.getJsonObject("names");
      for (Object v : spec.getJsonArray("versions", new JsonArray())) {
        JsonObject version = (JsonObject) v;
        if (!(spec.getString("group") + "/" + version.getString("name")).equals(groupVersion)) {
          continue;
        }
        JsonObject sub = version.getJsonObject("subresources", new JsonObject());
        List<String> shortNames = names.getJsonArray("shortNames", new JsonArray()).stream().map(String::valueOf)
            .toList();
        result.add(new Resource(names.getString("plural"), names.getString("singular", ""),
            names.getString("kind"), "Namespaced".equals(spec.getString("scope")), shortNames,
            sub.containsKey("scale"), sub.containsKey("status"), false));
      }
    }
    return result;
  }

  private static Map<String, List<Resource>> builtIn() {
    Map<String, List<Resource>> map = new LinkedHashMap<>();
    map.put("v1", List.of(
        new Resource("pods", "pod", "Pod", true, List.of("po"), false, true, false),
        new Resource("services", "service", "Service", true, List.of("svc"), false, true, false),
        new Resource("endpoints", "endpoints", "Endpoints", true, List.of("ep"), false, false, false),
        new Resource("events", "event", "Event", true, List.of("ev"), false, false, false),
        new Resource("configmaps", "configmap", "ConfigMap", true, List.of("cm"), false, false, false),
        new Resource("secrets", "secret", "Secret", true, List.of(), false, false, false),
        new Resource("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), false, false,
            false),
        new Resource("namespaces", "namespace", "Namespace", false, List.of("ns"), false, true, false),
        new Resource("nodes", "node", "Node", false, List.of("no"), false, true, false)));
    map.put("apps/v1", List.of(
        new Resource("deployments", "deployment", "Deployment", true, List.of("deploy"), true, true, false),
        new Resource("statefulsets", "statefulset", "StatefulSet", true, List.of("sts"), true, true, false),
        new Resource("replicasets", "replicaset", "ReplicaSet", true, List.of("rs"), true, true, false)));
    map.put("autoscaling/v2", List.of(new Resource("horizontalpodautoscalers", "horizontalpodautoscaler",
        "HorizontalPodAutoscaler", true, List.of("hpa"), false, true, false)));
    map.put("batch/v1", List.of(
        new Resource("cronjobs", "cronjob", "CronJob", true, List.of("cj"), false, true, false),
        new Resource("jobs", "job", "Job", true, List.of(), false, true, false)));
    map.put("coordination.k8s.io/v1",
        List.of(new Resource("leases", "lease", "Lease", true, List.of(), false, false, false)));
    map.put("events.k8s.io/v1",
        List.of(new Resource("events", "event", "Event", true, List.of("ev"), false, false, false)));
    map.put("apiextensions.k8s.io/v1", List.of(new Resource("customresourcedefinitions",
        "customresourcedefinition", "CustomResourceDefinition", false, List.of("crd", "crds"), false, true, false)));
    map.put("metrics.k8s.io/v1beta1", List.of(
        new Resource("pods", "", "PodMetrics", true, List.of(), false, false, true)));
    return Collections.unmodifiableMap(map);
  }
}
