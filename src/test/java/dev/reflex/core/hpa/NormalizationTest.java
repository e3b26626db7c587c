package dev.reflex.core.hpa;

import static dev.reflex.core.hpa.Fixtures.NOW;
import static dev.reflex.core.hpa.Fixtures.cpuUtilization;
import static dev.reflex.core.hpa.Fixtures.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stabilization, policies, limits and their conditions, for the legacy path and for {@code behavior}. The cases
 * feed a proposal straight into normalization (the {@code proposedReplicas} path), so the numbers are the
 * normalization's alone.
 */
class NormalizationTest {

  record Case(String name, HpaSpec spec, HpaConfig config, int current, int proposal, HpaState state, int desired,
      HpaReason ableToScale, HpaReason limited) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, HpaSpec spec, int current, int proposal, HpaState state, int desired, HpaReason able,
      HpaReason limited) {
    return new Case(name, spec, HpaConfig.DEFAULTS, current, proposal, state, desired, able, limited);
  }

  static HpaSpec legacy(int min, int max) {
    return Fixtures.spec(min, max, null, cpuUtilization(50));
  }

  static HpaSpec with(int min, int max, Behavior behavior) {
    return Fixtures.spec(min, max, behavior, cpuUtilization(50));
  }

  static HpaState events(List<ScaleEvent> up, List<ScaleEvent> down) {
    return new HpaState(List.of(new Recommendation(NOW.minusSeconds(3600), 1)), up, down);
  }

  static ScaleEvent ago(int seconds, int change) {
    return new ScaleEvent(NOW.minusSeconds(seconds), change);
  }

  static ScalingRules down(Integer window, SelectPolicy select, ScalingPolicy... policies) {
    return ScalingRules.scaleDown(window, select, List.of(policies), null);
  }

  static ScalingRules up(Integer window, SelectPolicy select, ScalingPolicy... policies) {
    return ScalingRules.scaleUp(window, select, List.of(policies), null);
  }

  /** An old recommendation only: no stabilization effect, and the HPA counts as seen. */
  static final HpaState SEEN = Fixtures.history(NOW.minusSeconds(3600), 1);

  static final HpaReason RESCALED = HpaReason.SUCCEEDED_RESCALE;
  static final HpaReason WITHIN = HpaReason.DESIRED_WITHIN_RANGE;

  static Stream<Case> legacyCases() {
    return Stream.of(
        c("legacy: scale-up capped at max(2 × 3, 4) = 6", legacy(1, 20), 3, 10, SEEN, 6, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("legacy: from 1 the cap is the minimum 4", legacy(1, 20), 1, 10, SEEN, 4, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("legacy: from 0 (scale to zero) the cap is 4", legacy(0, 20), 0, 10, SEEN, 4, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("legacy: maxReplicas below the cap → TooManyReplicas", legacy(1, 5), 3, 10, SEEN, 5, RESCALED,
            HpaReason.TOO_MANY_REPLICAS),
        c("legacy: maxReplicas equal to the cap → TooManyReplicas", legacy(1, 6), 3, 10, SEEN, 6, RESCALED,
            HpaReason.TOO_MANY_REPLICAS),
        c("legacy: a scale-up within the cap is not limited", legacy(1, 20), 3, 5, SEEN, 5, RESCALED, WITHIN),
        c("legacy: first sight blocks a scale-down for the window", legacy(1, 20), 5, 2, HpaState.FIRST_SIGHT, 5,
            HpaReason.SCALE_DOWN_STABILIZED, WITHIN),
        c("legacy: a recommendation exactly 300 s old still counts (inclusive)", legacy(1, 20), 5, 2,
            Fixtures.history(NOW.minusSeconds(300), 5), 5, HpaReason.SCALE_DOWN_STABILIZED, WITHIN),
        c("legacy: a recommendation 301 s old no longer counts", legacy(1, 20), 5, 2,
            Fixtures.history(NOW.minusSeconds(301), 5), 2, RESCALED, WITHIN),
        c("legacy: the highest recent recommendation wins", legacy(1, 20), 8, 2,
            Fixtures.history(NOW.minusSeconds(100), 4, 6, 3), 6, RESCALED, WITHIN),
        c("legacy: a scale-up is not stabilized", legacy(1, 20), 3, 5, Fixtures.history(NOW.minusSeconds(10), 2),
            5, RESCALED, WITHIN),
        c("legacy: below minReplicas → TooFewReplicas", legacy(2, 20), 5, 0, SEEN, 2, RESCALED,
            HpaReason.TOO_FEW_REPLICAS),
        c("legacy: a proposal equal to current → nothing to do", legacy(1, 20), 5, 5, SEEN, 5,
            HpaReason.READY_FOR_NEW_SCALE, WITHIN),
        new Case("legacy: factor and minimum come from the config (3×, 1)", legacy(1, 50),
            new HpaConfig(0.1, 0.1, HpaConfig.DEFAULTS.cpuInitializationPeriod(),
                HpaConfig.DEFAULTS.initialReadinessDelay(), HpaConfig.DEFAULTS.downscaleStabilization(), 3, 1),
            3, 20, SEEN, 9, RESCALED, HpaReason.SCALE_UP_LIMIT),
        new Case("legacy: the window comes from the config (60 s)", legacy(1, 20),
            new HpaConfig(0.1, 0.1, HpaConfig.DEFAULTS.cpuInitializationPeriod(),
                HpaConfig.DEFAULTS.initialReadinessDelay(), java.time.Duration.ofSeconds(60), 2, 4),
            5, 2, Fixtures.history(NOW.minusSeconds(61), 5), 2, RESCALED, WITHIN));
  }

  static Stream<Case> behaviorCases() {
    Behavior defaults = Behavior.DEFAULTS;
    Behavior noDownWindow = new Behavior(ScalingRules.DEFAULT_SCALE_UP, down(0, null));
    return Stream.of(
        c("behavior defaults: from 1, 4 pods beats 100 % → 5", with(1, 100, defaults), 1, 10, SEEN, 5, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("behavior defaults: from 10, 100 % beats 4 pods → 20", with(1, 100, defaults), 10, 50, SEEN, 20,
            RESCALED, HpaReason.SCALE_UP_LIMIT),
        c("behavior defaults: from 0, 4 pods → 4", with(0, 100, defaults), 0, 10, SEEN, 4, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("scale-up Min picks the smaller change → 14",
            with(1, 100, new Behavior(up(null, SelectPolicy.MIN), ScalingRules.DEFAULT_SCALE_DOWN)), 10, 50, SEEN,
            14, RESCALED, HpaReason.SCALE_UP_LIMIT),
        c("scale-up Disabled holds the count",
            with(1, 100, new Behavior(up(null, SelectPolicy.DISABLED), ScalingRules.DEFAULT_SCALE_DOWN)), 10, 50,
            SEEN, 10, HpaReason.READY_FOR_NEW_SCALE, HpaReason.SCALE_UP_LIMIT),
        c("scale-up bounded by maxReplicas below the rate limit → TooManyReplicas", with(1, 15, defaults), 10, 50,
            SEEN, 15, RESCALED, HpaReason.TOO_MANY_REPLICAS),
        c("scale-up within the limits", with(1, 100, defaults), 10, 12, SEEN, 12, RESCALED, WITHIN),
        c("a Percent scale-up rounds up: 3 × 1.1 = 3.3 → 4",
            with(1, 100, new Behavior(up(null, null, ScalingPolicy.percent(10, 60)), defaults.scaleDown())), 3, 10,
            SEEN, 4, RESCALED, HpaReason.SCALE_UP_LIMIT),
        c("first sight blocks a scale-down for the default 300 s window", with(1, 100, defaults), 10, 2,
            HpaState.FIRST_SIGHT, 10, HpaReason.SCALE_DOWN_STABILIZED, WITHIN),
        c("after the window the default 100 % policy allows the whole drop", with(1, 100, defaults), 10, 2,
            Fixtures.history(NOW.minusSeconds(301), 10), 2, RESCALED, WITHIN),
        c("a recommendation exactly a window old is outside it (strict)", with(1, 100, defaults), 10, 2,
            Fixtures.history(NOW.minusSeconds(300), 10), 2, RESCALED, WITHIN),
        c("a recommendation 299 s old holds the scale-down", with(1, 100, defaults), 10, 2,
            Fixtures.history(NOW.minusSeconds(299), 10), 10, HpaReason.SCALE_DOWN_STABILIZED, WITHIN),
        c("the highest recent recommendation bounds the scale-down", with(1, 100, defaults), 10, 5,
            Fixtures.history(NOW.minusSeconds(100), 8), 8, RESCALED, WITHIN),
        c("scale-down below minReplicas → TooFewReplicas", with(3, 100, noDownWindow), 10, 0, SEEN, 3, RESCALED,
            HpaReason.TOO_FEW_REPLICAS),
        c("scale-down Pods 1 per 60 s → ScaleDownLimit",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, null, ScalingPolicy.pods(1, 60)))), 10, 2, SEEN, 9,
            RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down Percent truncates: 10 less 15 % = 8.5 → 8",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, null, ScalingPolicy.percent(15, 60)))), 10, 2,
            SEEN, 8, RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down Min of (1 pod, 5 %) on 10 → 9",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, SelectPolicy.MIN, ScalingPolicy.pods(1, 60),
                ScalingPolicy.percent(5, 60)))), 10, 2, SEEN, 9, RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down Min of (5 pods, 10 %) → the smaller change, 9",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, SelectPolicy.MIN, ScalingPolicy.pods(5, 60),
                ScalingPolicy.percent(10, 60)))), 10, 2, SEEN, 9, RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down Max of (5 pods, 10 %) → the larger change, 5",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, SelectPolicy.MAX, ScalingPolicy.pods(5, 60),
                ScalingPolicy.percent(10, 60)))), 10, 2, SEEN, 5, RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down Disabled holds the count",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, SelectPolicy.DISABLED))), 10, 2, SEEN, 10,
            HpaReason.READY_FOR_NEW_SCALE, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down limit at minReplicas → TooFewReplicas",
            with(8, 100, new Behavior(defaults.scaleUp(), down(0, null, ScalingPolicy.pods(5, 60)))), 10, 2, SEEN, 8,
            RESCALED, HpaReason.TOO_FEW_REPLICAS),
        c("a recent scale-up raises the period start: 8 after +4 within 15 s → still 8",
            with(1, 100, defaults), 8, 20, events(List.of(ago(10, 4)), List.of()), 8, HpaReason.READY_FOR_NEW_SCALE,
            HpaReason.SCALE_UP_LIMIT),
        c("a scale-up event exactly a period old no longer counts → 16",
            with(1, 100, defaults), 8, 20, events(List.of(ago(15, 4)), List.of()), 16, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("a recent scale-down lowers the scale-up start the other way: 5 after −5 → start 10 → 20",
            with(1, 100, defaults), 5, 30, events(List.of(), List.of(ago(5, 5))), 20, RESCALED,
            HpaReason.SCALE_UP_LIMIT),
        c("a recent scale-up counts against a scale-down: start 5 less 50 % = 2",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, null, ScalingPolicy.percent(50, 60)))), 10, 1,
            events(List.of(ago(5, 5)), List.of()), 2, RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("scale-down events within the period add up: 10 after −1, −1 → start 12, Pods 3 → 9",
            with(1, 100, new Behavior(defaults.scaleUp(), down(0, null, ScalingPolicy.pods(3, 60)))), 10, 1,
            events(List.of(), List.of(ago(10, 1), ago(20, 1))), 9, RESCALED, HpaReason.SCALE_DOWN_LIMIT),
        c("a rate limit below current never scales down on a scale-up: held at current",
            with(1, 100, new Behavior(up(null, null, ScalingPolicy.pods(1, 60)), defaults.scaleDown())), 10, 20,
            events(List.of(ago(10, 5)), List.of()), 10, HpaReason.READY_FOR_NEW_SCALE, HpaReason.SCALE_UP_LIMIT),
        c("up window: the lowest recent recommendation bounds the scale-up → 4",
            with(1, 100, new Behavior(up(60, null), defaults.scaleDown())), 3, 10,
            Fixtures.history(NOW.minusSeconds(30), 4), 4, RESCALED, WITHIN),
        c("up window: stabilized below the proposal → ScaleUpStabilized when nothing changes",
            with(1, 100, new Behavior(up(60, null), defaults.scaleDown())), 3, 10,
            Fixtures.history(NOW.minusSeconds(30), 3), 3, HpaReason.SCALE_UP_STABILIZED, WITHIN),
        c("up window: a recommendation exactly a window old is outside it",
            with(1, 100, new Behavior(up(60, null), defaults.scaleDown())), 3, 5,
            Fixtures.history(NOW.minusSeconds(60), 3), 5, RESCALED, WITHIN),
        c("both windows: a recommendation never moves the count against the proposal",
            with(1, 100, new Behavior(up(60, null), defaults.scaleDown())), 10, 9,
            Fixtures.history(NOW.minusSeconds(10), 12), 10, HpaReason.SCALE_DOWN_STABILIZED, WITHIN),
        c("an explicit down window of 0 scales down at once even on first sight", with(1, 100, noDownWindow), 10, 4,
            HpaState.FIRST_SIGHT, 4, RESCALED, WITHIN),
        c("a proposal equal to current leaves everything in range", with(1, 100, defaults), 7, 7, SEEN, 7,
            HpaReason.READY_FOR_NEW_SCALE, WITHIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"legacyCases", "behaviorCases"})
  void normalizes(Case c) {
    HpaInput in = Fixtures.withConfig(proposal(c.spec(), c.current(), c.proposal()), c.config());
    HpaDecision decision = KubeHpa.decide(in, c.state(), NOW);
    assertEquals(c.desired(), decision.desiredReplicas(), "desired");
    assertEquals(c.desired() != c.current(), decision.scaleUpdated(), "scaleUpdated");
    assertEquals(c.ableToScale(), decision.condition(ConditionType.ABLE_TO_SCALE).reason(), "AbleToScale");
    HpaCondition limited = decision.condition(ConditionType.SCALING_LIMITED);
    assertEquals(c.limited(), limited.reason(), "ScalingLimited reason");
    assertEquals(c.limited() != WITHIN, limited.status(), "ScalingLimited status");
  }
}
