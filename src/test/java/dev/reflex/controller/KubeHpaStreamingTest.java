package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.PodMetricSnapshot.PodValue;
import dev.reflex.bus.PodMetricSnapshot.Reason;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.ingest.IngestMeters;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.kubehpa.ResourceSeries;
import dev.reflex.metrics.kubehpa.StreamedHpa;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubeHpaStreamingTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final TargetKey WORKLOAD = new TargetKey("shop", "web");
  static final TargetKey PORTRAIT = new TargetKey("shop", "web-ihpa-reactive");
  static final TargetKey OTHER_PORTRAIT = new TargetKey("shop", "api-ihpa-reactive");

  KubeHpaStreaming streaming;

  @BeforeEach
  void setUp() {
    StreamedHpa trigger = new StreamedHpa(new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofSeconds(15),
        100), new InMemoryPodDirectory(), new IngestMeters(new SimpleMeterRegistry()), Clock.systemUTC());
    streaming = new KubeHpaStreaming(trigger, ResourceSeries.parse(List.of("cpu=cpu_usage_cores")));
    JsonArray metrics = new JsonArray()
        .add(new JsonObject("{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"rps\"},"
            + "\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"50\"}}}"))
        .add(new JsonObject("{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
            + "\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}}"));
    streaming.watch(PORTRAIT, WORKLOAD, metrics, 0.1, r -> OptionalDouble.of(0.1));
    streaming.watch(OTHER_PORTRAIT, new TargetKey("shop", "api"), metrics, 0.1, r -> OptionalDouble.of(0.1));
  }

  static PodMetricSnapshot snapshot(String metric, Reason reason, double... values) {
    List<PodValue> pods = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      pods.add(new PodValue("web-" + i, T0.toEpochMilli() + i, values[i]));
    }
    return new PodMetricSnapshot(WORKLOAD, metric, pods, reason, values.length, 3, T0);
  }

  @Test
  void aScaleUpSnapshotNamesThePortraitsWatchingItsWorkloadOnly() {
    assertEquals(List.of(PORTRAIT), streaming.received(snapshot("rps", Reason.SCALE_UP, 150, 150)));
    assertEquals(List.of(), streaming.received(snapshot("rps", Reason.INTERVAL, 40, 40)),
        "a regular refresh is read at the next sync");
  }

  @Test
  void theLatestValuesServePodsAndMappedResourceMetrics() {
    streaming.received(snapshot("rps", Reason.INTERVAL, 40, 60));
    streaming.received(snapshot("cpu_usage_cores", Reason.INTERVAL, 0.02));
    assertEquals(Map.of("web-0", 40.0, "web-1", 60.0), streaming.values(WORKLOAD).pods("rps").orElseThrow().values());
    assertEquals(T0.plusMillis(1), streaming.values(WORKLOAD).pods("rps").orElseThrow().newest());
    assertEquals(Map.of("web-0", 0.02), streaming.values(WORKLOAD).resource("cpu").orElseThrow().values());
    assertTrue(streaming.values(WORKLOAD).resource("memory").isEmpty());
    assertTrue(streaming.values(new TargetKey("shop", "api")).pods("rps").isEmpty());
  }

  @Test
  void staleSamplesAreDroppedAndNamedUntilSamplesReturn() {
    streaming.received(snapshot("rps", Reason.INTERVAL, 40));
    streaming.received(new PodMetricSnapshot(WORKLOAD, "rps", List.of(), Reason.STALE, 1, -1, T0));
    assertTrue(streaming.values(WORKLOAD).pods("rps").isEmpty(), "stale values are not used");
    assertEquals("streamed rps of shop/web had no sample within metrics.stale-after",
        streaming.staleNote(WORKLOAD).orElseThrow());
    streaming.received(snapshot("rps", Reason.INTERVAL, 45));
    assertTrue(streaming.staleNote(WORKLOAD).isEmpty());
    assertEquals(Map.of("web-0", 45.0), streaming.values(WORKLOAD).pods("rps").orElseThrow().values());
  }

  @Test
  void aForgottenPortraitIsNoLongerTriggered() {
    streaming.forget(PORTRAIT);
    assertEquals(List.of(), streaming.received(snapshot("rps", Reason.SCALE_UP, 150, 150)));
  }
}
