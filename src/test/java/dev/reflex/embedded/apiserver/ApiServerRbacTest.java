package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMap;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMaps;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.names;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pod;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pods;
import static dev.reflex.embedded.apiserver.ApiServerFixture.q;
import static dev.reflex.embedded.apiserver.ApiServerFixture.resourceVersion;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.RbacFixtures.CLUSTER_ROLES;
import static dev.reflex.embedded.apiserver.RbacFixtures.SELF_SUBJECT_ACCESS_REVIEWS;
import static dev.reflex.embedded.apiserver.RbacFixtures.SELF_SUBJECT_REVIEWS;
import static dev.reflex.embedded.apiserver.RbacFixtures.SUBJECT_ACCESS_REVIEWS;
import static dev.reflex.embedded.apiserver.RbacFixtures.TOKEN_REVIEWS;
import static dev.reflex.embedded.apiserver.RbacFixtures.bearer;
import static dev.reflex.embedded.apiserver.RbacFixtures.clusterRole;
import static dev.reflex.embedded.apiserver.RbacFixtures.impersonating;
import static dev.reflex.embedded.apiserver.RbacFixtures.resourceAttributes;
import static dev.reflex.embedded.apiserver.RbacFixtures.role;
import static dev.reflex.embedded.apiserver.RbacFixtures.roleBinding;
import static dev.reflex.embedded.apiserver.RbacFixtures.roleBindings;
import static dev.reflex.embedded.apiserver.RbacFixtures.roles;
import static dev.reflex.embedded.apiserver.RbacFixtures.rule;
import static dev.reflex.embedded.apiserver.RbacFixtures.selfSubjectAccessReview;
import static dev.reflex.embedded.apiserver.RbacFixtures.serviceAccountSubject;
import static dev.reflex.embedded.apiserver.RbacFixtures.serviceAccountToken;
import static dev.reflex.embedded.apiserver.RbacFixtures.serviceAccounts;
import static dev.reflex.embedded.apiserver.RbacFixtures.subjectAccessReview;
import static dev.reflex.embedded.apiserver.RbacFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RBAC over HTTP, as a workload sees it: a ServiceAccount's token (TokenRequest), refused until a Role or a
 * ClusterRole is bound to it, only in the binding's namespace; impersonation ({@code kubectl --as}) giving the same
 * answers; the review kinds (TokenReview, SubjectAccessReview, SelfSubjectAccessReview, SelfSubjectReview); tokens
 * of a deleted ServiceAccount refused; aggregated ClusterRoles following the roles their selectors pick.
 * Requests without credentials are the embedded admin's, so the test sets up objects as an admin would.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerRbacTest {

  private static final String ADMIN_TOKEN = "admintoken";
  private static final String BOT = "system:serviceaccount:default:bot";
  private static final JsonObject BOT_SUBJECT = serviceAccountSubject("default", "bot");
  private static final List<String> READ = List.of("get", "list", "watch");

  private static final String FORBIDDEN_PODS_DEFAULT = "pods is forbidden: User \"" + BOT + "\" cannot list "
      + "resource \"pods\" in API group \"\" in the namespace \"default\"";

  private ApiServerFixture api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    ApiServerOptions options = ApiServerOptions.loopback(0).withTokens(Map.of(ADMIN_TOKEN,
        new UserInfo("admin", "", List.of("system:masters"), Map.of())), true);
    ApiServerFixture.start(vertx, options)
        .compose(fixture -> {
          api = fixture;
          return api.namespace("other");
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Future<HttpResponse<Buffer>> get(String uri, Map<String, String> headers) {
    return api.send(HttpMethod.GET, uri, null, null, headers);
  }

  private Future<HttpResponse<Buffer>> post(String uri, JsonObject body, Map<String, String> headers) {
    return api.send(HttpMethod.POST, uri, ApiServerFixture.JSON, body.toBuffer(), headers);
  }

  /** The pod reader of {@code default}: a Role and its RoleBinding to the bot. */
  private Future<JsonObject> grantPodReading() {
    return api.create(roles("default"), role("pod-reader", rule(READ, "", "pods")))
        .compose(v -> api.create(roleBindings("default"), roleBinding("pod-reader", "Role", "pod-reader",
            BOT_SUBJECT)));
  }

  private static JsonObject status(JsonObject review) {
    return review.getJsonObject("status");
  }

  // --- ServiceAccount tokens ------------------------------------------------------------------------------------

  @Test
  void aTokenRequestAnswersATokenForTheServersAudienceForAnHour(VertxTestContext ctx) {
    api.create(serviceAccounts("default"), RbacFixtures.serviceAccount("bot"))
        .compose(v -> expect(201, api.post(serviceAccounts("default") + "/bot/token", RbacFixtures.tokenRequest())))
        .onComplete(verified(ctx, answer -> {
          assertEquals("TokenRequest", answer.getString("kind"));
          assertEquals("authentication.k8s.io/v1", answer.getString("apiVersion"));
          assertEquals("bot", answer.getJsonObject("metadata").getString("name"));
          assertEquals("default", answer.getJsonObject("metadata").getString("namespace"));
          assertEquals(new JsonObject().put("audiences", new JsonArray().add(TokenAuthenticator.DEFAULT_ISSUER))
              .put("expirationSeconds", 3600), answer.getJsonObject("spec"));
          assertEquals("2025-03-04T06:06:07Z", status(answer).getString("expirationTimestamp"));
          assertEquals(3, status(answer).getString("token").split("\\.").length, "a JWT: header.claims.signature");
        }));
  }

  @Test
  void aServiceAccountWithoutGrantsIsForbiddenToListPods(VertxTestContext ctx) {
    serviceAccountToken(api, "default", "bot")
        .compose(token -> get(pods("default"), bearer(token)))
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 403, "Forbidden", FORBIDDEN_PODS_DEFAULT);
          assertEquals(new JsonObject().put("kind", "pods"), status.getJsonObject("details"));
        }));
  }

  @Test
  void aServiceAccountIsWhoItsTokenSays(VertxTestContext ctx) {
    JsonObject review = new JsonObject().put("apiVersion", "authentication.k8s.io/v1")
        .put("kind", "SelfSubjectReview");
    serviceAccountToken(api, "default", "bot")
        .compose(token -> expect(201, post(SELF_SUBJECT_REVIEWS, review, bearer(token))))
        .onComplete(verified(ctx, answer -> {
          JsonObject user = status(answer).getJsonObject("userInfo");
          assertEquals(BOT, user.getString("username"));
          assertEquals(new JsonArray().add("system:serviceaccounts").add("system:serviceaccounts:default")
              .add("system:authenticated"), user.getJsonArray("groups"));
        }));
  }

  @Test
  void anAuthenticatedServiceAccountReadsDiscovery(VertxTestContext ctx) {
    serviceAccountToken(api, "default", "bot")
        .compose(token -> expect(200, get("/apis", bearer(token)))
            .compose(v -> expect(200, get("/api/v1", bearer(token))))
            .compose(v -> expect(200, get("/version", bearer(token)))))
        .onComplete(verified(ctx, version -> assertTrue(version.containsKey("gitVersion"), version::encode)));
  }

  @Test
  void theTokenOfADeletedServiceAccountIsUnauthorized(VertxTestContext ctx) {
    grantPodReading()
        .compose(v -> serviceAccountToken(api, "default", "bot"))
        .compose(token -> expect(200, get(pods("default"), bearer(token)))
            .compose(v -> expect(200, api.delete(serviceAccounts("default") + "/bot")))
            .compose(v -> get(pods("default"), bearer(token))))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 401, "Unauthorized", "Unauthorized")));
  }

  /** A ServiceAccount deleted and created again has a new uid: the old account's tokens do not carry over. */
  @Test
  void theTokenOfARecreatedServiceAccountIsUnauthorized(VertxTestContext ctx) {
    String[] old = new String[1];
    grantPodReading()
        .compose(v -> serviceAccountToken(api, "default", "bot"))
        .compose(token -> {
          old[0] = token;
          return expect(200, api.delete(serviceAccounts("default") + "/bot"));
        })
        .compose(v -> serviceAccountToken(api, "default", "bot"))
        .compose(fresh -> expect(200, get(pods("default"), bearer(fresh))))
        .compose(v -> get(pods("default"), bearer(old[0])))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 401, "Unauthorized", "Unauthorized")));
  }

  // --- roles and bindings ---------------------------------------------------------------------------------------

  @Test
  void aRoleBindingGrantsItsRoleInItsNamespaceOnly(VertxTestContext ctx) {
    String[] token = new String[1];
    serviceAccountToken(api, "default", "bot")
        .compose(t -> {
          token[0] = t;
          return api.create(pods("default"), pod("web"));
        })
        .compose(v -> grantPodReading())
        .compose(v -> expect(200, get(pods("default"), bearer(token[0]))))
        .compose(list -> {
          ctx.verify(() -> assertEquals(List.of("web"), names(list)));
          return expect(200, get(pods("default") + "/web", bearer(token[0])));
        })
        .compose(v -> get(pods("other"), bearer(token[0])))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden", "pods is forbidden: User \""
            + BOT + "\" cannot list resource \"pods\" in API group \"\" in the namespace \"other\"")));
  }

  @Test
  void aRoleGrantsOnlyItsVerbs(VertxTestContext ctx) {
    serviceAccountToken(api, "default", "bot")
        .compose(token -> grantPodReading()
            .compose(v -> post(pods("default"), pod("web"), bearer(token))))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden", "pods is forbidden: User \""
            + BOT + "\" cannot create resource \"pods\" in API group \"\" in the namespace \"default\"")));
  }

  @Test
  void aClusterRoleBoundByARoleBindingGrantsOnlyThatNamespace(VertxTestContext ctx) {
    String[] token = new String[1];
    serviceAccountToken(api, "default", "bot")
        .compose(t -> {
          token[0] = t;
          return api.create(configMaps("default"), configMap("settings"));
        })
        .compose(v -> api.create(CLUSTER_ROLES, clusterRole("configmap-reader", rule(READ, "", "configmaps"))))
        .compose(v -> api.create(roleBindings("default"), roleBinding("read-configmaps", "ClusterRole",
            "configmap-reader", BOT_SUBJECT)))
        .compose(v -> expect(200, get(configMaps("default"), bearer(token[0]))))
        .compose(list -> {
          ctx.verify(() -> assertEquals(List.of("settings"), names(list)));
          return get(configMaps("other"), bearer(token[0]));
        })
        .compose(refused -> {
          ctx.verify(() -> assertStatus(refused, 403, "Forbidden", "configmaps is forbidden: User \"" + BOT
              + "\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"other\""));
          // Cluster-wide, a RoleBinding grants nothing either.
          return get("/api/v1/configmaps", bearer(token[0]));
        })
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden", "configmaps is forbidden: "
            + "User \"" + BOT + "\" cannot list resource \"configmaps\" in API group \"\" at the cluster scope")));
  }

  /** A binding to a role that does not exist grants nothing and says so in the refusal, as kube's RBAC does. */
  @Test
  void aBindingToAMissingRoleIsNamedInTheRefusal(VertxTestContext ctx) {
    serviceAccountToken(api, "default", "bot")
        .compose(token -> api.create(roleBindings("default"), roleBinding("dangling", "Role", "nowhere",
                BOT_SUBJECT))
            .compose(v -> get(pods("default"), bearer(token))))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden", FORBIDDEN_PODS_DEFAULT
            + ": RBAC: role.rbac.authorization.k8s.io \"nowhere\" not found")));
  }

  // --- impersonation --------------------------------------------------------------------------------------------

  /** {@code kubectl --as=system:serviceaccount:default:bot}, from the embedded admin and from a masters token. */
  @Test
  void impersonatingTheServiceAccountGetsItsAnswers(VertxTestContext ctx) {
    Map<String, String> fromToken = new HashMap<>(impersonating(BOT));
    fromToken.putAll(bearer(ADMIN_TOKEN));
    api.create(serviceAccounts("default"), RbacFixtures.serviceAccount("bot"))
        .compose(v -> get(pods("default"), impersonating(BOT)))
        .compose(refused -> {
          ctx.verify(() -> assertStatus(refused, 403, "Forbidden", FORBIDDEN_PODS_DEFAULT));
          return get(pods("default"), fromToken);
        })
        .compose(refused -> {
          ctx.verify(() -> assertStatus(refused, 403, "Forbidden", FORBIDDEN_PODS_DEFAULT));
          return grantPodReading();
        })
        .compose(v -> expect(200, get(pods("default"), impersonating(BOT))))
        .compose(v -> expect(200, get(pods("default"), fromToken)))
        .compose(v -> get(pods("other"), impersonating(BOT)))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden", "pods is forbidden: User \""
            + BOT + "\" cannot list resource \"pods\" in API group \"\" in the namespace \"other\"")));
  }

  @Test
  void anImpersonatedServiceAccountIsWhoItsTokenWouldBe(VertxTestContext ctx) {
    JsonObject review = new JsonObject().put("apiVersion", "authentication.k8s.io/v1")
        .put("kind", "SelfSubjectReview");
    expect(201, post(SELF_SUBJECT_REVIEWS, review, impersonating(BOT)))
        .onComplete(verified(ctx, answer -> assertEquals(new JsonObject().put("username", BOT)
            .put("groups", new JsonArray().add("system:serviceaccounts").add("system:serviceaccounts:default")
                .add("system:authenticated")), status(answer).getJsonObject("userInfo"))));
  }

  /** Impersonation needs the impersonate verb on the identity impersonated. */
  @Test
  void aServiceAccountMayNotImpersonateWithoutTheImpersonateVerb(VertxTestContext ctx) {
    Map<String, String> headers = new HashMap<>();
    serviceAccountToken(api, "default", "bot")
        .compose(token -> {
          headers.putAll(bearer(token));
          headers.putAll(impersonating("system:serviceaccount:default:admin-bot"));
          return get(pods("default"), headers);
        })
        .compose(refused -> {
          ctx.verify(() -> assertStatus(refused, 403, "Forbidden", "serviceaccounts \"admin-bot\" is forbidden: "
              + "User \"" + BOT + "\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the "
              + "namespace \"default\""));
          JsonObject impersonator = clusterRole("impersonator",
              rule(List.of("impersonate"), "", "serviceaccounts"));
          return api.create(CLUSTER_ROLES, impersonator)
              .compose(v -> api.create(roleBindings("default"), roleBinding("impersonator", "ClusterRole",
                  "impersonator", BOT_SUBJECT)))
              .compose(v -> api.create(CLUSTER_ROLES, clusterRole("pods-everywhere", rule(READ, "", "pods"))))
              .compose(v -> api.create(RbacFixtures.CLUSTER_ROLE_BINDINGS, roleBinding("admin-bot-pods",
                  "ClusterRole", "pods-everywhere", serviceAccountSubject("default", "admin-bot"))
                  .put("kind", "ClusterRoleBinding")));
        })
        .compose(v -> expect(200, get(pods("other"), headers)))
        .onComplete(verified(ctx, list -> assertEquals(List.of(), names(list))));
  }

  // --- reviews --------------------------------------------------------------------------------------------------

  @Test
  void aTokenReviewAuthenticatesAServiceAccountToken(VertxTestContext ctx) {
    String[] uid = new String[1];
    api.create(serviceAccounts("default"), RbacFixtures.serviceAccount("bot"))
        .compose(account -> {
          uid[0] = account.getJsonObject("metadata").getString("uid");
          return token(api, "default", "bot");
        })
        .compose(token -> expect(201, api.post(TOKEN_REVIEWS, new JsonObject()
            .put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenReview")
            .put("spec", new JsonObject().put("token", token)))))
        .onComplete(verified(ctx, review -> {
          JsonObject status = status(review);
          assertEquals(true, status.getBoolean("authenticated"));
          assertEquals(new JsonArray().add(TokenAuthenticator.DEFAULT_ISSUER), status.getJsonArray("audiences"));
          JsonObject user = status.getJsonObject("user");
          assertEquals(BOT, user.getString("username"));
          assertEquals(uid[0], user.getString("uid"));
          assertEquals(new JsonArray().add("system:serviceaccounts").add("system:serviceaccounts:default")
              .add("system:authenticated"), user.getJsonArray("groups"));
          JsonArray credential = user.getJsonObject("extra").getJsonArray(TokenAuthenticator.CREDENTIAL_ID_KEY);
          assertEquals(1, credential.size());
          assertTrue(credential.getString(0).startsWith("JTI="), credential::encode);
        }));
  }

  @Test
  void aTokenReviewOfAnUnknownTokenIsNotAuthenticated(VertxTestContext ctx) {
    expect(201, api.post(TOKEN_REVIEWS, new JsonObject().put("apiVersion", "authentication.k8s.io/v1")
        .put("kind", "TokenReview").put("spec", new JsonObject().put("token", "not-a-token"))))
        .onComplete(verified(ctx, review -> assertEquals(new JsonObject().put("user", new JsonObject())
            .put("error", "invalid bearer token"), status(review))));
  }

  @Test
  void aSubjectAccessReviewAnswersForTheServiceAccount(VertxTestContext ctx) {
    JsonObject question = subjectAccessReview("default", "bot", resourceAttributes("list", "", "pods", "",
        "default"));
    expect(201, api.post(SUBJECT_ACCESS_REVIEWS, question))
        .compose(before -> {
          ctx.verify(() -> assertEquals(new JsonObject().put("allowed", false), status(before)));
          return grantPodReading();
        })
        .compose(v -> expect(201, api.post(SUBJECT_ACCESS_REVIEWS, question)))
        .onComplete(verified(ctx, after -> {
          assertEquals(new JsonObject().put("allowed", true).put("reason", "RBAC: allowed by RoleBinding "
              + "\"pod-reader/default\" of Role \"pod-reader\" to ServiceAccount \"bot/default\""), status(after));
          assertEquals("SubjectAccessReview", after.getString("kind"));
          assertEquals(question.getJsonObject("spec"), after.getJsonObject("spec"));
        }));
  }

  @Test
  void aSelfSubjectAccessReviewAnswersForTheCaller(VertxTestContext ctx) {
    JsonObject canListPods = selfSubjectAccessReview(resourceAttributes("list", "", "pods", "", "default"));
    JsonObject canDeletePods = selfSubjectAccessReview(resourceAttributes("delete", "", "pods", "", "default"));
    String[] token = new String[1];
    serviceAccountToken(api, "default", "bot")
        .compose(t -> {
          token[0] = t;
          return expect(201, post(SELF_SUBJECT_ACCESS_REVIEWS, canListPods, bearer(t)));
        })
        .compose(before -> {
          ctx.verify(() -> assertEquals(new JsonObject().put("allowed", false), status(before)));
          return grantPodReading();
        })
        .compose(v -> expect(201, post(SELF_SUBJECT_ACCESS_REVIEWS, canListPods, bearer(token[0]))))
        .compose(after -> {
          ctx.verify(() -> assertEquals(true, status(after).getBoolean("allowed")));
          return expect(201, post(SELF_SUBJECT_ACCESS_REVIEWS, canDeletePods, bearer(token[0])));
        })
        .compose(delete -> {
          ctx.verify(() -> assertEquals(new JsonObject().put("allowed", false), status(delete)));
          // The embedded admin is in system:masters: allowed, with no reason.
          return expect(201, api.post(SELF_SUBJECT_ACCESS_REVIEWS, canDeletePods));
        })
        .onComplete(verified(ctx, admin -> assertEquals(new JsonObject().put("allowed", true), status(admin))));
  }

  // --- aggregated ClusterRoles ----------------------------------------------------------------------------------

  @Test
  void anAggregatedClusterRoleGainsTheRulesOfALabelledClusterRoleCreatedLater(VertxTestContext ctx) {
    String label = "rbac.example.com/aggregate-to-monitoring";
    JsonObject aggregate = clusterRole("monitoring").put("aggregationRule", new JsonObject()
        .put("clusterRoleSelectors", new JsonArray().add(new JsonObject()
            .put("matchLabels", new JsonObject().put(label, "true")))));
    JsonObject endpointsRule = rule(READ, "", "endpoints");
    JsonObject labelled = clusterRole("monitoring-endpoints", endpointsRule);
    labelled.getJsonObject("metadata").put("labels", new JsonObject().put(label, "true"));
    ApiWatch[] watch = new ApiWatch[1];
    String[] token = new String[1];
    serviceAccountToken(api, "default", "bot")
        .compose(t -> {
          token[0] = t;
          return api.create(roleBindings("default"), roleBinding("monitoring", "ClusterRole", "monitoring",
              BOT_SUBJECT));
        })
        .compose(v -> api.create(CLUSTER_ROLES, aggregate))
        .compose(created -> api.watch(CLUSTER_ROLES + "?watch=true&fieldSelector=" + q("metadata.name=monitoring")
            + "&resourceVersion=" + resourceVersion(created)))
        .compose(w -> {
          watch[0] = w;
          return get("/api/v1/namespaces/default/endpoints", bearer(token[0]));
        })
        .compose(refused -> {
          ctx.verify(() -> assertStatus(refused, 403, "Forbidden", "endpoints is forbidden: User \"" + BOT
              + "\" cannot list resource \"endpoints\" in API group \"\" in the namespace \"default\""));
          return api.create(CLUSTER_ROLES, labelled);
        })
        .compose(v -> watch[0].until("MODIFIED monitoring"))
        .compose(modified -> {
          ctx.verify(() -> assertEquals(new JsonArray().add(endpointsRule),
              modified.getJsonObject("object").getJsonArray("rules")));
          watch[0].close();
          return expect(200, get("/api/v1/namespaces/default/endpoints", bearer(token[0])));
        })
        .onComplete(verified(ctx, list -> assertEquals(List.of(), names(list))));
  }
}
