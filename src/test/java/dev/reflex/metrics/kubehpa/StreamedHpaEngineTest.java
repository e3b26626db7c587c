package dev.reflex.metrics.kubehpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.PodMetricSnapshot.Reason;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.routing.DropReason;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.WorkloadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamedHpaEngineTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final WorkloadRef WEB = new WorkloadRef("Deployment", "shop", "web");
  static final TargetKey KEY = WEB.target();
  static final String PORTRAIT = "shop/web-reactive";

  InMemoryPodDirectory pods;
  Map<DropReason, Integer> drops;
  StreamedHpaEngine engine;

  @BeforeEach
  void setUp() {
    pods = new InMemoryPodDirectory().put("shop", "web-0", WEB, true).put("shop", "web-1", WEB, true);
    drops = new EnumMap<>(DropReason.class);
    engine = new StreamedHpaEngine(new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofSeconds(5), 3),
        pods::readyPods, (reason, n) -> drops.merge(reason, n, Integer::sum));
    engine.register(KEY, PORTRAIT, List.of(new Watch("qps", 1.0, 0.1)), T0);
  }

  static SampleMessage.Batch batch(String metric, Instant at, double... perPod) {
    List<SampleMessage.PodSample> samples = new ArrayList<>();
    for (int i = 0; i < perPod.length; i++) {
      samples.add(new SampleMessage.PodSample("pod=web-" + i, "web-" + i, at.toEpochMilli(), perPod[i]));
    }
    return new SampleMessage.Batch(KEY, "Deployment", metric, samples, "test", at);
  }

  static Stream<Arguments> firstBatches() {
    return Stream.of(
        Arguments.of("at target: the HPA keeps 2 pods", new double[] {1.0, 1.0}, false),
        Arguments.of("inside the tolerance (ratio 1.08): no scale-up", new double[] {1.05, 1.1}, false),
        Arguments.of("ratio 1.6 wants ceil(3.2) = 4 > 2 ready pods: now", new double[] {1.5, 1.7}, true),
        Arguments.of("one hot pod of two: ratio 1.25, ceil(2.5) = 3 > 2: now", new double[] {0.5, 2.0}, true),
        Arguments.of("ratio 1.15 beyond tolerance but ceil(2.3) = 3 > 2: now", new double[] {1.15, 1.15}, true),
        Arguments.of("below target: a scale-down waits for the regular decision", new double[] {0.1, 0.2}, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firstBatches")
  void aBatchAsksForADecisionNowOnlyWhenTheHpaWouldScaleUp(String name, double[] values, boolean now) {
    assertEquals(now, engine.offer(batch("qps", T0, values), T0));
  }

  @Test
  void parkedPodsReportingZeroAtTheTargetStillCallForBringingThemBack() {
    // web-0 online (ready) at 3 per pod, web-1 and web-2 Cutoff (not ready, reporting 0): the average is 1, the
    // target, so the HPA keeps the 3 pods online; only 1 is ready, so the Cutoff pods are to come back now.
    pods = new InMemoryPodDirectory().put("shop", "web-0", WEB, true).put("shop", "web-1", WEB, false)
        .put("shop", "web-2", WEB, false);
    engine = new StreamedHpaEngine(new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofSeconds(5), 3),
        pods::readyPods, (reason, n) -> drops.merge(reason, n, Integer::sum));
    engine.register(KEY, PORTRAIT, List.of(new Watch("qps", 1.0, 0.1)), T0);
    assertTrue(engine.offer(batch("qps", T0, 3.0, 0, 0), T0));
    // The same average with every pod ready keeps what is there: nothing to do now.
    pods.put("shop", "web-1", WEB, true).put("shop", "web-2", WEB, true);
    engine.decideNow(KEY, T0);
    assertFalse(engine.offer(batch("qps", T0.plusSeconds(1), 1.0, 1.0, 1.0), T0.plusSeconds(1)));
  }

  @Test
  void theImmediateSnapshotCarriesEveryPodsNewestValueAndTheEstimate() {
    assertTrue(engine.offer(batch("qps", T0, 1.5, 1.7), T0));
    List<PodMetricSnapshot> now = engine.decideNow(KEY, T0);
    assertEquals(1, now.size());
    PodMetricSnapshot s = now.get(0);
    assertEquals(Reason.SCALE_UP, s.reason());
    assertEquals("qps", s.metric());
    assertEquals(List.of(new PodMetricSnapshot.PodValue("web-0", T0.toEpochMilli(), 1.5),
        new PodMetricSnapshot.PodValue("web-1", T0.toEpochMilli(), 1.7)), s.pods());
    assertEquals(4, s.estimate());
    assertEquals(2, s.readyPods());
    assertTrue(engine.decideNow(KEY, T0).isEmpty(), "the flag is cleared: one decision per burst");
  }

  @Test
  void aBurstAlreadyHandedOverDoesNotAskAgainUntilItGrows() {
    engine.offer(batch("qps", T0, 1.5, 1.7), T0);
    engine.decideNow(KEY, T0);
    Instant t1 = T0.plusMillis(200);
    assertFalse(engine.offer(batch("qps", t1, 1.6, 1.6), t1), "still ceil(3.2) = 4: already asked for");
    Instant t2 = T0.plusMillis(400);
    assertTrue(engine.offer(batch("qps", t2, 3.0, 2.5), t2), "ceil(5.5) = 6 > 4: asks again");
  }

  @Test
  void aRearmedTargetAsksAgainAtTheSameLevel() {
    engine.offer(batch("qps", T0, 1.5, 1.7), T0);
    engine.decideNow(KEY, T0);
    engine.rearm(KEY);
    Instant t1 = T0.plusMillis(200);
    assertTrue(engine.offer(batch("qps", t1, 1.6, 1.6), t1), "the decision on 4 failed: 4 > 2 ready asks again");
  }

  @Test
  void calmChangesArePublishedAtMostOncePerInterval() {
    assertFalse(engine.offer(batch("qps", T0, 0.5, 0.5), T0));
    List<PodMetricSnapshot> first = engine.tick(T0);
    assertEquals(1, first.size());
    assertEquals(Reason.INTERVAL, first.get(0).reason());
    assertEquals(1, first.get(0).estimate());

    Instant t1 = T0.plusMillis(300);
    engine.offer(batch("qps", t1, 0.6, 0.6), t1);
    assertTrue(engine.tick(t1).isEmpty(), "0.3 s after the last publication: wait");
    assertEquals(1, engine.tick(T0.plusSeconds(1)).size(), "a full interval later: publish");
    assertTrue(engine.tick(T0.plusSeconds(2)).isEmpty(), "nothing new arrived: nothing to publish");
  }

  @Test
  void silentPodsGoStaleAndASilentMetricIsAnnouncedOnceWithoutValues() {
    engine.offer(batch("qps", T0, 0.5, 0.5), T0);
    engine.tick(T0);
    Instant t3 = T0.plusSeconds(3);
    engine.offer(new SampleMessage.Batch(KEY, "Deployment", "qps",
        List.of(new SampleMessage.PodSample("pod=web-0", "web-0", t3.toEpochMilli(), 0.7)), "test", t3), t3);
    List<PodMetricSnapshot> partial = engine.tick(T0.plusSeconds(6));
    assertEquals(1, partial.size());
    assertEquals(List.of("web-0"), partial.get(0).pods().stream().map(PodMetricSnapshot.PodValue::pod).toList(),
        "web-1 was silent for 6 s > 5 s: dropped");

    List<PodMetricSnapshot> stale = engine.tick(T0.plusSeconds(9));
    assertEquals(1, stale.size());
    assertEquals(Reason.STALE, stale.get(0).reason());
    assertFalse(stale.get(0).hasValues());
    assertTrue(engine.tick(T0.plusSeconds(12)).isEmpty(), "announced once");
  }

  @Test
  void duplicatesOutOfOrderSamplesAndPodsBeyondTheCapAreRefusedAndCounted() {
    engine.offer(batch("qps", T0, 0.5, 0.5), T0);
    engine.offer(batch("qps", T0, 0.9, 0.9), T0);
    engine.offer(batch("qps", T0.minusSeconds(1), 0.9, 0.9), T0);
    engine.offer(batch("qps", T0.plusSeconds(1), 0.5, 0.5, 0.5, 0.5), T0.plusSeconds(1));
    assertEquals(2, drops.get(DropReason.DUPLICATE));
    assertEquals(2, drops.get(DropReason.OUT_OF_ORDER));
    assertEquals(1, drops.get(DropReason.SERIES_LIMIT), "the cap is 3 pods per target and metric");
  }

  @Test
  void unwatchedMetricsAndWorkloadsAreIgnoredAndAnOwnerCanStopWatching() {
    assertFalse(engine.offer(batch("latency", T0, 99, 99), T0));
    assertTrue(engine.tick(T0).isEmpty());
    engine.register(KEY, PORTRAIT, List.of(), T0);
    assertFalse(engine.registered(KEY));
    assertFalse(engine.offer(batch("qps", T0, 5, 5), T0));
  }

  @Test
  void twoPortraitsOnOneMetricEachWithItsOwnTargetTheStricterAsksFirst() {
    engine.register(KEY, "shop/web-strict", List.of(new Watch("qps", 0.5, 0.0)), T0);
    assertTrue(engine.offer(batch("qps", T0, 0.8, 0.8), T0), "1.6 at 0.5 per pod wants 4 > 2");
    assertEquals(4, engine.decideNow(KEY, T0).get(0).estimate(), "the larger of ceil(1.6/1) = 2 and 1.6/0.5 = 4");
  }
}
