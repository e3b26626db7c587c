package dev.reflex.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Metric samples that an ingest path (remote-write, Kafka) accepted and routed to the workload they describe. */
public sealed interface SampleMessage extends BusMessage {

  /**
   * One pod series' sample.
   *
   * @param series identity of the series inside its target and metric (its labels without the metric name)
   * @param pod the pod the series belongs to; empty when the series names its workload directly
   * @param timestampMillis the sample's own timestamp, milliseconds since the epoch
   * @param value the value: finite and not negative
   */
  record PodSample(String series, String pod, long timestampMillis, double value) {
    public PodSample {
      Objects.requireNonNull(series, "series");
      Objects.requireNonNull(pod, "pod");
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException("value must be finite and not negative, was " + value);
      }
    }
  }

  /**
   * Samples of one metric for one workload, in arrival order (per series, oldest first).
   *
   * @param target the workload (namespace and name)
   * @param kind the workload kind, e.g. {@code Deployment}
   * @param metric the metric name ({@code __name__})
   * @param samples at least one sample
   * @param source where they came from: {@code remote-write} or {@code kafka}
   * @param receivedAt when the ingest path received the request or record carrying them
   */
  record Batch(TargetKey target, String kind, String metric, List<PodSample> samples, String source,
      Instant receivedAt) implements SampleMessage {
    public Batch {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(receivedAt, "receivedAt");
      samples = List.copyOf(samples);
      if (samples.isEmpty()) {
        throw new IllegalArgumentException("a batch carries at least one sample");
      }
    }

    @Override
    public JsonObject toJson() {
      JsonArray points = new JsonArray();
      // Taps show at most a handful: a batch from a large scrape can hold thousands of samples.
      samples.stream().limit(10).forEach(s -> points.add(new JsonObject().put("series", s.series())
          .put("pod", s.pod()).put("timestamp", s.timestampMillis()).put("value", s.value())));
      return new JsonObject().put("type", "Batch").put("target", target.toString()).put("kind", kind)
          .put("metric", metric).put("count", samples.size()).put("samples", points).put("source", source)
          .put("receivedAt", receivedAt.toString());
    }
  }
}
