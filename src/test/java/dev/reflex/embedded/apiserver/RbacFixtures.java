package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The objects and requests the authentication and RBAC tests make: ServiceAccounts and their tokens, roles,
 * bindings and the review kinds, built as kubectl sends them.
 */
final class RbacFixtures {

  static final String RBAC = "/apis/rbac.authorization.k8s.io/v1";
  static final String CLUSTER_ROLES = RBAC + "/clusterroles";
  static final String CLUSTER_ROLE_BINDINGS = RBAC + "/clusterrolebindings";
  static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  static final String SELF_SUBJECT_REVIEWS = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
  static final String SUBJECT_ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  static final String SELF_SUBJECT_ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  private RbacFixtures() {
  }

  static String roles(String namespace) {
    return RBAC + "/namespaces/" + namespace + "/roles";
  }

  static String roleBindings(String namespace) {
    return RBAC + "/namespaces/" + namespace + "/rolebindings";
  }

  static String serviceAccounts(String namespace) {
    return "/api/v1/namespaces/" + namespace + "/serviceaccounts";
  }

  /** The headers of a request carrying {@code token}, as client-go sends a bearer token. */
  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /** The headers of {@code kubectl --as=<user>}. */
  static Map<String, String> impersonating(String user) {
    return Map.of("Impersonate-User", user);
  }

  static JsonObject serviceAccount(String name) {
    return new JsonObject().put("apiVersion", "v1").put("kind", "ServiceAccount")
        .put("metadata", new JsonObject().put("name", name));
  }

  /** {@code kubectl create token}'s body: the server's audiences and an hour, as the defaults give. */
  static JsonObject tokenRequest() {
    return new JsonObject().put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest")
        .put("metadata", new JsonObject()).put("spec", new JsonObject());
  }

  /** Creates a ServiceAccount and returns a token issued for it through its {@code token} subresource. */
  static Future<String> serviceAccountToken(ApiServerFixture api, String namespace, String name) {
    return api.create(serviceAccounts(namespace), serviceAccount(name))
        .compose(v -> token(api, namespace, name));
  }

  /** A fresh token for an existing ServiceAccount. */
  static Future<String> token(ApiServerFixture api, String namespace, String name) {
    return ApiServerFixture.expect(201, api.post(serviceAccounts(namespace) + "/" + name + "/token", tokenRequest()))
        .map(answer -> answer.getJsonObject("status").getString("token"));
  }

  static JsonObject rule(List<String> verbs, String group, String... resources) {
    return new JsonObject().put("verbs", new JsonArray(List.copyOf(verbs)))
        .put("apiGroups", new JsonArray().add(group)).put("resources", new JsonArray(List.of((Object[]) resources)));
  }

  static JsonObject role(String name, JsonObject... rules) {
    return new JsonObject().put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", "Role")
        .put("metadata", new JsonObject().put("name", name)).put("rules", new JsonArray(List.of((Object[]) rules)));
  }

  static JsonObject clusterRole(String name, JsonObject... rules) {
    return role(name, rules).put("kind", "ClusterRole");
  }

  static JsonObject serviceAccountSubject(String namespace, String name) {
    return new JsonObject().put("kind", "ServiceAccount").put("name", name).put("namespace", namespace);
  }

  /** A RoleBinding of {@code roleKind} "Role" or "ClusterRole" {@code roleName} to {@code subject}. */
  static JsonObject roleBinding(String name, String roleKind, String roleName, JsonObject subject) {
    return new JsonObject().put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", "RoleBinding")
        .put("metadata", new JsonObject().put("name", name))
        .put("roleRef", new JsonObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", roleKind)
            .put("name", roleName))
        .put("subjects", new JsonArray().add(subject));
  }

  static JsonObject resourceAttributes(String verb, String group, String resource, String subresource,
      String namespace) {
    JsonObject attributes = new JsonObject().put("verb", verb).put("group", group).put("resource", resource);
    if (!subresource.isEmpty()) {
      attributes.put("subresource", subresource);
    }
    if (!namespace.isEmpty()) {
      attributes.put("namespace", namespace);
    }
    return attributes;
  }

  /** {@code kubectl auth can-i}'s question. */
  static JsonObject selfSubjectAccessReview(JsonObject resourceAttributes) {
    return new JsonObject().put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview")
        .put("metadata", new JsonObject())
        .put("spec", new JsonObject().put("resourceAttributes", resourceAttributes));
  }

  /** A SubjectAccessReview about a ServiceAccount, with the groups its tokens carry. */
  static JsonObject subjectAccessReview(String namespace, String serviceAccount, JsonObject resourceAttributes) {
    return new JsonObject().put("apiVersion", "authorization.k8s.io/v1").put("kind", "SubjectAccessReview")
        .put("spec", new JsonObject()
            .put("user", UserInfo.serviceAccountUsername(namespace, serviceAccount))
            .put("groups", new JsonArray().add("system:serviceaccounts").add("system:serviceaccounts:" + namespace)
                .add("system:authenticated"))
            .put("resourceAttributes", resourceAttributes));
  }
}
