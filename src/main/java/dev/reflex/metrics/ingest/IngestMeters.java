package dev.reflex.metrics.ingest;

import dev.reflex.metrics.routing.DropReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The streamed-metrics counters, registered once per registry: {@code reflex_metrics_samples_received_total},
 * {@code reflex_metrics_samples_accepted_total} and {@code reflex_metrics_samples_dropped_total{reason}}. Shared by
 * every ingest path and by the windows, which drop duplicates, out-of-order samples and series over the cap.
 */
public final class IngestMeters {

  private final Counter received;
  private final Counter accepted;
  private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

  public IngestMeters(MeterRegistry registry) {
    received = Counter.builder("reflex.metrics.samples.received")
        .description("Samples decoded by the remote-write and Kafka ingest paths").register(registry);
    accepted = Counter.builder("reflex.metrics.samples.accepted")
        .description("Samples routed to a workload and published on the bus").register(registry);
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, Counter.builder("reflex.metrics.samples.dropped").tag("reason", reason.tag())
          .description("Samples not accepted, by reason").register(registry));
    }
  }

  public void received(long n) {
    received.increment(n);
  }

  public void accepted(long n) {
    accepted.increment(n);
  }

  public void dropped(DropReason reason, long n) {
    dropped.get(reason).increment(n);
  }

  /** The current count of drops for a reason (for tests and status pages). */
  public double droppedCount(DropReason reason) {
    return dropped.get(reason).count();
  }

  public double acceptedCount() {
    return accepted.count();
  }

  public double receivedCount() {
    return received.count();
  }
}
