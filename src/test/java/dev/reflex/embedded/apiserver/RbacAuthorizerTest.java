package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RbacAuthorizerTest {

  private static final UserInfo ALICE = UserInfo.of("alice", "devs", UserInfo.AUTHENTICATED);

  private static RequestAttributes res(String verb, String group, String resource, String sub, String ns,
      String name) {
    return RequestAttributes.resource(ALICE, verb, group, "v1", resource, sub, ns, name);
  }

  private static JsonObject clusterRole(String name, String rulesJson) {
    return new JsonObject().put("metadata", new JsonObject().put("name", name))
        .put("rules", new JsonArray(rulesJson));
  }

  private static JsonObject role(String ns, String name, String rulesJson) {
    return new JsonObject().put("metadata", new JsonObject().put("name", name).put("namespace", ns))
        .put("rules", new JsonArray(rulesJson));
  }

  private static JsonObject binding(String ns, String name, String roleKind, String roleName, String subjectsJson) {
    JsonObject metadata = new JsonObject().put("name", name);
    if (ns != null) {
      metadata.put("namespace", ns);
    }
    return new JsonObject().put("metadata", metadata)
        .put("roleRef", new JsonObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", roleKind)
            .put("name", roleName))
        .put("subjects", new JsonArray(subjectsJson));
  }

  /** One rule bound cluster-wide to alice; does it cover the request? */
  static Stream<Arguments> ruleKinds() {
    return Stream.of(
        // verbs
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}",
            res("get", "", "pods", "", "default", "x"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}",
            res("list", "", "pods", "", "default", ""), false),
        Arguments.of("{\"verbs\":[\"*\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}",
            res("deletecollection", "", "pods", "", "default", ""), true),
        // apiGroups
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"deployments\"]}",
            res("get", "apps", "deployments", "", "default", "d"), false),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"]}",
            res("get", "apps", "deployments", "", "default", "d"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"*\"],\"resources\":[\"deployments\"]}",
            res("get", "apps", "deployments", "", "default", "d"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"resources\":[\"pods\"]}",
            res("get", "", "pods", "", "default", "x"), false),
        // resources and subresources
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}",
            res("get", "", "pods", "log", "default", "x"), false),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods/log\"]}",
            res("get", "", "pods", "log", "default", "x"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods/log\"]}",
            res("get", "", "pods", "", "default", "x"), false),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"*\"]}",
            res("get", "", "pods", "status", "default", "x"), true),
        Arguments.of("{\"verbs\":[\"update\"],\"apiGroups\":[\"*\"],\"resources\":[\"*/scale\"]}",
            res("update", "apps", "deployments", "scale", "default", "d"), true),
        Arguments.of("{\"verbs\":[\"update\"],\"apiGroups\":[\"*\"],\"resources\":[\"*/scale\"]}",
            res("update", "apps", "deployments", "", "default", "d"), false),
        Arguments.of("{\"verbs\":[\"update\"],\"apiGroups\":[\"*\"],\"resources\":[\"*/scale\"]}",
            res("update", "apps", "deployments", "status", "default", "d"), false),
        // resourceNames
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],"
            + "\"resourceNames\":[\"a\",\"b\"]}", res("get", "", "configmaps", "", "default", "b"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],"
            + "\"resourceNames\":[\"a\"]}", res("get", "", "configmaps", "", "default", "c"), false),
        Arguments.of("{\"verbs\":[\"list\"],\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],"
            + "\"resourceNames\":[\"a\"]}", res("list", "", "configmaps", "", "default", ""), false),
        // nonResourceURLs
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/healthz\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/healthz"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/healthz\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/healthz/ping"), false),
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/healthz*\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/healthz/ping"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/api/*\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/api/v1"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/api/*\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/apis"), false),
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"*\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/metrics"), true),
        Arguments.of("{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/metrics\"]}",
            RequestAttributes.nonResource(ALICE, "post", "/metrics"), false),
        // a resource rule never covers a path, a path rule never a resource
        Arguments.of("{\"verbs\":[\"*\"],\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}",
            RequestAttributes.nonResource(ALICE, "get", "/metrics"), false),
        Arguments.of("{\"verbs\":[\"*\"],\"nonResourceURLs\":[\"*\"]}",
            res("get", "", "pods", "", "default", "x"), false));
  }

  @ParameterizedTest
  @MethodSource("ruleKinds")
  void matchesEachRuleKindAsKube(String rule, RequestAttributes a, boolean allowed) {
    List<JsonObject> clusterRoles = List.of(clusterRole("r", "[" + rule + "]"));
    List<JsonObject> crbs = List.of(binding(null, "b", "ClusterRole", "r", "[{\"kind\":\"User\",\"name\":\"alice\"}]"));
    Decision decision = RbacAuthorizer.authorize(a, List.of(), clusterRoles, List.of(), crbs);
    assertEquals(allowed ? Decision.allow("RBAC: allowed by ClusterRoleBinding \"b\" of ClusterRole \"r\" to User "
        + "\"alice\"") : Decision.noOpinion(""), decision);
  }

  private static final String PODS_GET = "[{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}]";

  /** subjects of a RoleBinding in "default" to Role "reader"; request: alice (or the SA) gets a pod in ns. */
  @ParameterizedTest(name = "{0} as {1} in {2}")
  @CsvSource(delimiter = ';', value = {
      "{\"kind\":\"User\",\"name\":\"alice\"};                                  alice; default; RBAC: allowed by "
          + "RoleBinding \"rb/default\" of Role \"reader\" to User \"alice\"",
      "{\"kind\":\"User\",\"name\":\"bob\"};                                    alice; default; ",
      "{\"kind\":\"Group\",\"name\":\"devs\"};                                  alice; default; RBAC: allowed by "
          + "RoleBinding \"rb/default\" of Role \"reader\" to Group \"devs\"",
      "{\"kind\":\"User\",\"name\":\"alice\"};                                  alice; other;   ",
      "{\"kind\":\"ServiceAccount\",\"name\":\"bot\"};                          sa;    default; RBAC: allowed by "
          + "RoleBinding \"rb/default\" of Role \"reader\" to ServiceAccount \"bot/default\"",
      "{\"kind\":\"ServiceAccount\",\"name\":\"bot\",\"namespace\":\"default\"}; sa;    default; RBAC: allowed by "
          + "RoleBinding \"rb/default\" of Role \"reader\" to ServiceAccount \"bot/default\"",
      "{\"kind\":\"ServiceAccount\",\"name\":\"bot\",\"namespace\":\"other\"};   sa;    default; ",
      "{\"kind\":\"ServiceAccount\",\"name\":\"alice\"};                        alice; default; ",
  })
  void roleBindingSubjects(String subject, String who, String namespace, String reason) {
    UserInfo user = who.equals("sa")
        ? new UserInfo("system:serviceaccount:default:bot", "", List.of("system:serviceaccounts",
        "system:serviceaccounts:default", UserInfo.AUTHENTICATED), java.util.Map.of()) : ALICE;
    RequestAttributes a = RequestAttributes.resource(user, "get", "", "v1", "pods", "", namespace, "p");
    List<JsonObject> roles = List.of(role("default", "reader", PODS_GET), role("other", "reader", PODS_GET));
    List<JsonObject> rbs = List.of(binding("default", "rb", "Role", "reader", "[" + subject + "]"));
    Decision decision = RbacAuthorizer.authorize(a, roles, List.of(), rbs, List.of());
    assertEquals(reason == null ? Decision.noOpinion("") : Decision.allow(reason), decision);
  }

  @Test
  void clusterRoleBindingServiceAccountSubjectNeedsItsNamespace() {
    UserInfo bot = UserInfo.of("system:serviceaccount:default:bot");
    RequestAttributes a = RequestAttributes.resource(bot, "get", "", "v1", "pods", "", "default", "p");
    List<JsonObject> crs = List.of(clusterRole("reader", PODS_GET));
    assertEquals(Decision.noOpinion(""), RbacAuthorizer.authorize(a, List.of(), crs, List.of(),
        List.of(binding(null, "b", "ClusterRole", "reader", "[{\"kind\":\"ServiceAccount\",\"name\":\"bot\"}]"))));
    assertEquals(Decision.allow("RBAC: allowed by ClusterRoleBinding \"b\" of ClusterRole \"reader\" to "
            + "ServiceAccount \"bot/default\""), RbacAuthorizer.authorize(a, List.of(), crs, List.of(),
        List.of(binding(null, "b", "ClusterRole", "reader",
            "[{\"kind\":\"ServiceAccount\",\"name\":\"bot\",\"namespace\":\"default\"}]"))));
  }

  @Test
  void roleBindingToClusterRoleGrantsWithinItsNamespaceOnly() {
    List<JsonObject> crs = List.of(clusterRole("reader", PODS_GET));
    List<JsonObject> rbs = List.of(binding("team", "rb", "ClusterRole", "reader",
        "[{\"kind\":\"User\",\"name\":\"alice\"}]"));
    assertEquals(Decision.allow("RBAC: allowed by RoleBinding \"rb/team\" of ClusterRole \"reader\" to User "
        + "\"alice\""), RbacAuthorizer.authorize(res("get", "", "pods", "", "team", "p"), List.of(), crs, rbs,
        List.of()));
    assertEquals(Decision.noOpinion(""), RbacAuthorizer.authorize(res("get", "", "pods", "", "default", "p"),
        List.of(), crs, rbs, List.of()));
    // A namespaced binding never reaches cluster-scoped requests.
    assertEquals(Decision.noOpinion(""), RbacAuthorizer.authorize(res("get", "", "pods", "", "", ""),
        List.of(), crs, rbs, List.of()));
  }

  @Test
  void clusterRoleBindingsAreAskedBeforeRoleBindings() {
    List<JsonObject> crs = List.of(clusterRole("reader", PODS_GET));
    List<JsonObject> rbs = List.of(binding("default", "rb", "ClusterRole", "reader",
        "[{\"kind\":\"User\",\"name\":\"alice\"}]"));
    List<JsonObject> crbs = List.of(binding(null, "crb", "ClusterRole", "reader",
        "[{\"kind\":\"Group\",\"name\":\"system:authenticated\"}]"));
    assertEquals(Decision.allow("RBAC: allowed by ClusterRoleBinding \"crb\" of ClusterRole \"reader\" to Group "
        + "\"system:authenticated\""), RbacAuthorizer.authorize(res("get", "", "pods", "", "default", "p"),
        List.of(), crs, rbs, crbs));
  }

  @Test
  void missingRolesAreTheReasonOfNoOpinionUnlessAnotherBindingAllows() {
    List<JsonObject> rbs = List.of(
        binding("default", "a", "Role", "gone", "[{\"kind\":\"User\",\"name\":\"alice\"}]"),
        binding("default", "b", "ClusterRole", "gone-too", "[{\"kind\":\"User\",\"name\":\"alice\"}]"),
        binding("default", "c", "ClusterRole", "gone-too", "[{\"kind\":\"Group\",\"name\":\"devs\"}]"),
        binding("default", "d", "Secret", "x", "[{\"kind\":\"User\",\"name\":\"alice\"}]"),
        binding("default", "e", "Role", "never", "[{\"kind\":\"User\",\"name\":\"bob\"}]"));
    RequestAttributes a = res("get", "", "pods", "", "default", "p");
    assertEquals(Decision.noOpinion("RBAC: [role.rbac.authorization.k8s.io \"gone\" not found, "
        + "clusterrole.rbac.authorization.k8s.io \"gone-too\" not found, unsupported role reference kind: "
        + "\"Secret\"]"), RbacAuthorizer.authorize(a, List.of(), List.of(), rbs, List.of()));
    assertEquals(Decision.noOpinion("RBAC: role.rbac.authorization.k8s.io \"gone\" not found"),
        RbacAuthorizer.authorize(a, List.of(), List.of(), rbs.subList(0, 1), List.of()));
    List<JsonObject> withGood = new java.util.ArrayList<>(rbs);
    withGood.add(binding("default", "f", "Role", "reader", "[{\"kind\":\"User\",\"name\":\"alice\"}]"));
    assertEquals(Decision.allow("RBAC: allowed by RoleBinding \"f/default\" of Role \"reader\" to User \"alice\""),
        RbacAuthorizer.authorize(a, List.of(role("default", "reader", PODS_GET)), List.of(), withGood, List.of()));
  }

  @Test
  void systemMastersAreAlwaysAllowedWithNoReason() {
    Authorizer chain = Authorizer.kubeDefault(() -> RbacObjects.of(List.of(), List.of(), List.of(), List.of()));
    UserInfo admin = UserInfo.of("admin", UserInfo.MASTERS);
    assertEquals(Decision.allow(""), chain.authorize(RequestAttributes.resource(admin, "delete", "", "v1", "nodes",
        "", "", "n1")));
    assertEquals(Decision.allow(""), chain.authorize(RequestAttributes.nonResource(admin, "get", "/metrics")));
    assertEquals(Decision.noOpinion(""), chain.authorize(res("get", "", "pods", "", "default", "p")));
  }

  @Test
  void unionJoinsReasonsWhenNobodyDecides() {
    Authorizer chain = Authorizer.union(List.of(a -> Decision.noOpinion("first"), a -> Decision.noOpinion(""),
        a -> Decision.noOpinion("second")));
    assertEquals(Decision.noOpinion("first\nsecond"), chain.authorize(res("get", "", "pods", "", "ns", "p")));
    Authorizer denying = Authorizer.union(List.of(a -> Decision.deny("no"), a -> Decision.allow("yes")));
    assertEquals(Decision.deny("no"), denying.authorize(res("get", "", "pods", "", "ns", "p")));
  }

  private static JsonObject labelled(String name, String labelsJson, String rulesJson) {
    JsonObject role = clusterRole(name, rulesJson);
    role.getJsonObject("metadata").put("labels", new JsonObject(labelsJson));
    return role;
  }

  @Test
  void aggregatedRulesCollectSelectedRolesInNameOrderWithoutRepeats() {
    JsonObject monitoring = new JsonObject().put("metadata", new JsonObject().put("name", "monitoring")
            .put("labels", new JsonObject().put("agg", "yes")))
        .put("aggregationRule", new JsonObject().put("clusterRoleSelectors", new JsonArray()
            .add(new JsonObject().put("matchLabels", new JsonObject().put("agg", "yes")))
            .add(new JsonObject().put("matchExpressions", new JsonArray().add(new JsonObject()
                .put("key", "extra").put("operator", "Exists"))))))
        .put("rules", new JsonArray("[{\"verbs\":[\"old\"]}]"));
    List<JsonObject> all = List.of(
        monitoring,
        labelled("z-metrics", "{\"agg\":\"yes\"}", "[{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/metrics\"]}]"),
        labelled("a-pods", "{\"agg\":\"yes\"}", "[{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":"
            + "[\"pods\"]},{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/metrics\"],\"resources\":[]}]"),
        labelled("m-other", "{\"agg\":\"no\"}", "[{\"verbs\":[\"delete\"],\"apiGroups\":[\"\"],\"resources\":"
            + "[\"pods\"]}]"),
        labelled("b-extra", "{\"extra\":\"\"}", "[{\"verbs\":[\"list\"],\"apiGroups\":[\"\"],\"resources\":"
            + "[\"pods\"]},{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}]"));
    assertEquals(new JsonArray("[{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]},"
            + "{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/metrics\"],\"resources\":[]},"
            + "{\"verbs\":[\"list\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}]"),
        RbacAuthorizer.aggregatedRules(monitoring, all));
    JsonObject plain = clusterRole("plain", PODS_GET);
    assertEquals(new JsonArray(PODS_GET), RbacAuthorizer.aggregatedRules(plain, all));
    JsonObject nothing = new JsonObject().put("metadata", new JsonObject().put("name", "nothing"))
        .put("aggregationRule", new JsonObject());
    assertEquals(new JsonArray(), RbacAuthorizer.aggregatedRules(nothing, all));
  }
}
