package dev.reflex.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest streamed value of one metric for each pod of a workload: what a KubeHPA portrait reads instead of
 * polling a metrics API, and, with {@link Reason#SCALE_UP}, the signal to decide at once.
 *
 * <p><b>Stale means hold.</b> With {@link Reason#STALE} no pod reported within {@code metrics.stale-after}: the
 * snapshot carries no values and consumers fall back to their polled sources; missing samples never scale down.
 *
 * @param target the workload
 * @param metric the streamed metric name ({@code __name__})
 * @param pods one entry per pod that reported within {@code metrics.stale-after}
 * @param reason why it was published
 * @param readyPods ready pods of the workload when it was published
 * @param estimate the replicas the values ask for at the watched per-pod target (sum / target, rounded up), or -1
 *     when no target is watched on this metric
 * @param at when it was published
 */
public record PodMetricSnapshot(TargetKey target, String metric, List<PodValue> pods, Reason reason, int readyPods,
    int estimate, Instant at) implements BusMessage {

  /** Why a snapshot was published. */
  public enum Reason {
    /** A batch pushed the values past the scale-up tolerance of a watched target: decide now. */
    SCALE_UP,
    /** The regular refresh, at most once per {@code metrics.decision-interval}, when the values changed. */
    INTERVAL,
    /** No pod reported for {@code metrics.stale-after}: no values, keep the current scale. */
    STALE
  }

  /**
   * One pod's newest sample.
   *
   * @param pod the pod name
   * @param timestampMillis the sample's own timestamp
   * @param value finite and not negative, in the metric's units
   */
  public record PodValue(String pod, long timestampMillis, double value) {
    public PodValue {
      Objects.requireNonNull(pod, "pod");
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException("value must be finite and not negative, was " + value);
      }
    }
  }

  public PodMetricSnapshot {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    pods = List.copyOf(pods);
    if (reason == Reason.STALE && !pods.isEmpty()) {
      throw new IllegalArgumentException("a stale snapshot carries no values");
    }
  }

  /** Whether it carries values a consumer may use. */
  public boolean hasValues() {
    return reason != Reason.STALE && !pods.isEmpty();
  }

  @Override
  public JsonObject toJson() {
    JsonArray values = new JsonArray();
    // Taps show a handful: a large workload has hundreds of pods.
    pods.stream().limit(10).forEach(p -> values.add(new JsonObject().put("pod", p.pod())
        .put("timestamp", p.timestampMillis()).put("value", p.value())));
    return new JsonObject().put("type", "PodMetricSnapshot").put("target", target.toString()).put("metric", metric)
        .put("count", pods.size()).put("pods", values).put("reason", reason.name()).put("readyPods", readyPods)
        .put("estimate", estimate).put("at", at.toString());
  }
}
