package dev.reflex.core.kpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resolving config-autoscaler keys and per-target settings into a decider spec. */
class DeciderSpecTest {

  record Target(String name, Map<String, Object> keys, double wantTarget, double wantTotal) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Target> targets() {
    return Stream.of(
        new Target("defaults: concurrency 100 x 0.7", Map.of(), 70, 100),
        new Target("rps defaults: 200 x 0.7", Map.of("metric", "rps"), 140, 200),
        new Target("containerConcurrency 10 replaces the default total", Map.of("containerConcurrency", 10), 7, 10),
        new Target("seed 004: containerConcurrency 10 at 70 %",
            Map.of("containerConcurrency", "10", "container-concurrency-target-percentage", "70"), 7, 10),
        new Target("target annotation replaces the total", Map.of("target", "50"), 35, 50),
        new Target("target annotation is capped by containerConcurrency",
            Map.of("target", "50", "containerConcurrency", 20), 14, 20),
        new Target("target annotation below containerConcurrency wins",
            Map.of("target", "10", "containerConcurrency", 20), 7, 10),
        new Target("seed 004 scenario: target 10", Map.of("target", "10"), 7, 10),
        new Target("target utilization replaces the percentage",
            Map.of("target", "10", "target-utilization-percentage", "50"), 5, 10),
        new Target("target utilization 100 % makes target equal total",
            Map.of("containerConcurrency", 8, "target-utilization-percentage", 100), 8, 8),
        new Target("rps target annotation is not capped by containerConcurrency",
            Map.of("metric", "rps", "target", "150", "containerConcurrency", 10), 105, 150),
        new Target("rps utilization annotation", Map.of("metric", "rps", "target-utilization-percentage", "50"),
            100, 200),
        new Target("rps default from the ConfigMap", Map.of("metric", "rps", "requests-per-second-target-default",
            "150"), 105, 150),
        new Target("concurrency default from the ConfigMap", Map.of("container-concurrency-target-default", "200"),
            140, 200),
        new Target("cluster percentage as a fraction", Map.of("container-concurrency-target-percentage", "0.5"),
            50, 100),
        new Target("a tiny target is raised to 0.01", Map.of("target", "0.01", "target-utilization-percentage", 1),
            0.01, 0.01));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void resolvesTargets(Target c) {
    DeciderSpec spec = DeciderSpec.resolve(KpaConfig.fromMap(c.keys(), KpaTarget.KEYS), KpaTarget.fromMap(c.keys()));
    assertEquals(c.wantTarget(), spec.targetValue(), 1e-9);
    assertEquals(c.wantTotal(), spec.totalValue(), 1e-9);
  }

  record Panic(String name, int stableSeconds, double percentage, int wantSeconds) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Panic> panicWindows() {
    return Stream.of(
        new Panic("60 s x 10 % = 6 s", 60, 10, 6),
        new Panic("60 s x 100 % = 60 s", 60, 100, 60),
        new Panic("6 s x 10 % rounds to at least 1 s", 6, 10, 1),
        new Panic("25 s x 10 % = 2.5 s rounds half up to 3 s", 25, 10, 3),
        new Panic("24 s x 10 % = 2.4 s rounds down to 2 s", 24, 10, 2),
        new Panic("3600 s x 1 % = 36 s", 3600, 1, 36),
        new Panic("90 s x 15 % = 13.5 s rounds to 14 s", 90, 15, 14));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("panicWindows")
  void derivesThePanicWindow(Panic c) {
    assertEquals(Duration.ofSeconds(c.wantSeconds()),
        DeciderSpec.panicWindow(Duration.ofSeconds(c.stableSeconds()), c.percentage()));
  }

  @Test
  void copiesTheRemainingSettings() {
    Map<String, Object> keys = Map.of("panic-threshold-percentage", "300", "target-burst-capacity", "-1",
        "scale-down-delay", "30s", "activation-scale", "2", "min-scale", "1", "max-scale", "9", "reachable", false,
        "metric-aggregation-algorithm", "weightedExponential", "stable-window", "120s");
    DeciderSpec spec = DeciderSpec.resolve(KpaConfig.fromMap(keys, KpaTarget.KEYS), KpaTarget.fromMap(keys));
    assertEquals(3.0, spec.panicThreshold());
    assertEquals(-1, spec.targetBurstCapacity());
    assertEquals(Duration.ofSeconds(30), spec.scaleDownDelay());
    assertEquals(2, spec.activationScale());
    assertEquals(1, spec.minScale());
    assertEquals(9, spec.maxScale());
    assertEquals(false, spec.reachable());
    assertEquals(Aggregation.WEIGHTED_EXPONENTIAL, spec.aggregation());
    assertEquals(Duration.ofSeconds(12), spec.panicWindow());
  }

  @Test
  void rejectsBadTargetKeys() {
    assertEquals("metric: unknown KPA metric \"cpu\" (want concurrency or rps)",
        assertThrows(KpaInputException.class, () -> KpaTarget.fromMap(Map.of("metric", "cpu"))).getMessage());
    assertEquals("target: must be at least 0.01, was 0.0",
        assertThrows(KpaInputException.class, () -> KpaTarget.fromMap(Map.of("target", "0"))).getMessage());
    assertEquals("target-utilization-percentage: must be in [1, 100], was 120.0",
        assertThrows(KpaInputException.class,
            () -> KpaTarget.fromMap(Map.of("target-utilization-percentage", 120))).getMessage());
    assertEquals("containerConcurrency: must be at least 0, was -1",
        assertThrows(KpaInputException.class, () -> KpaTarget.fromMap(Map.of("containerConcurrency", -1)))
            .getMessage());
    assertEquals("activation-scale: must be at least 1, was 0",
        assertThrows(KpaInputException.class, () -> KpaTarget.fromMap(Map.of("activation-scale", 0))).getMessage());
  }

  @Test
  void seed004WorkedExampleGivesFifteenPods() {
    // Seed 004: containerConcurrency 10, target utilization 70 %, 100 concurrent requests -> 100 / 7 -> 15 pods.
    Map<String, Object> keys = Map.of("containerConcurrency", 10, "target-utilization-percentage", "70");
    DeciderSpec spec = DeciderSpec.resolve(KpaConfig.fromMap(keys, KpaTarget.KEYS), KpaTarget.fromMap(keys));
    KpaDecision d = Kpa.decide(spec, TestSpecs.calm(TestSpecs.T0), 100, 100, 15, TestSpecs.T0);
    assertEquals(15, d.desiredPodCount());
    KpaDecision fromOnePod = Kpa.decide(spec, null, 100, 100, 1, TestSpecs.T0);
    assertEquals(15, fromOnePod.desiredPodCount());
  }
}
