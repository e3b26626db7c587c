package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.http.auth.BearerAuthHandler;
import dev.reflex.http.auth.Caller;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.RoutingRules;
import dev.reflex.metrics.routing.SampleRouter;
import dev.reflex.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code remote-write.client-rate-limit} on the receiver: batches from two authenticated callers against a limit of
 * 1,000 samples per second, on a clock the test steps; what is refused is not ingested.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RemoteWriteRateLimitTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  /** One request: who sends how many samples when, and what it gets. */
  private record Post(String user, long atMillis, int samples, int status, String retryAfter) {
  }

  private static final List<Post> POSTS = List.of(
      new Post("system:serviceaccount:monitoring:prometheus", 0, 600, 204, null),
      new Post("system:serviceaccount:monitoring:prometheus", 0, 600, 429, "1"),
      new Post("system:serviceaccount:other:writer", 0, 600, 204, null),
      new Post("system:serviceaccount:monitoring:prometheus", 200, 600, 204, null));

  private static byte[] batch(int samples, long timestamp) {
    List<RawSeries> series = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      series.add(RemoteWriteEncoder.series(timestamp, i, "__name__", "rps", "namespace", "shop", "pod", "web-" + i));
    }
    return RemoteWriteEncoder.encode(series);
  }

  @Test
  void aClientOverItsRateGets429WithRetryAfterAndLosesOnlyItsOwnBatch(Vertx vertx, VertxTestContext ctx) {
    MutableClock clock = new MutableClock(T0);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SampleIngest ingest = new SampleIngest(new SampleRouter(RoutingRules.defaults(), new InMemoryPodDirectory()),
        new IngestMeters(meters), b -> { });
    RemoteWriteRoutes routes = new RemoteWriteRoutes(vertx, ingest, 4 << 20, 4, new SimpleMeterRegistry(), clock,
        new ClientRateLimiter(1000, 100, clock), NamespaceAuthorizer.ANYONE);
    Router router = Router.router(vertx);
    // Stands in for the bearer-token handler: the caller named by a test header.
    router.route().handler(rc -> {
      rc.put(BearerAuthHandler.CALLER, new Caller(rc.request().getHeader("X-Test-User"), List.of()));
      rc.next();
    });
    routes.mount(router);
    Checkpoint answered = ctx.checkpoint(POSTS.size());
    Checkpoint counted = ctx.checkpoint();
    vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").onComplete(ctx.succeeding(server -> {
      WebClient client = WebClient.create(vertx);
      Future<Void> chain = Future.succeededFuture();
      for (Post post : POSTS) {
        chain = chain.compose(v -> {
          clock.set(T0.plusMillis(post.atMillis()));
          return client.post(server.actualPort(), "127.0.0.1", RemoteWriteRoutes.PATH)
              .putHeader("Content-Encoding", "snappy").putHeader("Content-Type", "application/x-protobuf")
              .putHeader("X-Prometheus-Remote-Write-Version", "0.1.0").putHeader("X-Test-User", post.user())
              .sendBuffer(Buffer.buffer(batch(post.samples(), T0.toEpochMilli())));
        }).map((HttpResponse<Buffer> response) -> {
          ctx.verify(() -> {
            assertEquals(post.status(), response.statusCode(), post + ": " + response.bodyAsString());
            assertEquals(post.retryAfter(), response.getHeader("Retry-After"), post.toString());
            if (post.status() == 429) {
              assertTrue(response.bodyAsString().startsWith("user " + post.user() + " is over"
                  + " remote-write.client-rate-limit (1000 samples/s)"), response.bodyAsString());
            }
          });
          answered.flag();
          return null;
        });
      }
      chain.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(3 * 600.0, meters.get("reflex.metrics.samples.received").counter().count(),
            "the refused batch was not ingested");
        counted.flag();
      })));
    }));
  }
}
