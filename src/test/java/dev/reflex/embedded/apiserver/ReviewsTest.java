package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewsTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private final TokenAuthenticator auth = TokenAuthenticator.create(
      TokenAuthenticator.parseTokenFile("t1,alice,uid-a,devs\n"), (ns, name) -> Optional.of("uid-1"), new Random(3));

  /** alice may get pods in default (Role), everyone authenticated may get /healthz. */
  private final Authorizer authorizer = Authorizer.kubeDefault(() -> RbacObjects.of(
      List.of(new JsonObject("{\"metadata\":{\"name\":\"reader\",\"namespace\":\"default\"},\"rules\":"
          + "[{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}]}")),
      List.of(new JsonObject("{\"metadata\":{\"name\":\"health\"},\"rules\":[{\"verbs\":[\"get\"],"
          + "\"nonResourceURLs\":[\"/healthz\"]}]}")),
      List.of(new JsonObject("{\"metadata\":{\"name\":\"rb\",\"namespace\":\"default\"},\"roleRef\":{\"kind\":"
          + "\"Role\",\"name\":\"reader\"},\"subjects\":[{\"kind\":\"User\",\"name\":\"alice\"}]}")),
      List.of(new JsonObject("{\"metadata\":{\"name\":\"crb\"},\"roleRef\":{\"kind\":\"ClusterRole\",\"name\":"
          + "\"health\"},\"subjects\":[{\"kind\":\"Group\",\"name\":\"system:authenticated\"}]}"))));

  private static JsonObject tokenReview(String specJson) {
    return new JsonObject("{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{},"
        + "\"spec\":" + specJson + "}");
  }

  @Test
  void tokenReviewOfAStaticToken() {
    JsonObject answer = Reviews.tokenReview(tokenReview("{\"token\":\"t1\"}"), auth, NOW);
    assertEquals(new JsonObject("{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\","
        + "\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"token\":\"t1\"},\"status\":{\"authenticated\":true,"
        + "\"user\":{\"username\":\"alice\",\"uid\":\"uid-a\",\"groups\":[\"devs\",\"system:authenticated\"]},"
        + "\"audiences\":[\"https://kubernetes.default.svc.cluster.local\"]}}"), answer);
  }

  @Test
  void tokenReviewOfAServiceAccountTokenForAnAudience() {
    String token = auth.issue("ns1", "bot", "uid-1", List.of("vault"), java.time.Duration.ofHours(1), NOW);
    JsonObject status = Reviews.tokenReview(tokenReview("{\"token\":\"" + token + "\",\"audiences\":[\"vault\"]}"),
        auth, NOW).getJsonObject("status");
    assertEquals(true, status.getBoolean("authenticated"));
    assertEquals("system:serviceaccount:ns1:bot", status.getJsonObject("user").getString("username"));
    assertEquals(new JsonArray().add("system:serviceaccounts").add("system:serviceaccounts:ns1")
        .add("system:authenticated"), status.getJsonObject("user").getJsonArray("groups"));
    assertEquals(new JsonArray().add("vault"), status.getJsonArray("audiences"));
  }

  @Test
  void tokenReviewOfABadTokenSaysWhy() {
    assertEquals(new JsonObject("{\"user\":{},\"error\":\"invalid bearer token\"}"),
        Reviews.tokenReview(tokenReview("{\"token\":\"nope\"}"), auth, NOW).getJsonObject("status"));
    ApiError e = assertThrows(ApiError.class, () -> Reviews.tokenReview(tokenReview("{}"), auth, NOW));
    assertEquals(400, e.code());
    assertEquals("token is required for TokenReview in authentication", e.getMessage());
  }

  /** spec JSON → status JSON of a SubjectAccessReview. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"user\":\"alice\",\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"get\",\"resource\":\"pods\","
          + "\"name\":\"p\"}} | {\"allowed\":true,\"reason\":\"RBAC: allowed by RoleBinding \\\"rb/default\\\" of Role "
          + "\\\"reader\\\" to User \\\"alice\\\"\"}",
      "{\"user\":\"alice\",\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"get\",\"resource\":\"pods\","
          + "\"subresource\":\"log\",\"name\":\"p\"}} | {\"allowed\":false}",
      "{\"user\":\"alice\",\"resourceAttributes\":{\"namespace\":\"other\",\"verb\":\"get\",\"resource\":\"pods\"}}"
          + " | {\"allowed\":false}",
      // A SubjectAccessReview does not add system:authenticated: the spec's groups are all there is.
      "{\"user\":\"alice\",\"nonResourceAttributes\":{\"path\":\"/healthz\",\"verb\":\"get\"}} | {\"allowed\":false}",
      "{\"user\":\"alice\",\"groups\":[\"system:authenticated\"],\"nonResourceAttributes\":{\"path\":\"/healthz\","
          + "\"verb\":\"get\"}} | {\"allowed\":true,\"reason\":\"RBAC: allowed by ClusterRoleBinding \\\"crb\\\" of "
          + "ClusterRole \\\"health\\\" to Group \\\"system:authenticated\\\"\"}",
      "{\"groups\":[\"system:masters\"],\"resourceAttributes\":{\"verb\":\"delete\",\"resource\":\"nodes\"}}"
          + " | {\"allowed\":true}",
  })
  void subjectAccessReviewAnswersForTheSpecsUser(String spec, String status) {
    JsonObject review = new JsonObject().put("kind", "SubjectAccessReview")
        .put("apiVersion", "authorization.k8s.io/v1").put("spec", new JsonObject(spec));
    JsonObject answer = Reviews.subjectAccessReview(review, authorizer);
    assertEquals(new JsonObject(status), answer.getJsonObject("status"));
    assertEquals(new JsonObject(spec), answer.getJsonObject("spec"));
    assertEquals(new JsonObject().putNull("creationTimestamp"), answer.getJsonObject("metadata"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{} | .authorization.k8s.io \"\" is invalid: [spec.resourceAttributes: Invalid value: \"null\": exactly one of "
          + "nonResourceAttributes or resourceAttributes must be specified, spec.user: Invalid value: \"\": at least "
          + "one of user or group must be specified]",
      "{\"user\":\"a\",\"resourceAttributes\":{},\"nonResourceAttributes\":{\"path\":\"/x\",\"verb\":\"get\"}} | "
          + ".authorization.k8s.io \"\" is invalid: spec.nonResourceAttributes: Invalid value: "
          + "authorization.NonResourceAttributes{Path:\"/x\", Verb:\"get\"}: cannot be specified in combination with "
          + "resourceAttributes",
  })
  void invalidSubjectAccessReviewsAre422(String spec, String message) {
    JsonObject review = new JsonObject().put("spec", new JsonObject(spec));
    ApiError e = assertThrows(ApiError.class, () -> Reviews.subjectAccessReview(review, authorizer));
    assertEquals(422, e.code());
    assertEquals(message, e.getMessage());
    assertEquals("authorization.k8s.io", e.status().getJsonObject("details").getString("group"));
  }

  @Test
  void selfSubjectAccessReviewAsksAboutTheRequester() {
    UserInfo alice = auth.authenticate("t1", NOW).orElseThrow();
    JsonObject review = new JsonObject("{\"kind\":\"SelfSubjectAccessReview\",\"apiVersion\":"
        + "\"authorization.k8s.io/v1\",\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"nonResourceAttributes\":"
        + "{\"path\":\"/healthz\",\"verb\":\"get\"}}}");
    assertEquals(new JsonObject("{\"allowed\":true,\"reason\":\"RBAC: allowed by ClusterRoleBinding \\\"crb\\\" of "
            + "ClusterRole \\\"health\\\" to Group \\\"system:authenticated\\\"\"}"),
        Reviews.selfSubjectAccessReview(review, alice, authorizer).getJsonObject("status"));
    ApiError e = assertThrows(ApiError.class, () -> Reviews.selfSubjectAccessReview(new JsonObject()
        .put("spec", new JsonObject()), alice, authorizer));
    assertEquals(".authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly "
        + "one of nonResourceAttributes or resourceAttributes must be specified", e.getMessage());
  }

  @Test
  void localSubjectAccessReviewStaysInItsNamespace() {
    JsonObject review = new JsonObject("{\"metadata\":{\"namespace\":\"default\"},\"spec\":{\"user\":\"alice\","
        + "\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"get\",\"resource\":\"pods\"}}}");
    JsonObject answer = Reviews.localSubjectAccessReview(review, "default", authorizer);
    assertEquals(true, answer.getJsonObject("status").getBoolean("allowed"));
    assertEquals("default", answer.getJsonObject("metadata").getString("namespace"));
    JsonObject elsewhere = new JsonObject("{\"metadata\":{\"namespace\":\"default\"},\"spec\":{\"user\":\"alice\","
        + "\"resourceAttributes\":{\"namespace\":\"other\",\"verb\":\"get\",\"resource\":\"pods\"}}}");
    assertEquals(".authorization.k8s.io \"\" is invalid: spec.resourceAttributes.namespace: Invalid value: "
            + "\"other\": must match metadata.namespace",
        assertThrows(ApiError.class, () -> Reviews.localSubjectAccessReview(elsewhere, "default", authorizer))
            .getMessage());
    assertEquals("spec.resourceAttributes.namespace must match namespace: kube-system",
        assertThrows(ApiError.class, () -> Reviews.localSubjectAccessReview(review, "kube-system", authorizer))
            .getMessage());
  }

  @Test
  void selfSubjectReviewIsWhoami() {
    UserInfo alice = auth.authenticate("t1", NOW).orElseThrow();
    assertEquals(new JsonObject("{\"kind\":\"SelfSubjectReview\",\"apiVersion\":\"authentication.k8s.io/v1\","
            + "\"metadata\":{\"creationTimestamp\":null},\"status\":{\"userInfo\":{\"username\":\"alice\",\"uid\":"
            + "\"uid-a\",\"groups\":[\"devs\",\"system:authenticated\"]}}}"),
        Reviews.selfSubjectReview(new JsonObject(), alice));
  }

  @Test
  void tokenRequestIssuesATokenTheServerAccepts() {
    JsonObject answer = Reviews.tokenRequest(new JsonObject("{\"spec\":{}}"), "ns1", "bot", "uid-1", auth, NOW);
    assertEquals(new JsonObject("{\"audiences\":[\"https://kubernetes.default.svc.cluster.local\"],"
        + "\"expirationSeconds\":3600}"), answer.getJsonObject("spec"));
    assertEquals("2025-01-01T01:00:00Z", answer.getJsonObject("status").getString("expirationTimestamp"));
    assertEquals(new JsonObject("{\"creationTimestamp\":null,\"name\":\"bot\",\"namespace\":\"ns1\"}"),
        answer.getJsonObject("metadata"));
    assertEquals("system:serviceaccount:ns1:bot", auth.authenticate(answer.getJsonObject("status")
        .getString("token"), NOW).orElseThrow().username());
    ApiError e = assertThrows(ApiError.class, () -> Reviews.tokenRequest(
        new JsonObject("{\"spec\":{\"expirationSeconds\":599}}"), "ns1", "bot", "uid-1", auth, NOW));
    assertEquals("TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 599: "
        + "may not specify a duration less than 10 minutes", e.getMessage());
  }

  @Test
  void userInfoOfAReviewSpecKeepsExtra() {
    assertEquals(new UserInfo("u", "id", List.of("g"), Map.of("k", List.of("v1", "v2"))), UserInfo.fromReviewSpec(
        new JsonObject("{\"user\":\"u\",\"uid\":\"id\",\"groups\":[\"g\"],\"extra\":{\"k\":[\"v1\",\"v2\"]}}")));
  }
}
