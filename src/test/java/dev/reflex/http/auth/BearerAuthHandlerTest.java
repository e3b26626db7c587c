package dev.reflex.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handler in front of a router as Reflex mounts it: the probe open, a remote-write-like POST with a body handler
 * behind it, a GET that says who called. Requests go one after the other, so the cache's effect is visible in how
 * often the reviewer was asked.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class BearerAuthHandlerTest {

  private record Call(String what, HttpMethod method, String path, String authorization, int status,
      String bodyContains) {
  }

  private static final List<Call> CALLS = List.of(
      new Call("the probe without credentials", HttpMethod.GET, "/healthz", null, 200, "ok"),
      new Call("no credentials", HttpMethod.POST, "/write", null, 401, "no credentials"),
      new Call("basic credentials", HttpMethod.POST, "/write", "Basic YWxpY2U6c2VjcmV0", 401,
          "only bearer tokens"),
      new Call("an empty bearer token", HttpMethod.POST, "/write", "Bearer   ", 401, "only bearer tokens"),
      new Call("a rejected token", HttpMethod.POST, "/write", "Bearer expired", 401,
          "rejected: token has expired"),
      new Call("an accepted token, the body read after the review", HttpMethod.POST, "/write", "Bearer good", 200,
          "read 11 bytes"),
      new Call("the same token again, from the cache", HttpMethod.GET, "/whoami", "bearer good", 200,
          "system:serviceaccount:monitoring:prometheus"),
      new Call("the API server unreachable", HttpMethod.POST, "/write", "Bearer unknown", 503,
          "cannot check the bearer token"));

  @Test
  void everyRequestButTheProbeNeedsATokenTheApiServerAccepts(Vertx vertx, VertxTestContext ctx) {
    AtomicInteger reviews = new AtomicInteger();
    Map<String, TokenVerdict> verdicts = Map.of(
        "good", new TokenVerdict.Accepted(new Caller("system:serviceaccount:monitoring:prometheus",
            List.of("system:serviceaccounts"))),
        "expired", new TokenVerdict.Rejected("token has expired"));
    TokenReviewer reviewer = token -> {
      reviews.incrementAndGet();
      TokenVerdict verdict = verdicts.get(token);
      // The review answers later, as a call to the API server does, so the body arrives meanwhile.
      return vertx.timer(20).compose(t -> verdict == null
          ? Future.failedFuture("connection refused") : Future.succeededFuture(verdict));
    };
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BearerAuthHandler auth = new BearerAuthHandler(
        new VerdictCache<>(Duration.ofMinutes(2), v -> v instanceof TokenVerdict.Accepted, 100,
            new MutableClock(Instant.parse("2026-12-04T10:00:00Z"))),
        reviewer, registry);
    Router router = Router.router(vertx);
    router.get("/healthz").handler(rc -> rc.end("ok"));
    router.route().handler(auth);
    router.post("/write").handler(BodyHandler.create(false))
        .handler(rc -> rc.end("read " + rc.body().length() + " bytes"));
    router.get("/whoami").handler(rc -> rc.end(rc.<Caller>get(BearerAuthHandler.CALLER).username()));

    Checkpoint answered = ctx.checkpoint(CALLS.size());
    Checkpoint counted = ctx.checkpoint();
    vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").onComplete(ctx.succeeding(server -> {
      HttpClient client = vertx.createHttpClient();
      Future<Void> chain = Future.succeededFuture();
      for (Call call : CALLS) {
        chain = chain.compose(v -> send(client, server, call).map(answer -> {
          ctx.verify(() -> {
            assertEquals(call.status(), answer.status(), call.what() + ": " + answer.body());
            assertTrue(answer.body().contains(call.bodyContains()), call.what() + ": " + answer.body());
            if (answer.status() == 401) {
              assertEquals("Bearer realm=\"reflex\"", answer.challenge(), call.what());
            }
          });
          answered.flag();
          return null;
        }));
      }
      chain.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        // expired, good (once: the second call was answered from the cache), unknown
        assertEquals(3, reviews.get());
        assertEquals(2.0, registry.get("reflex_http_auth").tag("outcome", "accepted").counter().count());
        assertEquals(3.0, registry.get("reflex_http_auth").tag("outcome", "missing").counter().count());
        assertEquals(1.0, registry.get("reflex_http_auth").tag("outcome", "unavailable").counter().count());
        counted.flag();
      })));
    }));
  }

  private record Answer(int status, String body, String challenge) {
  }

  private static Future<Answer> send(HttpClient client, HttpServer server, Call call) {
    RequestOptions options = new RequestOptions().setMethod(call.method()).setHost("127.0.0.1")
        .setPort(server.actualPort()).setURI(call.path());
    if (call.authorization() != null) {
      options.putHeader("Authorization", call.authorization());
    }
    return client.request(options)
        .compose(req -> call.method() == HttpMethod.POST ? req.send(Buffer.buffer("hello world")) : req.send())
        .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString(),
            response.getHeader("WWW-Authenticate"))));
  }
}
