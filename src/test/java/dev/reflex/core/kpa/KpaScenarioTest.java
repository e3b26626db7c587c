package dev.reflex.core.kpa;

import static dev.reflex.core.kpa.TestSpecs.T0;
import static dev.reflex.core.kpa.TestSpecs.calm;
import static dev.reflex.core.kpa.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-step KPA behaviour, stepping {@code now} forward and feeding each decision's state into the next. */
class KpaScenarioTest {

  /** Drives one revision through decisions, keeping the state between steps. */
  private static final class Driver {
    private final DeciderSpec spec;
    private KpaState state;
    KpaDecision last;

    Driver(DeciderSpec spec, KpaState state) {
      this.spec = spec;
      this.state = state;
    }

    KpaDecision observe(int second, int ready, double stable, double panic) {
      last = Kpa.decide(spec, state, stable, panic, ready, T0.plusSeconds(second));
      state = last.state();
      return last;
    }

    KpaDecision samples(int second, int ready, List<Sample> samples) {
      last = Kpa.decide(spec, state, samples, ready, T0.plusSeconds(second));
      state = last.state();
      return last;
    }
  }

  private static List<Sample> everySecond(int fromSecond, int toSecondExclusive, double value) {
    List<Sample> out = new ArrayList<>();
    for (int s = fromSecond; s < toSecondExclusive; s++) {
      out.add(new Sample(T0.plusSeconds(s), value));
    }
    return out;
  }

  @Test
  void panicStartsAtTheThresholdHoldsItsHighWaterMarkAndEndsOnlyAfterAFullStableWindow() {
    Driver d = new Driver(spec(), calm(T0));
    KpaDecision enter = d.observe(0, 5, 50, 100);
    assertTrue(enter.panicMode());
    assertEquals(10, enter.desiredPodCount());
    // The revision has grown to 10 pods; the panic value no longer crosses 2x, but the mark holds.
    for (int t = 2; t <= 60; t += 2) {
      KpaDecision held = d.observe(t, 10, 50, 100);
      assertTrue(held.panicMode(), "still panicking at " + t);
      assertEquals(10, held.desiredPodCount(), "high-water mark at " + t);
    }
    KpaDecision calmAgain = d.observe(61, 10, 50, 100);
    assertFalse(calmAgain.panicMode());
    assertEquals(5, calmAgain.desiredPodCount());
    assertEquals(0, calmAgain.state().maxPanicPods());
  }

  @Test
  void crossingTheThresholdAgainExtendsThePanic() {
    Driver d = new Driver(spec(), calm(T0));
    d.observe(0, 5, 50, 100);
    KpaDecision extended = d.observe(30, 10, 50, 200);
    assertTrue(extended.panicMode());
    assertEquals(20, extended.desiredPodCount());
    assertEquals(T0.plusSeconds(30), extended.state().panicStart());
    // 61 s after the first crossing but only 31 s after the second: still panicking at 20.
    assertEquals(20, d.observe(61, 20, 50, 100).desiredPodCount());
    assertTrue(d.observe(90, 20, 50, 100).panicMode());
    KpaDecision over = d.observe(91, 20, 50, 100);
    assertFalse(over.panicMode());
    assertEquals(10, over.desiredPodCount());
  }

  @Test
  void desiredNeverDecreasesWhilePanicking() {
    Driver d = new Driver(spec(), calm(T0));
    int previous = 0;
    double[] panicValues = {300, 250, 400, 200, 100, 50, 20};
    for (int i = 0; i < panicValues.length; i++) {
      KpaDecision step = d.observe(2 * i, 5, 10, panicValues[i]);
      assertTrue(step.panicMode());
      assertTrue(step.desiredPodCount() >= previous, "step " + i + " went down");
      previous = step.desiredPodCount();
    }
    assertEquals(40, previous);
  }

  @Test
  void aRestartedAutoscalerHoldsTheCurrentScaleUntilAStableWindowPassesWithoutPanic() {
    Driver d = new Driver(spec(), null);
    KpaDecision first = d.observe(0, 8, 0, 0);
    assertTrue(first.panicMode());
    assertEquals(8, first.desiredPodCount());
    assertEquals(8, d.observe(60, 8, 0, 0).desiredPodCount());
    KpaDecision after = d.observe(62, 8, 0, 0);
    assertFalse(after.panicMode());
    assertEquals(4, after.desiredPodCount(), "scale-down rate 2 halves 8 ready pods");
  }

  @Test
  void scaleDownDelayKeepsTheHighestRecommendationForTheDelay() {
    // 10 s delay = 5 buckets of 2 s. Recommendation 8 at t = 0, then 4 (half of 8 ready, the rate limit).
    Driver d = new Driver(spec(s -> {
      s.delaySeconds = 10;
      return s;
    }), calm(T0));
    assertEquals(8, d.observe(0, 8, 80, 80).desiredPodCount());
    for (int t = 2; t <= 8; t += 2) {
      assertEquals(8, d.observe(t, 8, 30, 30).desiredPodCount(), "delayed at " + t);
    }
    assertEquals(4, d.observe(10, 8, 30, 30).desiredPodCount(), "the 8 left the window after 5 buckets");
  }

