package dev.reflex.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.Kpa;
import dev.reflex.core.kpa.KpaConfig;
import dev.reflex.core.kpa.KpaDecision;
import dev.reflex.core.kpa.KpaState;
import dev.reflex.core.kpa.KpaTarget;
import dev.reflex.core.kpa.Sample;
import dev.reflex.objects.InvalidFieldException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code reflex decide} KPA document contract: fields, errors naming the field, and state round trips. */
class KpaDecideTest {

  private static final String NOW = "2026-01-01T00:00:00Z";
  private final KpaDecide kpa = new KpaDecide();

  private static JsonObject doc(String json) {
    return new JsonObject(json);
  }

  @Test
  void answersToKpa() {
    assertEquals("KPA", kpa.name());
  }

  @Test
  void seed004FromConfigMapKeys() {
    JsonObject out = kpa.decide(doc("""
        {"algorithm":"KPA","now":"2026-01-01T00:00:00Z",
         "kpa":{"container-concurrency-target-percentage":"70","containerConcurrency":10,"stable-window":"60s"},
         "readyPods":1,"observedStableValue":100,"observedPanicValue":100}"""));
    assertEquals(15, out.getInteger("desiredPodCount"));
    assertEquals(true, out.getBoolean("scaleValid"));
    assertEquals(true, out.getBoolean("panicMode"));
    assertEquals(7.000000000000001, out.getJsonObject("deciderSpec").getDouble("targetValue"), 1e-9);
    assertEquals(10.0, out.getJsonObject("deciderSpec").getDouble("totalValue"));
    assertEquals(6, out.getJsonObject("deciderSpec").getInteger("panicWindowSeconds"));
    assertNotNull(out.getJsonObject("state"));
  }

  @Test
  void resolvedDeciderSpecTakesKnativeDefaultsForAbsentFields() {
    JsonObject out = kpa.decide(doc("""
        {"algorithm":"KPA","now":"2026-01-01T00:00:00Z","deciderSpec":{"targetValue":10,"totalValue":20,
         "targetBurstCapacity":0,"panicThreshold":2.0,"stableWindowSeconds":60,"reachable":true},
         "readyPods":5,"observedStableValue":50,"observedPanicValue":50}"""));
    assertEquals(5, out.getInteger("desiredPodCount"));
    assertEquals(0, out.getInteger("excessBurstCapacity"));
    JsonObject spec = out.getJsonObject("deciderSpec");
    assertEquals(1000.0, spec.getDouble("maxScaleUpRate"));
    assertEquals(6, spec.getInteger("panicWindowSeconds"));
    assertEquals("concurrency", spec.getString("scalingMetric"));
  }

  @Test
  void activationScaleZeroIsUpstreamsUnsetValueAndActsAsOne() {
    String template = """
        {"now":"2026-01-01T00:00:00Z","deciderSpec":{"targetValue":10,"totalValue":20,"activationScale":%d},
         "readyPods":1,"observedStableValue":0.5,"observedPanicValue":0.5}""";
    JsonObject zero = kpa.decide(doc(template.formatted(0)));
    JsonObject one = kpa.decide(doc(template.formatted(1)));
    assertEquals(1, zero.getInteger("desiredPodCount"));
    assertEquals(0, zero.getJsonObject("deciderSpec").getInteger("activationScale"));
    zero.getJsonObject("deciderSpec").put("activationScale", 1);
    assertEquals(one, zero);
  }

  @Test
  void outputDeciderSpecReadsBackToTheSameSpec() {
    JsonObject out = kpa.decide(doc("""
        {"now":"2026-01-01T00:00:00Z","kpa":{"metric":"rps","target":"150","scale-down-delay":"30s",
         "metric-aggregation-algorithm":"weighted-exponential","min-scale":"1","max-scale":"9"},
         "readyPods":2,"observedStableValue":10,"observedPanicValue":10}"""));
    DeciderSpec direct = KpaJson.specFromKpa(new JsonObject().put("metric", "rps").put("target", "150")
        .put("scale-down-delay", "30s").put("metric-aggregation-algorithm", "weighted-exponential")
        .put("min-scale", "1").put("max-scale", "9"));
    assertEquals(direct, KpaJson.specFromJson(out.getJsonObject("deciderSpec")));
  }

  @Test
  void noDataIsAnInvalidDecision() {
    JsonObject out = kpa.decide(doc("""
        {"now":"2026-01-01T00:00:00Z","readyPods":1,"samples":[]}"""));
    assertFalse(out.getBoolean("scaleValid"));
    assertEquals(-1, out.getInteger("desiredPodCount"));
  }

