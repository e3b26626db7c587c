package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.MetricsPortrait.Reason;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaState;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each built-in generator makes of what it read: a streamed KPA recommendation, an HPA decision, an external
 * job's result ConfigMap. The expected outcome is written out whole: kind, status data or reason and message.
 */
class PortraitOutcomeTableTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final TargetKey WORKLOAD = new TargetKey("shop", "web");
  private static final Optional<Instant> NEXT = Optional.of(T0.plusSeconds(15));

  record Case(String name, PortraitOutcome got, PortraitOutcome want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static MetricsPortrait streamed(int desired, boolean stale, Reason reason) {
    return new MetricsPortrait(WORKLOAD, "concurrency", desired, false, stale, reason, 2, 0, 0, T0);
  }

  private static PortraitOutcome kpa(Optional<MetricsPortrait> latest) {
    return KpaPortraitGenerator.outcome(WORKLOAD, "concurrency", latest);
  }

  private static HpaDecision decision(int desired, String error) {
    return new HpaDecision(2, desired, desired != 2, "", List.of(), List.of(), List.of(), error,
        HpaState.FIRST_SIGHT);
  }

  private static JsonObject configMap(JsonObject data) {
    return new JsonObject().put("data", data);
  }

  private static PortraitOutcome.Generated staticPortrait(int replicas, Optional<Instant> again) {
    return new PortraitOutcome.Generated(new JsonObject().put("type", "Static")
        .put("static", new JsonObject().put("replicas", replicas)), again);
  }

  private static PortraitOutcome.Failed fetchFailed(String why) {
    return new PortraitOutcome.Failed("FailedFetchExternalAlgorithmJobResult",
        "failed to fetch external algorithm job result: " + why, Optional.empty());
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("KPA: nothing streamed yet holds", kpa(Optional.empty()), new PortraitOutcome.Hold(Optional.empty())),
        new Case("KPA: windows without data hold", kpa(Optional.of(streamed(-1, false, Reason.NO_DATA))),
            new PortraitOutcome.Hold(Optional.empty())),
        new Case("KPA: a recommendation is a Static portrait", kpa(Optional.of(streamed(7, false, Reason.PANIC))),
            staticPortrait(7, Optional.empty())),
        new Case("KPA: a recommendation of zero is kept (scale to zero)",
            kpa(Optional.of(streamed(0, false, Reason.INTERVAL))), staticPortrait(0, Optional.empty())),
        new Case("KPA: stale samples fail and keep the last portrait",
            kpa(Optional.of(streamed(-1, true, Reason.STALE))),
            new PortraitOutcome.Failed("MetricsStale", "streamed metric concurrency of shop/web has had no sample"
                + " within metrics.stale-after; keeping the last portrait (missing metrics never scale down)",
                Optional.empty())),
        new Case("KubeHPA: a decision is a Static portrait, decided again at the next sync",
            KubeHpaPortraitGenerator.outcome(decision(5, null), List.of(), NEXT), staticPortrait(5, NEXT)),
        new Case("KubeHPA: an error fails",
            KubeHpaPortraitGenerator.outcome(decision(2, "no metric could be computed"), List.of(), NEXT),
            PortraitOutcome.generateFailed("no metric could be computed", NEXT)),
        new Case("KubeHPA: an error says what was behind it",
            KubeHpaPortraitGenerator.outcome(decision(2, "no metric could be computed"),
                List.of("cpu: no usage for 2 pods", "streamed values stale"), NEXT),
            new PortraitOutcome.Failed("FailedGeneratePortrait", "failed to generate portrait: no metric could be"
                + " computed (cpu: no usage for 2 pods; streamed values stale)", NEXT)),
        new Case("ExternalJob: no result yet",
            ExternalJobPortraitGenerator.result("web-predictive-result", null),
            fetchFailed("ConfigMap web-predictive-result not found yet")),
        new Case("ExternalJob: a result of another type",
            ExternalJobPortraitGenerator.result("r", configMap(new JsonObject().put("type", "Static"))),
            fetchFailed("ConfigMap r: type: unsupported result type 'Static' (expected TimeSeries)")),
        new Case("ExternalJob: a result that is not JSON",
            ExternalJobPortraitGenerator.result("r", configMap(new JsonObject().put("type", "TimeSeries")
                .put("timeSeries", "{1698231600: 3"))),
            fetchFailed("ConfigMap r: timeSeries: not a JSON object of timestamp -> replicas")),
        new Case("ExternalJob: points sorted, float timestamps read as Kapacity's job writes them",
            ExternalJobPortraitGenerator.result("r", configMap(new JsonObject().put("type", "TimeSeries")
                .put("timeSeries", "{\"1698235200\": 5, \"1698231600.0\": 3}")
                .put("expireTime", "2023-10-25T13:00:00Z"))),
            new PortraitOutcome.Generated(new JsonObject().put("type", "TimeSeries")
                .put("timeSeries", new JsonObject().put("timeSeries", new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("timestamp", 1698231600L).put("replicas", 3))
                    .add(new JsonObject().put("timestamp", 1698235200L).put("replicas", 5))))
                .put("expireTime", "2023-10-25T13:00:00Z"), Optional.empty())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outcome(Case c) {
    assertEquals(c.want(), c.got());
  }
}