  @Test
  void scaleDownDelayDoesNotDelayScaleUp() {
    Driver d = new Driver(spec(s -> {
      s.delaySeconds = 30;
      return s;
    }), calm(T0));
    assertEquals(3, d.observe(0, 3, 30, 30).desiredPodCount());
    assertEquals(5, d.observe(2, 3, 50, 50).desiredPodCount());
  }

  @Test
  void scaleDownDelayIsSkippedForUnreachableRevisions() {
    Driver d = new Driver(spec(s -> {
      s.delaySeconds = 30;
      s.reachable = false;
      return s;
    }), calm(T0));
    assertEquals(8, d.observe(0, 8, 80, 80).desiredPodCount());
    assertEquals(3, d.observe(2, 8, 30, 30).desiredPodCount());
  }

  @Test
  void twoDecisionsInOneDelayBucketKeepTheLarger() {
    Driver d = new Driver(spec(s -> {
      s.delaySeconds = 2;
      return s;
    }), calm(T0));
    assertEquals(6, d.observe(0, 6, 60, 60).desiredPodCount());
    assertEquals(6, d.observe(1, 6, 30, 30).desiredPodCount(), "same 2-s bucket: the larger stays");
    assertEquals(3, d.observe(2, 6, 30, 30).desiredPodCount(), "next bucket: the delay of one bucket is over");
  }

  @Test
  void scaleUpRateCompoundsStepByStep() {
    Driver d = new Driver(spec(s -> {
      s.maxUp = 2;
      s.panicThreshold = 1000;
      return s;
    }), calm(T0));
    int ready = 1;
    int[] want = {2, 4, 8, 16, 32, 50};
    for (int i = 0; i < want.length; i++) {
      KpaDecision step = d.observe(2 * i, ready, 500, 500);
      assertEquals(want[i], step.desiredPodCount(), "step " + i);
      ready = step.desiredPodCount();
    }
  }

  @Test
  void scaleDownRateHalvesStepByStepToZero() {
    Driver d = new Driver(spec(s -> {
      s.graceSeconds = 1;
      return s;
    }), calm(T0));
    int ready = 16;
    // 16 -> 8 -> 4 -> 2 -> 1 by the rate; then 0 is wanted: the long-active revision turns inactive keeping 1 pod,
    // and 2 s later (grace 1 s) the last pod goes.
    int[] want = {8, 4, 2, 1, 1, 0};
    for (int i = 0; i < want.length; i++) {
      KpaDecision step = d.observe(2 * i, ready, 0, 0);
      assertEquals(want[i], step.desiredPodCount(), "step " + i);
      ready = step.desiredPodCount();
    }
  }

  @Test
  void noSamplesYetIsAnInvalidDecisionThatChangesNothing() {
    Driver d = new Driver(spec(), calm(T0));
    KpaDecision none = d.samples(0, 1, List.of());
    assertFalse(none.scaleValid());
    assertEquals(-1, none.desiredPodCount());
    assertEquals(calm(T0).activity(), none.state().activity());
    assertEquals(calm(T0).panicStart(), none.state().panicStart());
  }

  @Test
  void samplesFillTheWindowsAndDriveTheDecision() {
    Driver d = new Driver(spec(), calm(T0));
    KpaDecision first = d.samples(1, 1, everySecond(0, 2, 30));
    assertTrue(first.scaleValid());
    assertEquals(30, first.observedStableValue(), 1e-9);
    assertEquals(30, first.observedPanicValue(), 1e-9);
    assertEquals(3, first.desiredPodCount());
    assertTrue(first.panicMode(), "3 pods wanted from 1 ready is over 2x");
    // Load drops to 10: the 6-s panic window forgets the 30s quickly, the stable window slowly.
    KpaDecision later = d.samples(9, 3, everySecond(2, 10, 10));
    assertEquals(10, later.observedPanicValue(), 1e-9);
    assertEquals((30 * 2 + 10 * 8) / 10.0, later.observedStableValue(), 1e-6);
  }

  @Test
  void aWholeStableWindowWithoutSamplesMeansNoDataAgain() {
    Driver d = new Driver(spec(), calm(T0));
    d.samples(0, 1, everySecond(0, 1, 10));
    assertTrue(d.samples(60, 1, List.of()).scaleValid(), "60 s after the last write is still inside the window");
    KpaDecision stale = d.samples(61, 1, List.of());
    assertFalse(stale.scaleValid());
    assertEquals(-1, stale.desiredPodCount());
  }

  @Test
  void unlimitedBurstCapacityReadsZeroInsteadOfNoData() {
    Driver d = new Driver(spec(s -> {
      s.tbc = -1;
      return s;
    }), calm(T0));
    KpaDecision empty = d.samples(0, 1, List.of());
    assertTrue(empty.scaleValid());
    assertEquals(0, empty.deciderPodCount());
    assertEquals(-1, empty.excessBurstCapacity());
  }

