package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pods;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.RbacFixtures.SELF_SUBJECT_REVIEWS;
import static dev.reflex.embedded.apiserver.RbacFixtures.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.tls.ServingCertificates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who a request is, over HTTP: static bearer tokens, a request without credentials (the embedded admin by default,
 * {@code system:anonymous} when anonymous requests are not the admin's) and the bootstrap roles that let an
 * anonymous client read {@code /version} and the health checks, but not discovery, as kube-apiserver since 1.14.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerAuthenticationTest {

  private static final String ADMIN_TOKEN = "admintoken";
  private static final Map<String, UserInfo> TOKENS = Map.of(ADMIN_TOKEN,
      new UserInfo("admin", "", List.of("system:masters"), Map.of()));

  private ApiServerFixture api;

  private Future<ApiServerFixture> start(Vertx vertx, boolean anonymousAdmin) {
    return ApiServerFixture.start(vertx, ApiServerOptions.loopback(0).withTokens(TOKENS, anonymousAdmin))
        .onSuccess(fixture -> api = fixture);
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private Future<HttpResponse<Buffer>> get(String uri, Map<String, String> headers) {
    return api.send(HttpMethod.GET, uri, null, null, headers);
  }

  private Future<JsonObject> whoAmI(Map<String, String> headers) {
    JsonObject review = new JsonObject().put("apiVersion", "authentication.k8s.io/v1")
        .put("kind", "SelfSubjectReview");
    return expect(201, api.send(HttpMethod.POST, SELF_SUBJECT_REVIEWS, ApiServerFixture.JSON, review.toBuffer(),
        headers)).map(answer -> answer.getJsonObject("status").getJsonObject("userInfo"));
  }

  @Test
  void withoutCredentialsARequestIsTheEmbeddedAdmin(Vertx vertx, VertxTestContext ctx) {
    start(vertx, true)
        .compose(v -> expect(200, get(pods("default"), Map.of())))
        .compose(v -> whoAmI(Map.of()))
        .onComplete(verified(ctx, user -> assertEquals(new JsonObject().put("username", "reflex-admin")
            .put("groups", new JsonArray().add("system:masters").add("system:authenticated")), user)));
  }

  /** The HTTPS listener serves the same API with the same identities; a client that trusts the CA verifies it. */
  @Test
  void theHttpsListenerServesTheSameApiToTokenHolders(Vertx vertx, VertxTestContext ctx) {
    ServingCertificates certificates = ServingCertificates.issue(List.of("localhost"), List.of("127.0.0.1"),
        Instant.now());
    ApiServer.start(ApiServerOptions.loopback(0).withTokens(TOKENS, false).withSecureServing(0, certificates),
        Clock.systemUTC()).onComplete(ctx.succeeding(server -> {
          WebClient tls = WebClient.create(vertx,
              new WebClientOptions().setSsl(true).setVerifyHost(true)
                  .setTrustOptions(new PemTrustOptions()
                      .addCertValue(Buffer.buffer(certificates.caPem()))));
          URI secure = URI.create(server.secureUrl());
          tls.get(secure.getPort(), "127.0.0.1", pods("default")).bearerTokenAuthentication(ADMIN_TOKEN).send()
              .compose(admin -> tls.get(secure.getPort(), "127.0.0.1", pods("default"))
                  .bearerTokenAuthentication("not-a-token").send().map(stranger -> List.of(admin, stranger)))
              .onComplete(verified(ctx, answers -> {
                server.close();
                assertEquals(200, answers.get(0).statusCode(), answers.get(0).bodyAsString());
                assertStatus(answers.get(1), 401, "Unauthorized", "Unauthorized");
              }));
        }));
  }

  @ParameterizedTest(name = "anonymousAdmin={0}")
  @CsvSource({"true", "false"})
  void aStaticTokenIsItsUserWithTheAuthenticatedGroup(boolean anonymousAdmin, Vertx vertx, VertxTestContext ctx) {
    start(vertx, anonymousAdmin)
        .compose(v -> expect(200, get(pods("default"), bearer(ADMIN_TOKEN))))
        .compose(v -> whoAmI(bearer(ADMIN_TOKEN)))
        .onComplete(verified(ctx, user -> assertEquals(new JsonObject().put("username", "admin")
            .put("groups", new JsonArray().add("system:masters").add("system:authenticated")), user)));
  }

  /** A token the server does not know is refused before authorization, whatever anonymous requests may do. */
  @ParameterizedTest(name = "anonymousAdmin={0}")
  @CsvSource({"true", "false"})
  void anUnknownBearerTokenIsUnauthorized(boolean anonymousAdmin, Vertx vertx, VertxTestContext ctx) {
    start(vertx, anonymousAdmin)
        .compose(v -> get(pods("default"), bearer("not-a-token")))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 401, "Unauthorized", "Unauthorized")));
  }

  @Test
  void anAnonymousRequestIsForbiddenToListPods(Vertx vertx, VertxTestContext ctx) {
    start(vertx, false)
        .compose(v -> get(pods("default"), Map.of()))
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 403, "Forbidden", "pods is forbidden: User \"system:anonymous\""
              + " cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");
          assertEquals(new JsonObject().put("kind", "pods"), status.getJsonObject("details"));
        }));
  }

  /** system:public-info-viewer is bound to system:unauthenticated; system:discovery only to system:authenticated. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"/version, 200", "/healthz, 200", "/livez, 200", "/readyz, 200", "/api, 403", "/apis, 403",
      "/apis/apps/v1, 403", "/openapi/v2, 403"})
  void anAnonymousClientMayReadPublicInformationOnly(String path, int code, Vertx vertx, VertxTestContext ctx) {
    start(vertx, false)
        .compose(v -> get(path, Map.of()))
        .onComplete(verified(ctx, answer -> {
          if (code == 200) {
            assertEquals(200, answer.statusCode(), answer::bodyAsString);
          } else {
            assertStatus(answer, 403, "Forbidden", "forbidden: User \"system:anonymous\" cannot get path \"" + path
                + "\"");
          }
        }));
  }

  @Test
  void anAnonymousSelfSubjectReviewIsForbidden(Vertx vertx, VertxTestContext ctx) {
    JsonObject review = new JsonObject().put("apiVersion", "authentication.k8s.io/v1")
        .put("kind", "SelfSubjectReview");
    start(vertx, false)
        .compose(v -> api.send(HttpMethod.POST, SELF_SUBJECT_REVIEWS, ApiServerFixture.JSON, review.toBuffer(),
            Map.of()))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden",
            "selfsubjectreviews.authentication.k8s.io is forbidden: User \"system:anonymous\" cannot create resource"
                + " \"selfsubjectreviews\" in API group \"authentication.k8s.io\" at the cluster scope")));
  }
}
