package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.app.Runtime;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import dev.reflex.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a controller wrote is read back at once, before its watch echo, and the echo hands the object back to the
 * informer: a later change by someone else shows up long before the written object's time limit.
 */
class ResourceCacheWrittenTest {

  @TempDir
  static Path dir;

  static Runtime runtime;
  static KubeOps ops;
  static EmbeddedCluster cluster;
  static KubernetesClient client;
  static KubeRest rest;
  static ResourceCache cache;
  static Context context;
  /** Times the written objects' wait for their echo; only the lapse test moves it. */
  static final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

  @BeforeAll
  static void start() {
    ReflexConfig config = ConfigLoader.load(null, Map.of("REFLEX_EMBEDDED_WORKLOADS", "",
        "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString()));
    runtime = Runtime.create();
    ops = new KubeOps(runtime.vertx(), 2, Duration.ofSeconds(10));
    cluster = EmbeddedReflex.await(EmbeddedCluster.start(runtime.vertx(), config, ops, Clock.systemUTC()));
    client = cluster.client();
    rest = new KubeRest(client, runtime.vertx(), Duration.ofSeconds(10));
    context = runtime.vertx().getOrCreateContext();
    cache = new ResourceCache(client, clock);
    // Written as the controllers write: on the writer's context, which hears every event.
    cache.subscribeWriter(context, (kind, object, deleted) -> { });
    EmbeddedReflex.await(cache.start(context));
  }

  @AfterAll
  static void stop() {
    cache.stop();
    cluster.close();
    ops.close();
    EmbeddedReflex.await(runtime.vertx().close());
  }

  @Test
  void aWrittenObjectIsReadBeforeItsEchoAndTheEchoHandsItBack() {
    String path = Kind.CONFIG_MAP.path("default", "written");
    EmbeddedReflex.await(rest.create(Kind.CONFIG_MAP.collection("default"), new JsonObject()
        .put("apiVersion", "v1").put("kind", "ConfigMap")
        .put("metadata", new JsonObject().put("name", "written").put("namespace", "default"))
        .put("data", new JsonObject().put("step", "created"))));
    Eventually.until(Duration.ofSeconds(10), "created in the cache", () -> "created".equals(data("step")));

    String seenAtOnce = EmbeddedReflex.await(onContext(() -> rest.mergePatch(path,
            new JsonObject().put("data", new JsonObject().put("step", "ours")))
        .map(stored -> {
          cache.wrote(Kind.CONFIG_MAP, stored);
          return cache.get(Kind.CONFIG_MAP, "default", "written").getJsonObject("data").getString("step");
        })));
    assertEquals("ours", seenAtOnce, "read back in the same turn, before any watch event");

    EmbeddedReflex.await(rest.mergePatch(path, new JsonObject().put("data", new JsonObject().put("other", "theirs"))));
    Eventually.until(Duration.ofSeconds(5), "a later change by someone else is seen", () -> "theirs".equals(
        data("other")));
    assertEquals("ours", data("step"));
  }

  /**
   * A copy whose echo never comes (recorded as written, never sent) hides the informer's version only for
   * {@code WRITTEN_TTL_SECONDS}: stepping the clock past it hands the key back to the informer.
   */
  @Test
  void aWrittenCopyWithoutEchoLapsesAfterItsTimeToLive() {
    String name = "never-echoed";
    EmbeddedReflex.await(rest.create(Kind.CONFIG_MAP.collection("default"), new JsonObject()
        .put("apiVersion", "v1").put("kind", "ConfigMap")
        .put("metadata", new JsonObject().put("name", name).put("namespace", "default"))
        .put("data", new JsonObject().put("step", "stored"))));
    Eventually.until(Duration.ofSeconds(10), "stored in the cache", () -> "stored".equals(step(name)));
    EmbeddedReflex.await(onContext(() -> {
      JsonObject copy = cache.get(Kind.CONFIG_MAP, "default", name).copy();
      copy.getJsonObject("metadata").put("resourceVersion", "999999999");
      cache.wrote(Kind.CONFIG_MAP, copy.put("data", new JsonObject().put("step", "written")));
      return Future.succeededFuture();
    }));
    clock.advance(Duration.ofSeconds(ResourceCache.WRITTEN_TTL_SECONDS));
    assertEquals("written", step(name), "still ahead of the informer at the time to live");
    clock.advance(Duration.ofSeconds(1));
    assertEquals("stored", step(name), "handed back to the informer once the time to live has passed");
  }

  private static String step(String name) {
    JsonObject cm = EmbeddedReflex.await(onContext(() -> Future.succeededFuture(
        cache.get(Kind.CONFIG_MAP, "default", name))));
    return cm == null ? null : cm.getJsonObject("data", new JsonObject()).getString("step");
  }

  /** A custom resource with a status subresource, like the ReplicaProfiles the IHPA controller creates. */
  @Test
  void aCreatedObjectIsReadAtOnceAndGivesWayToTheWatch() {
    String name = "created-here";
    JsonObject created = EmbeddedReflex.await(onContext(() -> rest.create(Kind.RP.collection("default"),
        new JsonObject().put("apiVersion", Kind.RP.apiVersion()).put("kind", Kind.RP.kind())
            .put("metadata", new JsonObject().put("name", name).put("namespace", "default"))
            .put("spec", new JsonObject().put("onlineReplicas", 1).put("scaleTargetRef", new JsonObject()
                .put("apiVersion", "apps/v1").put("kind", "StatefulSet").put("name", "web")))).map(stored -> {
                  cache.wrote(Kind.RP, stored);
                  return cache.get(Kind.RP, "default", name);
                })));
    assertEquals(1, created.getJsonObject("spec").getInteger("onlineReplicas"), "read before the ADDED event");

    EmbeddedReflex.await(rest.mergePatch(Kind.RP.path("default", name) + "/status",
        new JsonObject().put("status", new JsonObject().put("onlineReplicas", 1))));
    Eventually.until(Duration.ofSeconds(5), "a later status is seen, not hidden by what we created", () -> {
      JsonObject rp = EmbeddedReflex.await(onContext(() -> Future.succeededFuture(
          cache.get(Kind.RP, "default", name))));
      return rp != null && rp.getJsonObject("status") != null;
    });
  }

  private static String data(String key) {
    JsonObject cm = EmbeddedReflex.await(onContext(() -> Future.succeededFuture(
        cache.get(Kind.CONFIG_MAP, "default", "written"))));
    return cm == null ? null : cm.getJsonObject("data", new JsonObject()).getString(key);
  }

  private static <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }
}