  @Test
  void samplesOnEitherSideOfASecondBoundaryLandInDifferentBuckets() {
    Driver d = new Driver(spec(), calm(T0));
    KpaDecision step = d.samples(1, 1, List.of(new Sample(T0.plusMillis(999), 10),
        new Sample(T0.plusMillis(1000), 30)));
    assertEquals(20, step.observedStableValue(), 1e-9, "two buckets of 10 and 30");
    KpaDecision same = new Driver(spec(), calm(T0)).samples(1, 1, List.of(new Sample(T0.plusMillis(1000), 10),
        new Sample(T0.plusMillis(1999), 30)));
    assertEquals(40, same.observedStableValue(), 1e-9, "one bucket holding 10 + 30");
  }

  @Test
  void weightedAveragingWeighsTheNewestSecondMost() {
    Driver d = new Driver(spec(s -> {
      s.aggregation = Aggregation.WEIGHTED_EXPONENTIAL;
      return s;
    }), calm(T0));
    KpaDecision step = d.samples(0, 1, List.of(new Sample(T0, 50)));
    assertEquals(50 * 0.2, step.observedStableValue(), 1e-9);
    double m6 = 1 - Math.pow(0.0001, 1.0 / 6);
    assertEquals(50 * m6, step.observedPanicValue(), 1e-9);
    assertEquals(4, step.desiredPodCount(), "ceil(39.2 / 10) from the panic window");
  }

  @Test
  void windowsAreResizedWhenTheSpecChangesLength() {
    Driver d = new Driver(spec(), calm(T0));
    d.samples(5, 1, everySecond(0, 6, 10));
    KpaDecision resized = Kpa.decide(spec(s -> {
      s.stableSeconds = 30;
      s.panicSeconds = 3;
      return s;
    }), d.last.state(), List.of(), 1, T0.plusSeconds(5));
    assertEquals(30, resized.state().stableWindow().seconds());
    assertEquals(3, resized.state().panicWindow().seconds());
    // As in Knative, a resize assumes the old window was full (first write = last write - 59 s), so the six
    // seconds of 10 now average over all 30 buckets: 60 / 30 = 2.
    assertEquals(2, resized.observedStableValue(), 1e-9);
  }

  @Test
  void lastPodGoesAfterTheStableWindowActiveAndTheGracePeriodInactive() {
    Driver d = new Driver(spec(), new KpaState(null, 0, null, null, null, KpaState.Activity.ACTIVE, T0, true));
    assertEquals(1, d.observe(0, 1, 10, 10).desiredPodCount());
    // Traffic stops at t = 10: the decider wants 0 but the revision was active for less than 60 s.
    assertEquals(1, d.observe(10, 1, 0, 0).desiredPodCount());
    assertEquals(KpaState.Activity.ACTIVE, d.last.state().activity());
    // At t = 60 it has been active a full stable window: it turns inactive and keeps its pod for the grace period.
    assertEquals(1, d.observe(60, 1, 0, 0).desiredPodCount());
    assertEquals(KpaState.Activity.INACTIVE, d.last.state().activity());
    assertEquals(1, d.observe(89, 1, 0, 0).desiredPodCount());
    assertEquals(0, d.observe(90, 1, 0, 0).desiredPodCount());
    assertEquals(0, d.observe(120, 0, 0, 0).desiredPodCount());
  }

  @Test
  void requestsReachingAnIdleRevisionScaleItToTheActivationScale() {
    Driver d = new Driver(spec(s -> {
      s.activationScale = 3;
      return s;
    }), new KpaState(null, 0, null, null, null, KpaState.Activity.INACTIVE, T0.minusSeconds(600), true));
    assertEquals(0, d.observe(0, 0, 0, 0).desiredPodCount());
    KpaDecision woken = d.observe(2, 0, 1, 1);
    assertEquals(3, woken.desiredPodCount());
    assertEquals(KpaState.Activity.ACTIVE, woken.state().activity());
    assertEquals(T0.plusSeconds(2), woken.state().activitySince());
  }

  @Test
  void initialScaleHoldsUntilReachedThenTheDeciderRules() {
    Driver d = new Driver(spec(s -> {
      s.initialScale = 3;
      return s;
    }), null);
    assertEquals(3, d.observe(0, 0, 0, 0).desiredPodCount());
    assertEquals(3, d.observe(2, 2, 0, 0).desiredPodCount());
    KpaDecision reached = d.observe(4, 3, 10, 10);
    assertTrue(reached.state().initialized());
    assertEquals(1, reached.desiredPodCount(), "once reached, the decider's count (10 / 10 = 1) applies");
  }

  @Test
  void decisionsAreRepeatableFromTheSameState() {
    KpaState start = calm(T0);
    Instant now = T0.plusSeconds(7);
    KpaDecision a = Kpa.decide(spec(), start, 77, 120, 4, now);
    KpaDecision b = Kpa.decide(spec(), start, 77, 120, 4, now);
    assertEquals(a, b);
  }
}
