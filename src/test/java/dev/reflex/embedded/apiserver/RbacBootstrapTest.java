package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RbacBootstrapTest {

  private final Authorizer authorizer = Authorizer.kubeDefault(() -> RbacObjects.of(List.of(),
      RbacBootstrap.clusterRoles(), List.of(), RbacBootstrap.clusterRoleBindings()));

  /** who: sa (authenticated ServiceAccount) or anon; request: METHOD path; expected reason or "-" for refused. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "sa   | GET  | /apis                  | RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole "
          + "\"system:discovery\" to Group \"system:authenticated\"",
      "sa   | GET  | /apis/apps/v1          | RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole "
          + "\"system:discovery\" to Group \"system:authenticated\"",
      "sa   | GET  | /openapi/v3            | RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole "
          + "\"system:discovery\" to Group \"system:authenticated\"",
      "sa   | POST | /apis/authorization.k8s.io/v1/selfsubjectaccessreviews | RBAC: allowed by ClusterRoleBinding "
          + "\"system:basic-user\" of ClusterRole \"system:basic-user\" to Group \"system:authenticated\"",
      "sa   | POST | /apis/authentication.k8s.io/v1/selfsubjectreviews      | RBAC: allowed by ClusterRoleBinding "
          + "\"system:basic-user\" of ClusterRole \"system:basic-user\" to Group \"system:authenticated\"",
      "sa   | GET  | /api/v1/namespaces/default/pods | -",
      "sa   | GET  | /metrics               | -",
      "anon | GET  | /version               | RBAC: allowed by ClusterRoleBinding \"system:public-info-viewer\" of "
          + "ClusterRole \"system:public-info-viewer\" to Group \"system:unauthenticated\"",
      "anon | GET  | /apis                  | -",
  })
  void bootstrapPolicyLetsEveryoneDiscover(String who, String method, String path, String reason) {
    UserInfo user = who.equals("anon") ? UserInfo.ANONYMOUS
        : new UserInfo("system:serviceaccount:default:bot", "u", List.of("system:serviceaccounts",
            "system:serviceaccounts:default"), Map.of()).authenticated();
    Decision decision = authorizer.authorize(RequestAttributes.of(user, method, path, Map.of()));
    assertEquals(reason == null ? Decision.noOpinion("") : Decision.allow(reason), decision);
  }

  @ParameterizedTest
  @CsvSource({"DELETE, /api/v1/nodes/n1", "GET, /metrics"})
  void clusterAdminIsBoundToSystemMasters(String method, String path) {
    // Masters pass before RBAC is asked; RBAC alone would allow them through cluster-admin too.
    UserInfo admin = UserInfo.of("admin", UserInfo.MASTERS);
    RequestAttributes a = RequestAttributes.of(admin, method, path, Map.of());
    assertEquals(Decision.allow(""), authorizer.authorize(a));
    assertEquals(Decision.allow("RBAC: allowed by ClusterRoleBinding \"cluster-admin\" of ClusterRole "
        + "\"cluster-admin\" to Group \"system:masters\""), RbacAuthorizer.authorize(a, List.of(),
        RbacBootstrap.clusterRoles(), List.of(), RbacBootstrap.clusterRoleBindings()));
  }

  /** The bootstrap roles after aggregation has settled, as the server stores them (view into edit into admin). */
  private static List<JsonObject> aggregatedClusterRoles() {
    List<JsonObject> roles = RbacBootstrap.clusterRoles().stream().map(JsonObject::copy).toList();
    for (int pass = 0; pass < 3; pass++) {
      for (JsonObject role : roles) {
        role.put("rules", RbacAuthorizer.aggregatedRules(role, roles));
      }
    }
    return roles;
  }

  /** role: the ClusterRole bound to bot in namespace default; request: METHOD path; allowed or not. */
  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "view  | GET    | /api/v1/namespaces/default/pods                       | true",
      "view  | GET    | /apis/apps/v1/namespaces/default/statefulsets/web/scale | true",
      "view  | GET    | /api/v1/namespaces/default/secrets                    | false",
      "view  | POST   | /api/v1/namespaces/default/configmaps                 | false",
      "view  | GET    | /api/v1/namespaces/other/pods                         | false",
      "edit  | POST   | /api/v1/namespaces/default/configmaps                 | true",
      "edit  | GET    | /api/v1/namespaces/default/secrets                    | true",
      "edit  | PATCH  | /apis/apps/v1/namespaces/default/deployments/web/scale | true",
      "edit  | POST   | /apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings | false",
      "admin | POST   | /apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings | true",
      "admin | DELETE | /api/v1/namespaces/default/pods/web-0                 | true",
      "admin | GET    | /api/v1/pods                                          | false",
  })
  void theUserFacingRolesAggregateAsKubesDo(String role, String method, String path, boolean allowed) {
    UserInfo bot = new UserInfo("system:serviceaccount:default:bot", "u", List.of("system:serviceaccounts",
        "system:serviceaccounts:default"), Map.of()).authenticated();
    JsonObject binding = new JsonObject().put("kind", "RoleBinding").put("apiVersion", "rbac.authorization.k8s.io/v1")
        .put("metadata", new JsonObject().put("name", "bot-" + role).put("namespace", "default"))
        .put("roleRef", new JsonObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole")
            .put("name", role))
        .put("subjects", new JsonArray().add(new JsonObject().put("kind", "ServiceAccount").put("name", "bot")
            .put("namespace", "default")));
    Decision decision = RbacAuthorizer.authorize(RequestAttributes.of(bot, method, path, Map.of()), List.of(),
        aggregatedClusterRoles(), List.of(binding), RbacBootstrap.clusterRoleBindings());
    assertEquals(allowed, decision.allowed(), decision.toString());
  }
}
