package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      "sa   | GET  | /apis                  | RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole \"system:discovery\" to Group \"system:authenticated\"",
      "sa   | GET  | /apis/apps/v1          | RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole \"system:discovery\" to Group \"system:authenticated\"",
      "sa   | GET  | /openapi/v3            | RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole \"system:discovery\" to Group \"system:authenticated\"",
      "sa   | POST | /apis/authorization.k8s.io/v1/selfsubjectaccessreviews | RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole \"system:basic-user\" to Group \"system:authenticated\"",
      "sa   | POST | /apis/authentication.k8s.io/v1/selfsubjectreviews      | RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole \"system:basic-user\" to Group \"system:authenticated\"",
      "sa   | GET  | /api/v1/namespaces/default/pods | -",
      "sa   | GET  | /metrics               | -",
      "anon | GET  | /version               | RBAC: allowed by ClusterRoleBinding \"system:public-info-viewer\" of ClusterRole \"system:public-info-viewer\" to Group \"system:unauthenticated\"",
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
}
