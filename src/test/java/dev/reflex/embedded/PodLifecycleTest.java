package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The kubelet part of the simulator, stepped with an explicit clock. */
class PodLifecycleTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DELAY = Duration.ofSeconds(2);

  @Test
  void pendingPodStartsRunningNotReadyAndAsksToBeCheckedAfterTheDelay() {
    PodLifecycle.Step step = PodLifecycle.next(pod(false), T0, DELAY, "10.0.0.9");
    JsonObject status = step.status().orElseThrow();
    assertEquals("Running", status.getString("phase"));
    assertEquals("10.0.0.9", status.getString("podIP"));
    assertFalse(PodLifecycle.ready(new JsonObject().put("status", status)));
    assertEquals(DELAY, step.recheckIn().orElseThrow());
  }

  @Test
  void runningPodTurnsReadyOnlyOnceTheDelayHasPassed() {
    JsonObject running = withStatus(pod(false), PodLifecycle.next(pod(false), T0, DELAY, "ip").status().get());
    PodLifecycle.Step early = PodLifecycle.next(running, T0.plusMillis(500), DELAY, "ip");
    assertTrue(early.status().isEmpty());
    assertEquals(Duration.ofMillis(1500), early.recheckIn().orElseThrow());
    PodLifecycle.Step due = PodLifecycle.next(running, T0.plus(DELAY), DELAY, "ip");
    assertTrue(PodLifecycle.ready(new JsonObject().put("status", due.status().orElseThrow())));
  }

  @Test
  void optedInPodGetsTheOnlineConditionDefaultedToTrue() {
    JsonObject status = PodLifecycle.next(pod(true), T0, DELAY, "ip").status().orElseThrow();
    assertTrue(status.getJsonArray("conditions").stream().anyMatch(c -> ((JsonObject) c).getString("type")
        .equals("kapacitystack.io/online") && ((JsonObject) c).getString("status").equals("True")));
  }

  @Test
  void falseReadinessGateKeepsAStartedPodOutOfReady() {
    JsonObject pod = pod(true);
    pod.getJsonObject("spec").put("readinessGates", new JsonArray().add(new JsonObject()
        .put("conditionType", "kapacitystack.io/online")));
    JsonObject running = withStatus(pod, PodLifecycle.next(pod, T0, DELAY, "ip").status().get());
    JsonObject ready = withStatus(running, PodLifecycle.next(running, T0.plus(DELAY), DELAY, "ip").status().get());
    assertTrue(PodLifecycle.ready(ready));
    JsonObject cut = ready.copy();
    cut.getJsonObject("status").getJsonArray("conditions").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("type").equals("kapacitystack.io/online")).forEach(c -> c.put("status", "False"));
    JsonObject after = withStatus(cut, PodLifecycle.next(cut, T0.plusSeconds(10), DELAY, "ip").status()
        .orElseThrow());
    assertFalse(PodLifecycle.ready(after));
    assertTrue(PodLifecycle.next(after, T0.plusSeconds(11), DELAY, "ip").status().isEmpty(), "steady: no write");
  }

  private static JsonObject pod(boolean optIn) {
    JsonObject labels = new JsonObject().put("app", "x");
    if (optIn) {
      labels.put("kapacitystack.io/inject-pod-readiness-gate", "true");
    }
    return new JsonObject().put("metadata", new JsonObject().put("name", "x-0").put("labels", labels))
        .put("spec", new JsonObject().put("containers", new JsonArray().add(new JsonObject().put("name", "c"))))
        .put("status", new JsonObject().put("phase", "Pending"));
  }

  private static JsonObject withStatus(JsonObject pod, JsonObject status) {
    return pod.copy().put("status", status);
  }
}
