package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The bootstrap ClusterRoles and ClusterRoleBindings kube-apiserver creates at start: those every identity relies
 * on (without them a ServiceAccount could not even read discovery): cluster-admin for system:masters,
 * system:discovery and system:basic-user for every authenticated user, system:public-info-viewer for everyone; and
 * the user-facing admin, edit and view, which users bind in their namespaces. Those three aggregate, as in kube:
 * view takes the roles labelled {@code aggregate-to-view}, edit those labelled {@code aggregate-to-edit} (view among
 * them), admin those labelled {@code aggregate-to-admin} (edit among them), so a CRD's own aggregate-to roles extend
 * them. The rules cover the kinds this server serves. The server creates the roles when absent, as kube's bootstrap
 * policy does.
 */
public final class RbacBootstrap {

  private static final List<String> READS = List.of("get", "list", "watch");
  private static final List<String> WRITES = List.of("create", "delete", "deletecollection", "patch", "update");
  private static final List<String> ALL_WRITES_AND_READS = List.of("create", "delete", "deletecollection", "get",
      "list", "patch", "update", "watch");
  private static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

  private RbacBootstrap() {
  }

  public static List<JsonObject> clusterRoles() {
    return List.of(
        role("cluster-admin",
            rule(List.of("*"), List.of("*"), List.of("*")),
            urls(List.of("*"), List.of("*"))),
        role("system:discovery",
            urls(List.of("get"), List.of("/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi",
                "/openapi/*", "/readyz", "/version", "/version/"))),
        role("system:basic-user",
            rule(List.of("create"), List.of("authorization.k8s.io"), List.of("selfsubjectaccessreviews",
                "selfsubjectrulesreviews")),
            rule(List.of("create"), List.of("authentication.k8s.io"), List.of("selfsubjectreviews"))),
        role("system:public-info-viewer",
            urls(List.of("get"), List.of("/healthz", "/livez", "/readyz", "/version", "/version/"))),
        aggregating("admin", "admin", null),
        aggregating("edit", "edit", "admin"),
        aggregating("view", "view", "edit"),
        labelled(role("system:aggregate-to-admin",
            rule(ALL_WRITES_AND_READS, List.of("rbac.authorization.k8s.io"), List.of("rolebindings", "roles")),
            rule(List.of("create"), List.of("authorization.k8s.io"), List.of("localsubjectaccessreviews"))),
            "admin"),
        labelled(role("system:aggregate-to-edit",
            rule(WRITES, List.of(""), List.of("pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy",
                "configmaps", "endpoints", "persistentvolumeclaims", "replicationcontrollers",
                "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy")),
            rule(List.of("create"), List.of(""), List.of("pods/eviction", "serviceaccounts/token")),
            rule(READS, List.of(""), List.of("secrets")),
            rule(List.of("impersonate"), List.of(""), List.of("serviceaccounts")),
            rule(WRITES, List.of("apps"), List.of("daemonsets", "deployments", "deployments/rollback",
                "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale")),
            rule(WRITES, List.of("autoscaling"), List.of("horizontalpodautoscalers")),
            rule(WRITES, List.of("batch"), List.of("cronjobs", "jobs")),
            rule(WRITES, List.of("policy"), List.of("poddisruptionbudgets")),
            rule(WRITES, List.of("networking.k8s.io"), List.of("ingresses", "networkpolicies")),
            rule(ALL_WRITES_AND_READS, List.of("coordination.k8s.io"), List.of("leases"))),
            "edit"),
        labelled(role("system:aggregate-to-view",
            rule(READS, List.of(""), List.of("pods", "pods/log", "pods/status", "replicationcontrollers",
                "replicationcontrollers/scale", "replicationcontrollers/status", "serviceaccounts", "services",
                "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status",
                "configmaps", "bindings", "events", "limitranges", "namespaces", "namespaces/status",
                "resourcequotas", "resourcequotas/status")),
            rule(READS, List.of("apps"), List.of("controllerrevisions", "daemonsets", "daemonsets/status",
                "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale",
                "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status")),
            rule(READS, List.of("autoscaling"), List.of("horizontalpodautoscalers",
                "horizontalpodautoscalers/status")),
            rule(READS, List.of("batch"), List.of("cronjobs", "cronjobs/status", "jobs", "jobs/status")),
            rule(READS, List.of("policy"), List.of("poddisruptionbudgets", "poddisruptionbudgets/status")),
            rule(READS, List.of("networking.k8s.io"), List.of("ingresses", "ingresses/status", "networkpolicies")),
            rule(READS, List.of("discovery.k8s.io"), List.of("endpointslices")),
            rule(READS, List.of("events.k8s.io"), List.of("events"))),
            "view"));
  }


  /**
   * A role whose rules are those of the roles labelled {@code aggregate-to-<selects>}; itself labelled to join
   * {@code aggregate-to-<joins>} when that is not null. Its rules start empty: the aggregation fills them.
   */
  private static JsonObject aggregating(String name, String selects, String joins) {
    JsonObject role = role(name);
    role.put("aggregationRule", new JsonObject().put("clusterRoleSelectors", new JsonArray().add(new JsonObject()
        .put("matchLabels", new JsonObject().put(AGGREGATE_TO + selects, "true")))));
    return joins == null ? role : labelled(role, joins);
  }

  private static JsonObject labelled(JsonObject role, String aggregateTo) {
    role.getJsonObject("metadata").getJsonObject("labels").put(AGGREGATE_TO + aggregateTo, "true");
    return role;
  }


  public static List<JsonObject> clusterRoleBindings() {
    return List.of(
        binding("cluster-admin", UserInfo.MASTERS),
        binding("system:discovery", UserInfo.AUTHENTICATED),
        binding("system:basic-user", UserInfo.AUTHENTICATED),
        binding("system:public-info-viewer", UserInfo.AUTHENTICATED, UserInfo.UNAUTHENTICATED));
  }

  private static JsonObject metadata(String name) {
    return new JsonObject().put("name", name)
        .put("labels", new JsonObject().put("kubernetes.io/bootstrapping", "rbac-defaults"))
        .put("annotations", new JsonObject().put("rbac.authorization.kubernetes.io/autoupdate", "true"));
  }

  private static JsonObject role(String name, JsonObject... rules) {
    return new JsonObject().put("kind", "ClusterRole").put("apiVersion", "rbac.authorization.k8s.io/v1")
        .put("metadata", metadata(name)).put("rules", new JsonArray(List.of((Object[]) rules)));
  }

  private static JsonObject binding(String role, String... groups) {
    JsonArray subjects = new JsonArray();
    for (String group : groups) {
      subjects.add(new JsonObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", "Group")
          .put("name", group));
    }
    return new JsonObject().put("kind", "ClusterRoleBinding").put("apiVersion", "rbac.authorization.k8s.io/v1")
        .put("metadata", metadata(role))
        .put("roleRef", new JsonObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole")
            .put("name", role))
        .put("subjects", subjects);
  }

  private static JsonObject rule(List<String> verbs, List<String> groups, List<String> resources) {
    return new JsonObject().put("verbs", new JsonArray(List.copyOf(verbs)))
        .put("apiGroups", new JsonArray(List.copyOf(groups))).put("resources", new JsonArray(List.copyOf(resources)));
  }

  private static JsonObject urls(List<String> verbs, List<String> urls) {
    return new JsonObject().put("verbs", new JsonArray(List.copyOf(verbs)))
        .put("nonResourceURLs", new JsonArray(List.copyOf(urls)));
  }
}
