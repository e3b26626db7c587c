package dev.reflex.core.kpa;

import static dev.reflex.core.kpa.TestSpecs.T0;
import static dev.reflex.core.kpa.TestSpecs.activity;
import static dev.reflex.core.kpa.TestSpecs.calm;
import static dev.reflex.core.kpa.TestSpecs.panicking;
import static dev.reflex.core.kpa.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One decision from observed revision totals: rate limits, rounding, panic threshold and high-water mark,
 * activation scale, burst capacity, activators, bounds and scale-to-zero. Base spec: target 10 per pod, total 20,
 * TBC 0, threshold 2.0, rates 1000 up / 2 down, stable 60 s.
 */
class KpaDeciderTableTest {

  /**
   * @param want final desired count; decider the decider's own count; panic the panic mode after; ebc excess burst
   *     capacity; activators the activator count; maxPanic the state's high-water mark after
   */
  record Case(String name, DeciderSpec spec, KpaState state, int ready, double stable, double panic, int want,
      int decider, boolean panicMode, int ebc, int activators, int maxPanic) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, DeciderSpec spec, KpaState state, int ready, double stable, double panic,
      int want, int decider, boolean panicMode, int ebc, int activators, int maxPanic) {
    return new Case(name, spec, state, ready, stable, panic, want, decider, panicMode, ebc, activators, maxPanic);
  }

  /** Calm state, TBC 0: only the counts and the panic flag vary. */
  private static Case calmCase(String name, DeciderSpec spec, int ready, double stable, double panic, int want,
      boolean panicMode) {
    int maxPanic = panicMode ? want : 0;
    return c(name, spec, calm(T0), ready, stable, panic, want, want, panicMode, 0, 2, maxPanic);
  }

  static Stream<Case> cases() {
    DeciderSpec base = spec();
    return Stream.of(
        // --- the stable path ---
        calmCase("steady load at target keeps the pod count", base, 5, 50, 50, 5, false),
        calmCase("stable load of twice the target doubles the pods", base, 5, 100, 50, 10, false),
        calmCase("desired count rounds up: 10.0001 per 10 needs 2 pods", base, 1, 10.0001, 0, 2, false),
        calmCase("exact multiple does not round up: 20 per 10 is 2 pods", base, 2, 20, 0, 2, false),
        calmCase("a tiny load still needs one pod", base, 1, 0.001, 0, 1, false),
        calmCase("load of half the target on 4 pods halves to 2", base, 4, 20, 20, 2, false),
        calmCase("scale-down is limited to half the pods by rate 2", base, 10, 10, 10, 5, false),
        calmCase("scale-down rate 4 allows dropping to a quarter", spec(s -> {
          s.maxDown = 4;
          return s;
        }), 10, 10, 10, 2, false),
        calmCase("scale-down rate floors: 5 ready / 2 = 2.5 keeps 2", base, 5, 0.5, 0.5, 2, false),
        calmCase("scale-down from 3 pods at rate 2 keeps 1", base, 3, 1, 1, 1, false),
        calmCase("scale-up rate 1.1 from 2 pods still adds a pod (ceil 2.2 = 3)", spec(s -> {
          s.maxUp = 1.1;
          return s;
        }), 2, 30, 20, 3, false),
        calmCase("scale-up rate 1.1 caps 20 wanted at ceil(11) from 10 ready", spec(s -> {
          s.maxUp = 1.1;
          return s;
        }), 10, 200, 100, 11, false),
        calmCase("scale-up rate 2 caps 50 wanted at 20 from 10 ready", spec(s -> {
          s.maxUp = 2;
          return s;
        }), 10, 500, 100, 20, false),
        calmCase("scale-up rate counts zero ready pods as one", spec(s -> {
          s.maxUp = 3;
          return s;
        }), 0, 100, 0, 3, false),
        calmCase("rps metric scales by the same arithmetic", spec(s -> {
          s.metric = ScalingMetric.RPS;
          return s;
        }), 4, 80, 40, 8, false),
        calmCase("a fractional target divides exactly: 14 per 0.7 is 20 pods", spec(s -> {
          s.targetValue = 0.7;
          return s;
        }), 20, 14, 14, 20, false),
        calmCase("seed 004: 100 concurrent at 10 x 0.7 per pod is 15 pods", spec(s -> {
          s.targetValue = 10 * 0.7;
          s.totalValue = 10;
          return s;
        }), 15, 100, 100, 15, false),
        calmCase("target 0.01 (the minimum) asks for a pod per hundredth", spec(s -> {
          s.targetValue = 0.01;
          return s;
        }), 100, 1, 1, 100, false),

        // --- panic threshold ---
        calmCase("panic pod count of exactly twice ready enters panic", base, 5, 50, 100, 10, true),
        calmCase("panic value rounds up before the threshold: 99 -> 10 pods is 2x", base, 5, 50, 99, 10, true),
        calmCase("1.8x ready stays calm", base, 5, 50, 90, 5, false),
        calmCase("threshold uses max(1, ready): 2 pods wanted from 0 ready panics", base, 0, 15, 15, 2, true),
        calmCase("one pod wanted from 0 ready does not panic", base, 0, 10, 10, 1, false),
        calmCase("threshold 3.0: 2x ready stays calm", spec(s -> {
          s.panicThreshold = 3.0;
          return s;
        }), 5, 50, 100, 5, false),
        calmCase("threshold 1.1: 1.2x ready panics", spec(s -> {
          s.panicThreshold = 1.1;
          return s;
        }), 5, 50, 60, 6, true),
        calmCase("in panic the larger stable count wins", base, 5, 200, 100, 20, true),
        calmCase("in panic the larger panic count wins", base, 5, 50, 150, 15, true),
        calmCase("threshold uses the unclamped panic count although rate 1.5 clamps it", spec(s -> {
          s.maxUp = 1.5;
          return s;
        }), 4, 40, 200, 6, true),
        calmCase("a panic surge on 1 pod is limited by the scale-up rate", spec(s -> {
          s.maxUp = 10;
          return s;
        }), 1, 10, 1000, 10, true),

        // --- panic state carried over ---
        c("panic high-water mark holds the count while the surge is over threshold", base,
            panicking(T0, 2, 30), 5, 50, 100, 30, 30, true, 0, 2, 30),
        c("panic high-water mark rises with a larger count", base, panicking(T0, 2, 12), 10, 50, 300, 30, 30, true,
            0, 2, 30),
        c("panic below threshold inside the stable window keeps the high-water mark", base,
            panicking(T0, 30, 12), 5, 20, 20, 12, 12, true, 0, 2, 12),
        c("panic below threshold exactly one stable window later still holds", base,
            panicking(T0, 60, 12), 5, 20, 20, 12, 12, true, 0, 2, 12),
        c("panic ends a moment after a full stable window below threshold", base,
            panicking(T0, 61, 12), 5, 20, 20, 2, 2, false, 0, 2, 0),
        c("panic ends and the stable count is used even if it is larger", base,
            panicking(T0, 61, 12), 10, 200, 100, 20, 20, false, 0, 2, 0),
        c("a count above the high-water mark is taken while panicking below threshold", base,
            panicking(T0, 30, 4), 5, 80, 20, 8, 8, true, 0, 2, 8),
        c("a restarted autoscaler with 4 ready pods starts panicking and holds 4", base, null, 4, 0, 0, 4, 4,
            true, 0, 2, 4),
        c("a restarted autoscaler with 1 ready pod starts calm", base, null, 1, 30, 10, 3, 3, false, 0, 2, 1),
        c("a restarted autoscaler in panic still grows", base, null, 3, 100, 30, 10, 10, true, 0, 2, 10),

        // --- activation scale ---
        calmCase("activation scale 3 lifts one wanted pod to 3", spec(s -> {
          s.activationScale = 3;
          return s;
        }), 1, 1, 1, 3, false),
        calmCase("activation scale leaves larger counts alone", spec(s -> {
          s.activationScale = 3;
          return s;
        }), 5, 50, 50, 5, false),
        c("activation scale does not lift a zero count (scale to zero stays possible)", spec(s -> {
          s.activationScale = 3;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 3600), 0, 0, 0, 0, 0, false, 0, 2, 0),
        c("activation scale lifts only the panic count, which calm mode ignores", spec(s -> {
          s.activationScale = 3;
          return s;
        }), calm(T0), 1, 0, 1, 1, 0, false, 0, 2, 0),
        calmCase("activation scale applies after the scale-down rate", spec(s -> {
          s.activationScale = 4;
          return s;
        }), 2, 1, 1, 4, false),
        calmCase("activation scale lifts the panic count in panic", spec(s -> {
          s.activationScale = 5;
          return s;
        }), 1, 0, 20, 5, true),
        calmCase("activation scale 1 changes nothing", spec(s -> {
          s.activationScale = 1;
          return s;
        }), 1, 1, 1, 1, false),

        // --- excess burst capacity and activators ---
        c("TBC 0 gives EBC 0 and the minimum 2 activators", base, calm(T0), 3, 30, 30, 3, 3, false, 0, 2, 0),
        c("TBC -1 gives EBC -1 and activators for the total capacity", spec(s -> {
          s.tbc = -1;
          s.totalValue = 100;
          return s;
        }), calm(T0), 3, 30, 30, 3, 3, false, -1, 3, 0),
        c("TBC -1 with little capacity still gets 2 activators", spec(s -> {
          s.tbc = -1;
          return s;
        }), calm(T0), 1, 10, 10, 1, 1, false, -1, 2, 0),
        c("TBC 211: 3 pods x 100 - 211 - 50 panic = 39 spare", spec(s -> {
          s.tbc = 211;
          s.totalValue = 100;
          return s;
        }), calm(T0), 3, 30, 50, 3, 3, false, 39, 6, 0),
        c("TBC 211 with the panic load taking the spare goes negative", spec(s -> {
          s.tbc = 211;
          s.totalValue = 100;
          return s;
        }), calm(T0), 3, 30, 100, 10, 10, true, -11, 6, 10),
        c("EBC uses the real ready count (0), not max(1, ready)", spec(s -> {
          s.tbc = 100;
          s.totalValue = 100;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 3600), 0, 0, 0, 0, 0, false, -100, 2, 0),
        c("EBC floors fractional capacity: 2 x 10.5 - 10 - 0.6 = 10.4 -> 10", spec(s -> {
          s.tbc = 10;
          s.totalValue = 10.5;
          return s;
        }), calm(T0), 2, 20, 0.6, 2, 2, false, 10, 2, 0),
        c("EBC floors toward minus infinity: 1 x 10 - 10 - 0.5 = -0.5 -> -1", spec(s -> {
          s.tbc = 10;
          s.totalValue = 10;
          return s;
        }), calm(T0), 1, 5, 0.5, 1, 1, false, -1, 2, 0),
        c("activators grow with capacity plus TBC: ceil((10 x 100 + 211) / 100) = 13", spec(s -> {
          s.tbc = 211;
          s.totalValue = 100;
          return s;
        }), calm(T0), 10, 100, 100, 10, 10, false, 689, 13, 0),
        c("activator capacity 500 needs fewer activators", spec(s -> {
          s.tbc = 211;
          s.totalValue = 100;
          s.activatorCapacity = 500;
          return s;
        }), calm(T0), 10, 100, 100, 10, 10, false, 689, 3, 0),

        // --- bounds ---
        c("max scale caps the count", spec(s -> {
          s.maxScale = 4;
          return s;
        }), calm(T0), 5, 100, 50, 4, 10, false, 0, 2, 0),
        c("min scale lifts the count", spec(s -> {
          s.minScale = 3;
          return s;
        }), calm(T0), 1, 5, 5, 3, 1, false, 0, 2, 0),
        c("min scale also lifts a zero count", spec(s -> {
          s.minScale = 2;
          return s;
        }), calm(T0), 1, 0, 0, 2, 0, false, 0, 2, 0),
        c("min scale is ignored for an unreachable revision", spec(s -> {
          s.minScale = 3;
          s.reachable = false;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 3600), 1, 0, 0, 0, 0, false, 0, 2, 0),
        c("unreachable revisions may drop all pods at once", spec(s -> {
          s.reachable = false;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 3600), 10, 0, 0, 0, 0, false, 0, 2, 0),
        c("max wins over min when both apply (min then max)", spec(s -> {
          s.minScale = 3;
          s.maxScale = 3;
          return s;
        }), calm(T0), 10, 500, 100, 3, 50, false, 0, 2, 0),
        c("initial scale raises the floor until reached", spec(s -> {
          s.initialScale = 5;
          return s;
        }), new KpaState(null, 0, null, null, null, KpaState.Activity.ACTIVE, T0.minusSeconds(3600), false), 1, 5,
            5, 5, 1, false, 0, 2, 0),
        c("initial scale no longer applies once reached", spec(s -> {
          s.initialScale = 5;
          return s;
        }), calm(T0), 1, 5, 5, 1, 1, false, 0, 2, 0),
        c("initial scale counts as reached when ready pods reach it", spec(s -> {
          s.initialScale = 5;
          return s;
        }), new KpaState(null, 0, null, null, null, KpaState.Activity.ACTIVE, T0.minusSeconds(3600), false), 5, 5,
            5, 2, 2, false, 0, 2, 0),
        c("initial scale is ignored for unreachable revisions", spec(s -> {
          s.initialScale = 5;
          s.reachable = false;
          return s;
        }), new KpaState(null, 0, null, null, null, KpaState.Activity.ACTIVE, T0.minusSeconds(3600), false), 1, 5,
            5, 1, 1, false, 0, 2, 0),
        c("initial scale 1 adds no floor", spec(s -> {
          s.initialScale = 1;
          return s;
        }), new KpaState(null, 0, null, null, null, KpaState.Activity.ACTIVE, T0.minusSeconds(3600), false), 3, 1,
            1, 1, 1, false, 0, 2, 0),

        // --- scale to zero ---
        c("zero wanted while active for less than the stable window keeps 1 pod", base,
            activity(T0, KpaState.Activity.ACTIVE, 10), 1, 0, 0, 1, 0, false, 0, 2, 0),
        c("zero wanted after a full stable window active turns inactive and keeps 1 pod", base,
            activity(T0, KpaState.Activity.ACTIVE, 60), 1, 0, 0, 1, 0, false, 0, 2, 0),
        c("inactive for less than the grace period keeps 1 pod", base,
            activity(T0, KpaState.Activity.INACTIVE, 29), 1, 0, 0, 1, 0, false, 0, 2, 0),
        c("inactive for the grace period scales to zero", base,
            activity(T0, KpaState.Activity.INACTIVE, 30), 1, 0, 0, 0, 0, false, 0, 2, 0),
        c("retention longer than grace keeps the last pod", spec(s -> {
          s.retentionSeconds = 90;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 60), 1, 0, 0, 1, 0, false, 0, 2, 0),
        c("retention elapsed scales to zero", spec(s -> {
          s.retentionSeconds = 90;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 90), 1, 0, 0, 0, 0, false, 0, 2, 0),
        c("retention does not apply to unreachable revisions", spec(s -> {
          s.retentionSeconds = 90;
          s.reachable = false;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 30), 1, 0, 0, 0, 0, false, 0, 2, 0),
        c("grace period 45 s: 40 s inactive keeps 1", spec(s -> {
          s.graceSeconds = 45;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 40), 1, 0, 0, 1, 0, false, 0, 2, 0),
        c("scale to zero disabled keeps one pod", spec(s -> {
          s.scaleToZero = false;
          return s;
        }), activity(T0, KpaState.Activity.INACTIVE, 3600), 1, 0, 0, 1, 0, false, 0, 2, 0),
        c("demand on an inactive revision scales it up again", base,
            activity(T0, KpaState.Activity.INACTIVE, 3600), 0, 5, 5, 1, 1, false, 0, 2, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    KpaDecision d = Kpa.decide(c.spec(), c.state(), c.stable(), c.panic(), c.ready(), T0);
    assertAll(
        () -> assertEquals(c.want(), d.desiredPodCount(), "desiredPodCount"),
        () -> assertEquals(c.decider(), d.deciderPodCount(), "deciderPodCount"),
        () -> assertEquals(true, d.scaleValid(), "scaleValid"),
        () -> assertEquals(c.panicMode(), d.panicMode(), "panicMode"),
        () -> assertEquals(c.ebc(), d.excessBurstCapacity(), "excessBurstCapacity"),
        () -> assertEquals(c.activators(), d.numActivators(), "numActivators"),
        () -> assertEquals(c.maxPanic(), d.state().maxPanicPods(), "maxPanicPods"));
  }
}