  @Test
  void samplesAcceptRfc3339AndEpochSeconds() {
    JsonObject out = kpa.decide(doc("""
        {"now":"2026-01-01T08:00:01+08:00","readyPods":1,
         "samples":[{"time":"2026-01-01T00:00:00Z","value":70},{"time":1767225601,"value":70}]}"""));
    assertEquals(70.0, out.getDouble("observedStableValue"));
    assertEquals(1, out.getInteger("desiredPodCount"));
  }

  record Malformed(String name, String document, String wantMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Malformed bad(String name, String body, String wantMessage) {
    return new Malformed(name, body, wantMessage);
  }

  static Stream<Malformed> malformed() {
    String ok = "\"readyPods\":1,\"observedStableValue\":1,\"observedPanicValue\":1";
    return Stream.of(
        bad("missing now", "{" + ok + "}", "now: missing"),
        bad("now not a timestamp", "{\"now\":\"yesterday\"," + ok + "}",
            "now: \"yesterday\" is not an RFC 3339 timestamp"),
        bad("now of the wrong type", "{\"now\":true," + ok + "}", "now: must be an RFC 3339 timestamp string"),
        bad("missing readyPods", "{\"now\":\"" + NOW + "\",\"observedStableValue\":1,\"observedPanicValue\":1}",
            "readyPods: missing"),
        bad("readyPods not an integer", "{\"now\":\"" + NOW + "\",\"readyPods\":1.5,\"observedStableValue\":1,"
            + "\"observedPanicValue\":1}", "readyPods: must be a 32-bit integer"),
        bad("readyPods a string", "{\"now\":\"" + NOW + "\",\"readyPods\":\"3\",\"observedStableValue\":1,"
            + "\"observedPanicValue\":1}", "readyPods: must be an integer"),
        bad("negative readyPods", "{\"now\":\"" + NOW + "\",\"readyPods\":-1,\"observedStableValue\":1,"
            + "\"observedPanicValue\":1}", "readyPods: must be at least 0"),
        bad("no observation at all", "{\"now\":\"" + NOW + "\",\"readyPods\":1}",
            "observedStableValue: missing (give observedStableValue and observedPanicValue, or samples)"),
        bad("stable without panic", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"observedStableValue\":1}",
            "observedPanicValue: missing"),
        bad("panic without stable", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"observedPanicValue\":1}",
            "observedStableValue: missing"),
        bad("observed value a string", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"observedStableValue\":\"1\","
            + "\"observedPanicValue\":1}", "observedStableValue: must be a finite number"),
        bad("samples and observed values together", "{\"now\":\"" + NOW + "\"," + ok + ",\"samples\":[]}",
            "samples: give either samples or observedStableValue/observedPanicValue, not both"),
        bad("samples not an array", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"samples\":{}}",
            "samples: must be an array of {\"time\",\"value\"}"),
        bad("a sample not an object", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"samples\":[1]}",
            "samples[0]: must be an object {\"time\",\"value\"}"),
        bad("a sample without time", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"samples\":[{\"value\":1}]}",
            "samples[0].time: missing"),
        bad("a sample with a bad time", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"samples\":[{\"time\":\"" + NOW
            + "\",\"value\":1},{\"time\":\"noon\",\"value\":1}]}",
            "samples[1].time: \"noon\" is not an RFC 3339 timestamp"),
        bad("a sample without value", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"samples\":[{\"time\":\"" + NOW
            + "\"}]}", "samples[0].value: missing"),
        bad("a sample with a string value", "{\"now\":\"" + NOW + "\",\"readyPods\":1,\"samples\":[{\"time\":\""
            + NOW + "\",\"value\":\"7\"}]}", "samples[0].value: must be a finite number"),
        bad("kpa and deciderSpec together", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{},\"deciderSpec\":{}}",
            "deciderSpec: give either kpa or deciderSpec, not both"),
        bad("kpa not an object", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":[]}", "kpa: must be an object"),
        bad("kpa unknown key", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{\"stable-windw\":\"60s\"}}",
            "kpa.stable-windw: unknown config-autoscaler key"),
        bad("kpa bad duration", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{\"stable-window\":\"sixty\"}}",
            "kpa.stable-window: time: invalid duration \"sixty\""),
        bad("kpa value of the wrong type", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{\"min-scale\":[1]}}",
            "kpa.min-scale: must be a string, number or boolean"),
        bad("kpa out of range", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{\"max-scale-down-rate\":\"1\"}}",
            "kpa.max-scale-down-rate: must be greater than 1, was 1.0"),
        bad("kpa unknown metric", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{\"metric\":\"cpu\"}}",
            "kpa.metric: unknown KPA metric \"cpu\" (want concurrency or rps)"),
        bad("kpa bad containerConcurrency", "{\"now\":\"" + NOW + "\"," + ok + ",\"kpa\":{\"containerConcurrency\":"
            + "\"many\"}}", "kpa.containerConcurrency: \"many\" is not a 32-bit integer"),
        bad("deciderSpec unknown field", "{\"now\":\"" + NOW + "\"," + ok + ",\"deciderSpec\":{\"target\":10}}",
            "deciderSpec.target: unknown field"),
        bad("deciderSpec targetValue a string", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"targetValue\":\"10\"}}", "deciderSpec.targetValue: must be a finite number"),
        bad("deciderSpec zero target", "{\"now\":\"" + NOW + "\"," + ok + ",\"deciderSpec\":{\"targetValue\":0}}",
            "deciderSpec.targetValue: must be a finite number > 0, was 0.0"),
        bad("deciderSpec bad burst capacity", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"targetBurstCapacity\":-5}}",
            "deciderSpec.targetBurstCapacity: must be ≥ 0 or -1 (unlimited), was -5.0"),
        bad("deciderSpec fractional stable window", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"stableWindowSeconds\":1.5}}",
            "deciderSpec.stableWindowSeconds: must be whole seconds ≥ 1, was PT1.5S"),
        bad("deciderSpec negative activation scale", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"activationScale\":-1}}", "deciderSpec.activationScale: must be at least 0, was -1"),
        bad("deciderSpec reachable not boolean", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"reachable\":\"yes\"}}", "deciderSpec.reachable: must be a boolean"),
        bad("deciderSpec bad metric", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"scalingMetric\":\"memory\"}}",
            "deciderSpec.scalingMetric: unknown KPA metric \"memory\" (want concurrency or rps)"),
        bad("deciderSpec bad aggregation", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"metricAggregationAlgorithm\":\"median\"}}",
            "deciderSpec.metricAggregationAlgorithm: unknown aggregation algorithm \"median\" (want linear or "
                + "weighted-exponential)"),
        bad("deciderSpec minScale above maxScale", "{\"now\":\"" + NOW + "\"," + ok
            + ",\"deciderSpec\":{\"minScale\":5,\"maxScale\":2}}", "deciderSpec.minScale: must be in [0, maxScale], "
                + "was 5"),
        bad("state not an object", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":7}", "state: must be an object"),
        bad("state without activity", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{\"maxPanicPods\":0}}",
            "state.activity: missing"),
        bad("state with an unknown activity", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{\"maxPanicPods\":0,"
            + "\"activity\":\"Asleep\"}}", "state.activity: must be \"Active\" or \"Inactive\""),
        bad("state with negative maxPanicPods", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{\"maxPanicPods\":-1}}",
            "state.maxPanicPods: must be at least 0"),
        bad("state with a bad panicStart", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{\"panicStart\":\"x\"}}",
            "state.panicStart: \"x\" is not an RFC 3339 timestamp"),
        bad("state window with the wrong bucket count", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{"
            + "\"maxPanicPods\":0,\"activity\":\"Active\",\"activitySince\":\"" + NOW + "\",\"initialized\":true,"
            + "\"stableWindow\":{\"seconds\":3,\"algorithm\":\"linear\",\"firstWrite\":0,\"lastWrite\":0,"
            + "\"total\":1,\"buckets\":[1]},\"panicWindow\":{\"seconds\":1,\"algorithm\":\"linear\"}}}",
            "state.stableWindow.buckets: must have 3 entries, had 1"),
        bad("state window with a bad bucket", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{"
            + "\"maxPanicPods\":0,\"activity\":\"Active\",\"activitySince\":\"" + NOW + "\",\"initialized\":true,"
            + "\"stableWindow\":{\"seconds\":2,\"algorithm\":\"linear\",\"firstWrite\":0,\"lastWrite\":0,"
            + "\"total\":1,\"buckets\":[1,\"x\"]},\"panicWindow\":{\"seconds\":1,\"algorithm\":\"linear\"}}}",
            "state.stableWindow.buckets[1]: must be a finite number"),
        bad("state with only one window", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{"
            + "\"maxPanicPods\":0,\"activity\":\"Active\",\"activitySince\":\"" + NOW + "\",\"initialized\":true,"
            + "\"stableWindow\":{\"seconds\":2,\"algorithm\":\"linear\"}}}", "state.panicWindow: missing"),
        bad("state delay window with unsorted entries", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{"
            + "\"maxPanicPods\":0,\"activity\":\"Active\",\"activitySince\":\"" + NOW + "\",\"initialized\":true,"
            + "\"delayWindow\":{\"size\":3,\"entries\":[{\"index\":1,\"value\":2},{\"index\":2,\"value\":5}]}}}",
            "state.delayWindow.entries: entries must have strictly descending values"),
        bad("state delay window entry without index", "{\"now\":\"" + NOW + "\"," + ok + ",\"state\":{"
            + "\"maxPanicPods\":0,\"activity\":\"Active\",\"activitySince\":\"" + NOW + "\",\"initialized\":true,"
            + "\"delayWindow\":{\"size\":3,\"entries\":[{\"value\":2}]}}}",
            "state.delayWindow.entries[0].index: missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedDocumentsNameTheField(Malformed c) {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> kpa.decide(doc(c.document())));
    assertEquals(c.wantMessage(), e.getMessage());
  }

  @Test
  void stateFedBackGivesTheSameResultsAsOneContinuousRun() {
    Map<String, Object> keys = Map.of("scale-down-delay", "10s", "target-burst-capacity", "211", "target", "10",
        "metric-aggregation-algorithm", "weighted-exponential");
    DeciderSpec spec = DeciderSpec.resolve(KpaConfig.fromMap(keys, KpaTarget.KEYS), KpaTarget.fromMap(keys));
    Instant t0 = Instant.parse("2026-03-01T10:00:00.250Z");
    double[] load = {5, 40, 80, 300, 250, 60, 20, 10, 0, 0, 0, 0, 35, 7};
    int ready = 2;
    KpaState continuous = null;
    JsonObject jsonState = null;
    for (int step = 0; step < 60; step++) {
      Instant now = t0.plusSeconds(2L * step);
      List<Sample> samples = new ArrayList<>();
      JsonArray jsonSamples = new JsonArray();
      for (int s = 0; s < 2; s++) {
        Instant at = now.minusMillis(1500L - 1000L * s);
        double value = load[(step + s) % load.length] + step * 0.37;
        samples.add(new Sample(at, value));
        jsonSamples.add(new JsonObject().put("time", at.toString()).put("value", value));
      }
      KpaDecision direct = Kpa.decide(spec, continuous, samples, ready, now);
      continuous = direct.state();
      JsonObject in = new JsonObject().put("algorithm", "KPA").put("now", now.toString()).put("kpa", new JsonObject(
          Map.copyOf(keys))).put("readyPods", ready).put("samples", jsonSamples);
      if (jsonState != null) {
        // Through text, as a user would pipe it.
        in.put("state", new JsonObject(jsonState.encode()));
      }
      JsonObject out = kpa.decide(in);
      jsonState = out.getJsonObject("state");
      assertEquals(direct.desiredPodCount(), out.getInteger("desiredPodCount"), "step " + step);
      assertEquals(direct.panicMode(), out.getBoolean("panicMode"), "step " + step);
      assertEquals(direct.excessBurstCapacity(), out.getInteger("excessBurstCapacity"), "step " + step);
      assertEquals(direct.observedStableValue(), out.getDouble("observedStableValue"), 0, "step " + step);
      assertEquals(direct.observedPanicValue(), out.getDouble("observedPanicValue"), 0, "step " + step);
      assertEquals(continuous, KpaJson.stateFromJson(jsonState), "state at step " + step);
      ready = Math.max(0, direct.desiredPodCount());
    }
    assertTrue(jsonState.containsKey("delayWindow"));
  }

  @Test
  void observedValueModeStateRoundTripsWithoutWindows() {
    JsonObject first = kpa.decide(doc("""
        {"now":"2026-01-01T00:00:00Z","readyPods":3,"observedStableValue":500,"observedPanicValue":500}"""));
    JsonObject state = first.getJsonObject("state");
    assertFalse(state.containsKey("stableWindow"));
    assertEquals("2026-01-01T00:00:00Z", state.getString("panicStart"));
    JsonObject second = kpa.decide(new JsonObject().put("now", "2026-01-01T00:00:02Z").put("readyPods", 8)
        .put("observedStableValue", 10).put("observedPanicValue", 10).put("state", state));
    assertEquals(first.getInteger("desiredPodCount"), second.getInteger("desiredPodCount"),
        "panic high-water mark carried through the JSON state");
  }
}
