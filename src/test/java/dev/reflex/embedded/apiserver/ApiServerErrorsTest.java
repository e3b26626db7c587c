package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMap;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMaps;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployment;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployments;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refusals: every request is answered, and every refusal is a v1 Status with kube's code, reason, message and
 * details; faults injected through the request gate are answered the same way.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerErrorsTest {

  private static final String CM = configMaps("default");

  private ApiServerFixture api;

  private void start(Vertx vertx, VertxTestContext ctx, ApiServerOptions options, Runnable then) {
    ApiServerFixture.start(vertx, options).onComplete(ctx.succeeding(fixture -> {
      api = fixture;
      then.run();
    }));
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private record BadRequest(HttpMethod method, String uri, String contentType, String body, int code,
      String reason) {
  }

  /** Malformed requests of every sort, sent at once: each must come back as a Status of its code. */
  @Test
  void everyBadRequestIsAnsweredWithAStatus(Vertx vertx, VertxTestContext ctx) {
    List<BadRequest> requests = List.of(
        new BadRequest(HttpMethod.GET, CM + "/missing", null, null, 404, "NotFound"),
        new BadRequest(HttpMethod.GET, "/apis/nothing.example/v1/things", null, null, 404, "NotFound"),
        new BadRequest(HttpMethod.GET, "/api/v1/namespaces/default/nothings", null, null, 404, "NotFound"),
        new BadRequest(HttpMethod.POST, CM, "application/json", "{not json", 400, "BadRequest"),
        new BadRequest(HttpMethod.POST, CM, "application/json", "", 400, "BadRequest"),
        new BadRequest(HttpMethod.POST, CM, "application/json", "[1,2]", 400, "BadRequest"),
        new BadRequest(HttpMethod.POST, CM, "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\"}}", 400, "BadRequest"),
        new BadRequest(HttpMethod.GET, CM + "?limit=abc", null, null, 400, "BadRequest"),
        new BadRequest(HttpMethod.PATCH, CM + "/missing", "application/merge-patch+json", "{}", 404, "NotFound"),
        new BadRequest(HttpMethod.PUT, CM, "application/json", "{}", 405, "MethodNotAllowed"),
        new BadRequest(HttpMethod.POST, CM, "text/plain", "hello", 415, "UnsupportedMediaType"),
        new BadRequest(HttpMethod.POST, CM, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}",
            422, "Invalid"));
    Checkpoint answered = ctx.checkpoint(requests.size() + 1);
    start(vertx, ctx, ApiServerOptions.loopback(0), () -> {
      api.create(CM, configMap("exists")).onComplete(ctx.succeeding(v -> {
        answered.flag();
        for (BadRequest request : requests) {
          api.send(request.method(), request.uri(), request.contentType(),
              request.body() == null ? null : Buffer.buffer(request.body()), Map.of())
              .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                assertStatus(response, request.code(), request.reason(), null);
                answered.flag();
              })));
        }
      }));
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/api/v1/namespaces/default/configmaps/missing | configmaps \"missing\" not found | "
          + "{\"name\":\"missing\",\"kind\":\"configmaps\"}",
      "/apis/apps/v1/namespaces/default/deployments/missing | deployments.apps \"missing\" not found | "
          + "{\"name\":\"missing\",\"group\":\"apps\",\"kind\":\"deployments\"}",
      "/api/v1/namespaces/missing | namespaces \"missing\" not found | {\"name\":\"missing\",\"kind\":\"namespaces\"}"})
  void aMissingObjectIsNotFoundWithItsNameAndResource(String uri, String message, String details, Vertx vertx,
      VertxTestContext ctx) {
    start(vertx, ctx, ApiServerOptions.loopback(0), () -> api.get(uri).onComplete(verified(ctx, response -> {
      JsonObject status = assertStatus(response, 404, "NotFound", message);
      assertEquals(new JsonObject(details), status.getJsonObject("details"));
    })));
  }

  @Test
  void anInvalidObjectNamesEachCause(Vertx vertx, VertxTestContext ctx) {
    JsonObject bad = deployment("web");
    bad.getJsonObject("spec").put("replicas", -1).put("strategy", new JsonObject().put("type", "Recreate")
        .put("rollingUpdate", new JsonObject()));
    start(vertx, ctx, ApiServerOptions.loopback(0), () -> api.post(deployments("default"), bad)
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 422, "Invalid", "Deployment.apps \"web\" is invalid: ["
              + "spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.strategy.rollingUpdate: "
              + "Forbidden: may not be specified when strategy `type` is 'Recreate']");
          assertEquals(new JsonObject().put("name", "web").put("group", "apps").put("kind", "Deployment")
              .put("causes", new JsonArray()
                  .add(new JsonObject().put("reason", "FieldValueInvalid")
                      .put("message", "Invalid value: -1: must be greater than or equal to 0")
                      .put("field", "spec.replicas"))
                  .add(new JsonObject().put("reason", "FieldValueForbidden")
                      .put("message", "Forbidden: may not be specified when strategy `type` is 'Recreate'")
                      .put("field", "spec.strategy.rollingUpdate"))), status.getJsonObject("details"));
        })));
  }

  /** A gate that fails writes to ConfigMaps with 500 and to Secrets with 409, and lets everything else through. */
  @Test
  void injectedFaultsAreAnsweredAsStatusesAndOnlyWhereInjected(Vertx vertx, VertxTestContext ctx) {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    RequestGate gate = (method, path, userAgent) -> {
      seen.add(method + " " + path);
      if ("GET".equals(method)) {
        return RequestGate.Verdict.PASS;
      }
      return RequestGate.Verdict.fail(path.contains("/configmaps") ? 500 : path.contains("/secrets") ? 409 : 0);
    };
    Checkpoint answered = ctx.checkpoint(4);
    start(vertx, ctx, ApiServerOptions.loopback(0).withGate(gate), () -> {
      api.post(CM, configMap("a")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
        assertStatus(r, 500, "InternalError", null);
        answered.flag();
      })));
      api.post("/api/v1/namespaces/default/secrets", new JsonObject().put("apiVersion", "v1").put("kind", "Secret")
          .put("metadata", new JsonObject().put("name", "s"))).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertStatus(r, 409, "Conflict", null);
            answered.flag();
          })));
      api.get(CM).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
        assertEquals(200, r.statusCode());
        answered.flag();
      })));
      api.post(deployments("default"), deployment("web")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
        assertEquals(201, r.statusCode(), r::bodyAsString);
        assertEquals(true, seen.contains("POST /apis/apps/v1/namespaces/default/deployments"), seen::toString);
        answered.flag();
      })));
    });
  }
}
