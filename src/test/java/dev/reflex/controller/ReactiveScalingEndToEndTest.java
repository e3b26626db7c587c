package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactive scaling on real time: the seed's CPU tutorial through KubeHPA portraits and the simulated
 * metrics-server, and a burst through remote-write samples and the streamed KPA.
 */
class ReactiveScalingEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir
  static Path dir;

  static EmbeddedReflex reflex;

  @BeforeAll
  static void start() {
    reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of());
  }

  @AfterAll
  static void stop() {
    reflex.close();
  }

  /**
   * Seed 000's reactive tutorial: nginx pods request 100m CPU, the target is 30 % utilization. A load of 170m
   * makes one pod 171 % utilized: ceil(1 × 171 / 30) = 6 pods, at which each pod is at (170 / 6 + 1) / 100 = 29 %,
   * within tolerance. When the load stops, each pod idles at 1 %, and the workload returns to 1 pod.
   */
  @Test
  void cpuLoadScalesOneToSixAndBackToOne() {
    reflex.apply(ControllersEndToEndTest.statefulSet("cpu-web", 1));
    reflex.apply(ControllersEndToEndTest.ihpa("cpu-ihpa", "cpu-web", "StatefulSet", """
          - type: Dynamic
            priority: 1
            dynamic:
              portraitType: Reactive
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 30}}
              algorithm:
                type: KubeHPA
                kubeHPA: {syncPeriod: 1s, cpuInitializationPeriod: 1s, initialReadinessDelay: 1s}
        """, ""));
    Eventually.until(WAIT, "one ready pod", () -> reflex.readyPods("cpu-web") == 1);
    reflex.cluster.load().set("default/StatefulSet/cpu-web", 170);
    Eventually.until(WAIT, "scaled to 6", () -> reflex.replicas("StatefulSet", "cpu-web") == 6);
    reflex.cluster.load().set("default/StatefulSet/cpu-web", 0);
    Eventually.until(WAIT, "back to 1", () -> reflex.replicas("StatefulSet", "cpu-web") == 1);
  }

  /**
   * A burst of requests arrives through remote-write: per-pod rps jumps from 30 to 300 against a target of
   * 50 × 0.7 = 35 per pod, so the streamed KPA panics and asks for ceil(2 × 300 / 35) = 18 pods at once.
   */
  @Test
  void remoteWriteBurstScalesUpThroughTheStreamedKpa() throws Exception {
    reflex.apply(ControllersEndToEndTest.statefulSet("burst-web", 2));
    reflex.apply(ControllersEndToEndTest.ihpa("burst-ihpa", "burst-web", "StatefulSet",
        ControllersEndToEndTest.kpaRpsProvider(
            "targetUtilizationPercentage: 70, stableWindow: 60s, scaleDownDelay: 30s"), "")
        .replace("maxReplicas: 10", "maxReplicas: 30"));
    Eventually.until(WAIT, "two ready pods", () -> reflex.readyPods("burst-web") == 2);
    HttpClient http = reflex.runtime.vertx().createHttpClient();
    MetricsPortrait steady = streamUntil(http, "burst-web", 30, MetricsPortrait::hasRecommendation);
    assertEquals(2, steady.desiredReplicas(), "steady demand within target keeps 2 pods: " + steady);
    assertEquals(2, reflex.replicas("StatefulSet", "burst-web"));
    MetricsPortrait burst = streamUntil(http, "burst-web", 300, p -> p.desiredReplicas() >= 18);
    assertTrue(burst.panic(), "a tenfold jump panics: " + burst);
    Eventually.until(WAIT, "burst scaled up", () -> reflex.replicas("StatefulSet", "burst-web") >= 18);
    assertTrue(reflex.replicas("StatefulSet", "burst-web") <= 30);
  }

  /**
   * Streams {@code rps} per pod, one remote-write every 200 ms, until the streamed KPA publishes a portrait of the
   * workload that {@code wanted} accepts; answers that portrait. Each wait is on the portrait itself, so the test
   * moves on as soon as the decision is made.
   */
  private static MetricsPortrait streamUntil(HttpClient http, String workload, double rps,
      Predicate<MetricsPortrait> wanted) throws Exception {
    CompletableFuture<MetricsPortrait> seen = new CompletableFuture<>();
    MessageConsumer<MetricsPortrait> portraits = reflex.runtime.vertx().eventBus()
        .localConsumer(Addresses.METRICS_PORTRAIT, m -> {
          if (m.body().target().name().equals(workload) && wanted.test(m.body())) {
            seen.complete(m.body());
          }
        });
    try {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        reflex.remoteWrite(http, workload, "rps", rps);
        try {
          return seen.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
          // the next sample of the stream
        }
      }
      throw new AssertionError("no portrait of " + workload + " as wanted within " + WAIT);
    } finally {
      portraits.unregister();
    }
  }


}
