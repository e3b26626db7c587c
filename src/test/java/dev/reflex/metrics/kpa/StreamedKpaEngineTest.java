package dev.reflex.metrics.kpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.MetricsPortrait.Reason;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.Fixtures;
import dev.reflex.metrics.routing.DropReason;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.WorkloadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamedKpaEngineTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final WorkloadRef WEB = new WorkloadRef("Deployment", "shop", "web");
  static final TargetKey KEY = WEB.target();

  InMemoryPodDirectory pods;
  Map<DropReason, Integer> drops;
  StreamedKpaEngine engine;

  @BeforeEach
  void setUp() {
    pods = new InMemoryPodDirectory().put("shop", "web-0", WEB, true);
    drops = new EnumMap<>(DropReason.class);
    engine = new StreamedKpaEngine(new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofSeconds(5), 100),
        pods::readyPods, (reason, n) -> drops.merge(reason, n, Integer::sum));
    engine.register(KEY, "concurrency", Fixtures.spec(), T0);
  }

  static SampleMessage.Batch batch(String metric, Instant at, double... perPod) {
    List<SampleMessage.PodSample> samples = new java.util.ArrayList<>();
    for (int i = 0; i < perPod.length; i++) {
      samples.add(new SampleMessage.PodSample("pod=web-" + i, "web-" + i, at.toEpochMilli(), perPod[i]));
    }
    return new SampleMessage.Batch(KEY, "Deployment", metric, samples, "test", at);
  }

  @Test
  void burstAcrossThePanicThresholdIsDecidedAtOnceAndScalesUp() {
    assertFalse(engine.offer(batch("concurrency", T0.plusSeconds(1), 5), T0.plusSeconds(1)),
        "5 concurrent requests on one pod at 10 per pod is calm");
    List<MetricsPortrait> first = engine.tick(T0.plusSeconds(1));
    assertEquals(1, first.size());
    assertEquals(1, first.get(0).desiredReplicas());
    assertFalse(first.get(0).panic());

    // Panic window (linear): (5 + 50) / 2 s = 27.5 → ceil(2.75) = 3 pods on 1 ready = 300 % ≥ 200 %.
    Instant burst = T0.plusSeconds(2);
    assertTrue(engine.offer(batch("concurrency", burst, 50), burst), "the burst asks for a decision");
    MetricsPortrait p = engine.decideNow(KEY, burst).get(0);
    assertEquals(Reason.PANIC, p.reason());
    assertTrue(p.panic());
    assertEquals(3, p.desiredReplicas());
    assertEquals(p, engine.latest(KEY).orElseThrow());
    assertTrue(engine.decideNow(KEY, burst).isEmpty(), "the flag is cleared: coalesced into one decision");
  }

  @Test
  void stableDecisionsAreAtMostOncePerIntervalAndPublishedOnlyOnChange() {
    engine.offer(batch("concurrency", T0.plusSeconds(1), 5), T0.plusSeconds(1));
    assertEquals(1, engine.tick(T0.plusSeconds(1)).size());
    engine.offer(batch("concurrency", T0.plusMillis(1500), 6), T0.plusMillis(1500));
    assertEquals(List.of(), engine.tick(T0.plusMillis(1600)), "within the interval: no decision");
    assertEquals(List.of(), engine.tick(T0.plusSeconds(2)), "decided again, but the recommendation is unchanged");
  }

  @Test
  void silentTargetTurnsStaleWithoutARecommendation() {
    engine.offer(batch("concurrency", T0.plusSeconds(1), 30), T0.plusSeconds(1));
    engine.tick(T0.plusSeconds(1));
    assertEquals(List.of(), engine.tick(T0.plusSeconds(5)), "4 s of silence is not stale yet");
    List<MetricsPortrait> stale = engine.tick(T0.plusSeconds(6));
    assertEquals(1, stale.size());
    assertTrue(stale.get(0).stale());
    assertEquals(-1, stale.get(0).desiredReplicas(), "stale never recommends, so it cannot scale down");
    assertEquals(List.of(), engine.tick(T0.plusSeconds(7)), "announced once");
    engine.offer(batch("concurrency", T0.plusSeconds(8), 30), T0.plusSeconds(8));
    MetricsPortrait back = engine.tick(T0.plusSeconds(8)).get(0);
    assertFalse(back.stale(), "fresh samples end the staleness");
  }

  @Test
  void registeredTargetThatNeverReportsTurnsStale() {
    List<MetricsPortrait> out = engine.tick(T0.plusSeconds(5));
    assertEquals(1, out.size());
    assertEquals(Reason.STALE, out.get(0).reason());
  }

  @Test
  void otherMetricsAndUnregisteredTargetsAreIgnored() {
    assertFalse(engine.offer(batch("rps", T0.plusSeconds(1), 500), T0.plusSeconds(1)));
    assertEquals(0, engine.seriesCount(KEY));
    assertTrue(engine.unregister(KEY));
    assertFalse(engine.offer(batch("concurrency", T0.plusSeconds(1), 500), T0.plusSeconds(1)));
  }

  @Test
  void duplicatesAndOutOfOrderSamplesAreCounted() {
    engine.offer(batch("concurrency", T0.plusSeconds(2), 5), T0.plusSeconds(2));
    engine.offer(batch("concurrency", T0.plusSeconds(2), 5), T0.plusSeconds(2));
    engine.offer(batch("concurrency", T0.plusSeconds(1), 5), T0.plusSeconds(2));
    assertEquals(Map.of(DropReason.DUPLICATE, 1, DropReason.OUT_OF_ORDER, 1), drops);
  }

  @Test
  void seriesCapBoundsMemoryPerTarget() {
    engine = new StreamedKpaEngine(new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofSeconds(5), 3),
        pods::readyPods, (reason, n) -> drops.merge(reason, n, Integer::sum));
    engine.register(KEY, "concurrency", Fixtures.spec(), T0);
    engine.offer(batch("concurrency", T0.plusSeconds(1), 1, 1, 1, 1, 1), T0.plusSeconds(1));
    assertEquals(3, engine.seriesCount(KEY));
    assertEquals(Map.of(DropReason.SERIES_LIMIT, 2), drops);
  }
}
