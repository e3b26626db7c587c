package dev.reflex.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A replica recommendation computed from streamed metrics by the KPA stable/panic algorithm (the fast path of
 * burst scaling).
 *
 * <p><b>Stale means hold.</b> When no sample arrived for a target within {@code metrics.stale-after},
 * {@code stale} is true and {@code desiredReplicas} is -1: there is no recommendation, and a consumer must keep the
 * current scale. A stale portrait never justifies a scale-down, because missing metrics say nothing about load.
 * The same -1 is used when the KPA had no data to decide on ({@link Reason#NO_DATA}).
 *
 * @param target the workload
 * @param metric the metric the decision is based on
 * @param desiredReplicas the recommended replica count, or -1 for none (stale or no data)
 * @param panic whether the KPA is in panic mode
 * @param stale whether the target's metrics are stale
 * @param reason what caused this decision
 * @param readyPods ready pods the decision was made with
 * @param observedStable the stable-window value (revision total)
 * @param observedPanic the panic-window value (revision total)
 * @param at the decision instant
 */
public record MetricsPortrait(TargetKey target, String metric, int desiredReplicas, boolean panic, boolean stale,
    Reason reason, int readyPods, double observedStable, double observedPanic, Instant at) implements BusMessage {

  /** Why a portrait was computed. */
  public enum Reason {
    /** The panic-window value crossed the panic threshold: decided at once, on the batch that did it. */
    PANIC,
    /** A batch raised the recommendation: decided at once. */
    SCALE_UP,
    /** The regular stable-mode decision, at most once per {@code metrics.decision-interval}. */
    INTERVAL,
    /** No sample for {@code metrics.stale-after}: no recommendation, keep the current scale. */
    STALE,
    /** The KPA's windows hold no data yet: no recommendation. */
    NO_DATA
  }

  public MetricsPortrait {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (desiredReplicas < -1) {
      throw new IllegalArgumentException("desiredReplicas must be -1 (none) or at least 0, was " + desiredReplicas);
    }
    if (stale && desiredReplicas != -1) {
      throw new IllegalArgumentException("a stale portrait carries no recommendation (desiredReplicas -1)");
    }
  }

  /** Whether this portrait recommends a replica count. */
  public boolean hasRecommendation() {
    return desiredReplicas >= 0;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("type", "MetricsPortrait").put("target", target.toString()).put("metric", metric)
        .put("desiredReplicas", desiredReplicas).put("panic", panic).put("stale", stale)
        .put("reason", reason.name()).put("readyPods", readyPods).put("observedStable", observedStable)
        .put("observedPanic", observedPanic).put("at", at.toString());
  }
}
