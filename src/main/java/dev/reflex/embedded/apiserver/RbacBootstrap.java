package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The few bootstrap ClusterRoles and ClusterRoleBindings kube-apiserver creates at start that every identity relies
 * on: without them a ServiceAccount could not even read discovery. cluster-admin for system:masters,
 * system:discovery and system:basic-user for every authenticated user, system:public-info-viewer for everyone.
 * The server creates them when absent, as kube's bootstrap policy does; the user-facing admin, edit and view
 * roles are left out.
 */
public final class RbacBootstrap {

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
            urls(List.of("get"), List.of("/healthz", "/livez", "/readyz", "/version", "/version/"))));
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
