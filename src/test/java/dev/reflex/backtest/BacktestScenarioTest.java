package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole runs of every policy on small traces, with the outcomes worked out by hand from the model and the
 * algorithms. Workload: 100 rps per pod, target 70, startup 10 s, 1..100 pods.
 */
class BacktestScenarioTest {

  private static final Workload WORKLOAD = new Workload(100, 70, Duration.ofSeconds(10), Duration.ZERO, 1, 100, -1,
      1);

  /** 100 rps for 2 minutes, then 500 rps for 10 minutes. */
  private static Trace step() {
    double[] rps = new double[720];
    for (int s = 0; s < rps.length; s++) {
      rps[s] = s < 120 ? 100 : 500;
    }
    return new Trace("step", TraceParser.RELATIVE_START, Duration.ofSeconds(1), rps);
  }

  private static Map<PolicyKind, PolicyFigures> run(Trace trace) {
    return Backtest.run(trace, WORKLOAD, PolicyKind.parseList("all", false), null, p -> { }).figures();
  }

  @Test
  void theStreamedKubeHpaScalesOnTheFirstSampleOfTheStep() {
    // Second 120: the 2 ready pods report 250 each, 3.6x the target, beyond the tolerance: the streamed trigger
    // decides at once, ceil(500 / 70) = 8, written at its end; the 6 new pods serve from second 131. Short for
    // seconds 120..130: 11 s x (500 - 200) = 3,300 requests.
    PolicyFigures f = run(step()).get(PolicyKind.REFLEX_KUBEHPA);
    assertEquals(3300, f.unservedRequests(), 1e-6);
    assertEquals(new PolicyFigures.Reactions(1, 11, 11, 11), f.reactions());
    assertEquals(1, f.scalingActions());
    assertEquals(8, f.peakPods());
  }

  @Test
  void theHpaSeesTheStepAReconcileLateAndIsRateLimited() {
    // Reconciles end seconds 134, 149, 164, ... The one at 149 reads the mean of seconds 120..134 (15 s behind):
    // 250 per ready pod, wants 8 but the default behavior allows max(2 + 4, 2 x 2) = 6. Those serve from 160
    // (600 rps >= 500): short 120..159, 40 s x 300 = 12,000. At 164 the 4 new pods have no value yet and count as
    // idle: 500 / (6 x 70) = 1.19, ceil(6 x 1.19) = 8.
    PolicyFigures f = run(step()).get(PolicyKind.HPA);
    assertEquals(12_000, f.unservedRequests(), 1e-6);
    assertEquals(new PolicyFigures.Reactions(1, 40, 40, 40), f.reactions());
    assertEquals(2, f.scalingActions());
    assertEquals(8, f.peakPods());
  }

  @Test
  void everyPolicyNeedsAtLeastTheStartupAndTheStreamedKpaIsNoSlowerThanKnativesTick() {
    Map<PolicyKind, PolicyFigures> figures = run(step());
    figures.forEach((kind, f) -> assertTrue(f.reactions().p50Seconds() >= 11, kind + ": " + f));
    assertTrue(figures.get(PolicyKind.REFLEX_KPA).unservedRequests()
        <= figures.get(PolicyKind.KPA).unservedRequests());
    assertTrue(figures.get(PolicyKind.KEDA).reactions().p50Seconds()
        >= figures.get(PolicyKind.HPA).reactions().p50Seconds());
  }

  @Test
  void steadyTrafficAtTheStartingSizeIsServedWithoutAScalingAction() {
    double[] rps = new double[3600];
    java.util.Arrays.fill(rps, 100);
    run(new Trace("flat", TraceParser.RELATIVE_START, Duration.ofSeconds(1), rps)).forEach((kind, f) -> {
      assertEquals(0, f.unservedRequests(), kind.label());
      assertEquals(0, f.scalingActions(), kind.label());
      assertEquals(2 * 3600, f.podSeconds(), kind.label());
    });
  }

  @Test
  void aRunIsRepeatable() {
    Workload jittery = new Workload(100, 70, Duration.ofSeconds(10), Duration.ofSeconds(5), 1, 100, 1, 42);
    Trace trace = step();
    assertEquals(Backtest.run(trace, jittery, PolicyKind.parseList("all", false), null, p -> { }).figures(),
        Backtest.run(trace, jittery, PolicyKind.parseList("all", false), null, p -> { }).figures());
  }

  @Test
  void policiesAreNamedAsTheOptionTakesThem() {
    assertEquals(List.of(PolicyKind.HPA, PolicyKind.REFLEX_KPA), PolicyKind.parseList("hpa, reflex-kpa,hpa", false));
    assertEquals(5, PolicyKind.parseList("all", false).size());
    assertEquals("policies: unknown policy 'vpa' (known: reflex, reflex-kpa, reflex-kubehpa, hpa, kpa, keda)",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> PolicyKind.parseList("vpa", false)).getMessage());
  }
}
