package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.TargetKey;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed KPA recommendation reaches its IHPA once, from the bus: the KPA portrait's status write that records
 * it, and that write's watch echo, wake nobody. Timers that could wake the IHPA on their own (resync, decision
 * interval, staleness) are an hour away, so every pass counted is caused by the recommendation.
 */
class StreamedWakeUpTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dir;

  static EmbeddedReflex reflex;

  @BeforeAll
  static void start() {
    reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of("REFLEX_KUBE_RESYNC_PERIOD", "1h",
        "REFLEX_METRICS_DECISION_INTERVAL", "1h", "REFLEX_METRICS_STALE_AFTER", "1h"));
  }

  @AfterAll
  static void stop() {
    reflex.close();
  }

  /**
   * A first recommendation of 2 creates the ReplicaProfile. Then maxReplicas 2 clamps a recommendation of 5, so the
   * profile does not change: the only pass is the one the bus asks for. The IHPA's own status write, the portrait's
   * status write and both their watch echoes wake nobody.
   */
  @Test
  void aRecommendationWakesItsIhpaOnceFromTheBus() {
    reflex.apply(ControllersEndToEndTest.statefulSet("wake-web", 2));
    reflex.apply(ControllersEndToEndTest.ihpa("wake-ihpa", "wake-web", "StatefulSet",
        ControllersEndToEndTest.kpaRpsProvider(""), "").replace("maxReplicas: 10", "maxReplicas: 2"));
    TargetKey portrait = new TargetKey("default", "wake-ihpa-reactive");
    Eventually.until(WAIT, "the KPA portrait registered, two ready pods", () -> reflex.app.controllers().idle()
        && portrait(portrait) != null && reflex.readyPods("wake-web") == 2);
    recommend(2);
    Eventually.until(WAIT, "the profile ensured, the portrait at 2", () -> recorded(portrait, 2)
        && ensured(new TargetKey("default", "wake-ihpa")) && reflex.app.controllers().idle());
    long before = reflex.app.controllers().ihpaPasses();

    recommend(5);

    Eventually.until(WAIT, "the portrait recorded 5 and the controllers settled", () -> recorded(portrait, 5)
        && reflex.app.controllers().idle());
    assertEquals(1, reflex.app.controllers().ihpaPasses() - before,
        "one pass from the bus; none from the status writes or their echoes");
    assertEquals(2, reflex.replicas("StatefulSet", "wake-web"), "clamped to maxReplicas");
  }

  private static void recommend(int replicas) {
    reflex.runtime.vertx().eventBus().publish(Addresses.METRICS_PORTRAIT, new MetricsPortrait(
        new TargetKey("default", "wake-web"), "rps", replicas, true, false, MetricsPortrait.Reason.PANIC, 2, 250, 250,
        Instant.now()));
  }

  private static boolean recorded(TargetKey key, int replicas) {
    JsonObject hp = portrait(key);
    return hp != null && Integer.valueOf(replicas).equals(hp.getJsonObject("status", new JsonObject())
        .getJsonObject("portraitData", new JsonObject()).getJsonObject("static", new JsonObject())
        .getInteger("replicas"));
  }

  private static boolean ensured(TargetKey key) {
    JsonObject rp = EmbeddedReflex.await(reflex.rest.get(Kind.RP.path(key.namespace(), key.name()))
        .recover(notYet -> Future.succeededFuture(null)));
    return rp != null && String.valueOf(rp.getJsonObject("status", new JsonObject()).getJsonArray("conditions"))
        .contains("\"type\":\"Ensured\",\"status\":\"True\"");
  }

  /** The portrait as the API server has it, or null. */
  private static JsonObject portrait(TargetKey key) {
    return EmbeddedReflex.await(reflex.rest.get(Kind.HP.path(key.namespace(), key.name()))
        .recover(notYet -> Future.succeededFuture(null)));
  }
}
