package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.Codecs;
import dev.reflex.bus.ScaleMessage;
import dev.reflex.bus.ScaleMessage.ScaleApplied;
import dev.reflex.bus.ScaleMessage.ScaleFailed;
import dev.reflex.bus.ScaleMessage.ScaleRequest;
import dev.reflex.bus.TargetKey;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.testing.EmbeddedApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reflex's one writer of {@code /scale}, against the embedded API server with injected faults: every request is
 * answered with the outcome of the patch that served it, requests behind a patch in flight coalesce into one patch
 * of the latest count, retriable errors are retried, and what keeps failing is answered as a failure.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ScaleActuatorVerticleTest {

  private static final TargetKey WEB = new TargetKey("default", "web");
  private static final String SCALE = "statefulsets/web/scale";

  @TempDir
  Path dir;

  private EmbeddedApi api;
  private EmbeddedCluster cluster;
  private KubeRest rest;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    Codecs.register(vertx.eventBus());
    EmbeddedApi.start(vertx, dir)
        .compose(started -> {
          api = started;
          cluster = started.cluster;
          rest = started.rest;
          return rest.create("/apis/apps/v1/namespaces/default/statefulsets", statefulSet());
        })
        .compose(created -> vertx.deployVerticle(new ScaleActuatorVerticle(rest, new SimpleMeterRegistry(),
            Duration.ofSeconds(5))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void requestsBehindAPatchInFlightCoalesceAndAreAnsweredByIt(Vertx vertx, VertxTestContext ctx) {
    // Every scale patch is held 300 ms, so the second and third requests arrive while the first is in flight.
    cluster.faults().delayAtRate("PATCH", SCALE, Duration.ofMillis(300), 1.0);
    Checkpoint answered = ctx.checkpoint(3);
    List<Integer> asked = List.of(2, 3, 4);
    List<Integer> served = List.of(2, 4, 4);
    for (int i = 0; i < asked.size(); i++) {
      int expected = served.get(i);
      request(vertx, asked.get(i)).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
        assertEquals(expected, assertInstanceOf(ScaleApplied.class, reply.body()).replicas(), "replicas served");
        answered.flag();
      })));
    }
    waitAll(vertx, ctx, () -> {
      assertEquals(2, scalePatches(), "one patch for the first request, one for the two behind it");
      return rest.get("/apis/apps/v1/namespaces/default/statefulsets/web/scale")
          .map(scale -> scale.getJsonObject("spec").getInteger("replicas"));
    }, replicas -> assertEquals(4, replicas));
  }

  @Test
  void conflictsAreRetriedUntilThePatchIsAccepted(Vertx vertx, VertxTestContext ctx) {
    cluster.faults().failWrites(SCALE, 409, 2);
    request(vertx, 3).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertEquals(3, assertInstanceOf(ScaleApplied.class, reply.body()).replicas());
      assertEquals(3, scalePatches(), "two conflicts, then the accepted patch");
      ctx.completeNow();
    })));
  }

  @Test
  void aServerThatKeepsFailingIsAnsweredAsAFailureAndPublished(Vertx vertx, VertxTestContext ctx) {
    cluster.faults().failAtRate("PATCH", SCALE, 500, 1.0);
    Checkpoint published = ctx.checkpoint();
    Checkpoint answered = ctx.checkpoint();
    vertx.eventBus().<ScaleMessage>localConsumer(Addresses.ACTUATOR_SCALE_RESULT, m -> {
      if (m.body() instanceof ScaleFailed) {
        published.flag();
      }
    });
    request(vertx, 5).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      ScaleFailed failed = assertInstanceOf(ScaleFailed.class, reply.body());
      assertEquals(5, failed.replicas());
      assertTrue(failed.error().contains("500"), failed.error());
      assertEquals(ScaleActuatorVerticle.MAX_ATTEMPTS, scalePatches(), "every attempt was made");
      answered.flag();
    })));
  }

  private static Future<Message<ScaleMessage>> request(Vertx vertx, int replicas) {
    return vertx.eventBus().request(Addresses.ACTUATOR_SCALE, new ScaleRequest("StatefulSet", WEB, replicas,
        "test"));
  }

  /** Scale patches the API server received from clients (refused ones included). */
  private long scalePatches() {
    return cluster.faults().recentWrites().stream().filter(w -> w.startsWith("PATCH") && w.contains(SCALE)).count();
  }

  /** Runs a check once every checkpoint of the test but this one has been flagged, then completes the test. */
  private static <T> void waitAll(Vertx vertx, VertxTestContext ctx, CheckedSupplier<Future<T>> check,
      java.util.function.Consumer<T> verify) {
    Checkpoint done = ctx.checkpoint();
    vertx.setPeriodic(20, id -> {
      if (ctx.unsatisfiedCheckpointCallSites().size() == 1) {
        vertx.cancelTimer(id);
        try {
          check.get().onComplete(ctx.succeeding(value -> ctx.verify(() -> {
            verify.accept(value);
            done.flag();
          })));
        } catch (Throwable e) {
          ctx.failNow(e);
        }
      }
    });
  }

  @FunctionalInterface
  private interface CheckedSupplier<T> {
    T get() throws Throwable;
  }

  private static JsonObject statefulSet() {
    return new JsonObject("""
        {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "web", "namespace": "default"},
         "spec": {"replicas": 1, "serviceName": "web", "selector": {"matchLabels": {"app": "web"}},
                  "template": {"metadata": {"labels": {"app": "web"}},
                               "spec": {"containers": [{"name": "main", "image": "nginx:stable"}]}}}}
        """);
  }
}
