package dev.reflex.decide;

import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.Kpa;
import dev.reflex.core.kpa.KpaDecision;
import dev.reflex.core.kpa.KpaInputException;
import dev.reflex.core.kpa.KpaState;
import dev.reflex.core.kpa.Observation;
import dev.reflex.objects.InvalidFieldException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code reflex decide} for {@code "algorithm": "KPA"}.
 *
 * <p>Input: {@code now}; either {@code kpa} (Knative {@code config-autoscaler} keys plus the per-target
 * {@code metric}, {@code target}, {@code target-utilization-percentage}, {@code containerConcurrency},
 * {@code activation-scale}, {@code metric-aggregation-algorithm}, {@code reachable}) or a resolved
 * {@code deciderSpec} (neither = Knative's defaults); {@code readyPods}; either {@code observedStableValue} +
 * {@code observedPanicValue} (revision totals) or {@code samples} ({@code [{"time","value"}]} since the previous
 * call, kept in the state's windows); and {@code state} from a previous output (absent = new autoscaler).
 *
 * <p>Output: {@code desiredPodCount} (after bounds and scale-to-zero; -1 when invalid), {@code deciderPodCount},
 * {@code scaleValid}, {@code panicMode}, {@code excessBurstCapacity}, {@code numActivators},
 * {@code observedStableValue}, {@code observedPanicValue}, {@code deciderSpec} (resolved) and {@code state}.
 */
public final class KpaDecide implements DecideAlgorithm {

  @Override
  public String name() {
    return "KPA";
  }

  @Override
  public JsonObject decide(JsonObject document) {
    Instant now = KpaJson.instant(document, "now", "");
    DeciderSpec spec = spec(document);
    int readyPods = KpaJson.integer(document, "readyPods", "", null);
    if (readyPods < 0) {
      throw new InvalidFieldException("readyPods", "must be at least 0");
    }
    Observation observation = observation(document);
    KpaState state = document.getValue("state") == null ? null
        : KpaJson.stateFromJson(KpaJson.object(document, "state", ""));
    KpaDecision decision;
    try {
      decision = Kpa.decide(spec, state, observation, readyPods, now);
    } catch (KpaInputException e) {
      throw new InvalidFieldException(e.field(), e.problem());
    }
    return new JsonObject()
        .put("algorithm", name())
        .put("now", now.toString())
        .put("desiredPodCount", decision.desiredPodCount())
        .put("deciderPodCount", decision.deciderPodCount())
        .put("scaleValid", decision.scaleValid())
        .put("panicMode", decision.panicMode())
        .put("excessBurstCapacity", decision.excessBurstCapacity())
        .put("numActivators", decision.numActivators())
        .put("observedStableValue", decision.observedStableValue())
        .put("observedPanicValue", decision.observedPanicValue())
        .put("deciderSpec", KpaJson.specToJson(spec))
        .put("state", KpaJson.stateToJson(decision.state()));
  }

  private static DeciderSpec spec(JsonObject document) {
    boolean hasKpa = document.getValue("kpa") != null;
    boolean hasSpec = document.getValue("deciderSpec") != null;
    if (hasKpa && hasSpec) {
      throw new InvalidFieldException("deciderSpec", "give either kpa or deciderSpec, not both");
    }
    if (hasSpec) {
      return KpaJson.specFromJson(KpaJson.object(document, "deciderSpec", ""));
    }
    return KpaJson.specFromKpa(hasKpa ? KpaJson.object(document, "kpa", "") : new JsonObject());
  }

  private static Observation observation(JsonObject document) {
    boolean hasStable = document.getValue("observedStableValue") != null;
    boolean hasPanic = document.getValue("observedPanicValue") != null;
    boolean hasSamples = document.getValue("samples") != null;
    if (hasSamples && (hasStable || hasPanic)) {
      throw new InvalidFieldException("samples", "give either samples or observedStableValue/observedPanicValue, "
          + "not both");
    }
    if (hasSamples) {
      return new Observation.Samples(KpaJson.samples(document));
    }
    if (!hasStable && !hasPanic) {
      throw new InvalidFieldException("observedStableValue",
          "missing (give observedStableValue and observedPanicValue, or samples)");
    }
    double stable = KpaJson.number(document, "observedStableValue", "", null);
    double panic = KpaJson.number(document, "observedPanicValue", "", null);
    return new Observation.Observed(stable, panic);
  }
}
