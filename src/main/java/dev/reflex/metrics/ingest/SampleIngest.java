package dev.reflex.metrics.ingest;

import dev.reflex.bus.SampleMessage;
import dev.reflex.metrics.routing.DropReason;
import dev.reflex.metrics.routing.Route;
import dev.reflex.metrics.routing.SampleRouter;
import dev.reflex.metrics.routing.WorkloadRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The part every ingest path shares: rejects invalid values, routes each series, groups the survivors into one
 * {@link SampleMessage.Batch} per (workload, metric) and hands the batches to a sink (the event bus in production).
 * Once {@link #accept} returns, the samples are accepted: the Kafka consumer commits offsets only after that.
 * Thread-safe: it keeps no state besides thread-safe counters.
 */
public final class SampleIngest {

  /** What became of one payload. */
  public record Result(int accepted, int dropped, int batches) {
  }

  private record Key(WorkloadRef workload, String metric) {
  }

  private final SampleRouter router;
  private final IngestMeters meters;
  private final Consumer<SampleMessage.Batch> sink;

  public SampleIngest(SampleRouter router, IngestMeters meters, Consumer<SampleMessage.Batch> sink) {
    this.router = router;
    this.meters = meters;
    this.sink = sink;
  }

  /** What an unauthenticated receiver passes: no namespace is checked. */
  public static final Predicate<String> EVERY_NAMESPACE = namespace -> true;

  /** The namespaces the series name, sorted: what a caller must be allowed to write for them all to pass. */
  public Set<String> namespacesOf(List<RawSeries> series) {
    Set<String> namespaces = new TreeSet<>();
    for (RawSeries s : series) {
      String namespace = router.namespaceOf(s.names(), s.values());
      if (namespace != null) {
        namespaces.add(namespace);
      }
    }
    return namespaces;
  }

  /** The counters this ingest moves. */
  public IngestMeters meters() {
    return meters;
  }

  /**
   * Validates, routes and publishes.
   *
   * @param series decoded series
   * @param source {@code remote-write} or {@code kafka}
   * @param receivedAt when the payload arrived
   */
  public Result accept(List<RawSeries> series, String source, Instant receivedAt) {
    return accept(series, source, receivedAt, EVERY_NAMESPACE);
  }

  /**
   * As {@link #accept(List, String, Instant)}, dropping (reason {@code forbidden}) the series of namespaces the
   * caller may not write.
   */
  public Result accept(List<RawSeries> series, String source, Instant receivedAt, Predicate<String> writable) {
    Map<Key, List<SampleMessage.PodSample>> grouped = new HashMap<>();
    int accepted = 0;
    int dropped = 0;
    int received = 0;
    List<SampleMessage.PodSample> lastOut = null;
    WorkloadRef lastWorkload = null;
    String lastMetric = null;
    for (RawSeries s : series) {
      received += s.size();
      if (s.size() == 0) {
        continue;
      }
      // Before routing: a caller learns nothing about the pods of a namespace it may not write.
      if (writable != EVERY_NAMESPACE) {
        String namespace = router.namespaceOf(s.names(), s.values());
        if (namespace != null && !writable.test(namespace)) {
          meters.dropped(DropReason.FORBIDDEN, s.size());
          dropped += s.size();
          continue;
        }
      }
      Route route = router.route(s.names(), s.values(), s.seriesId());
      if (route instanceof Route.Dropped d) {
        meters.dropped(d.reason(), s.size());
        dropped += s.size();
        continue;
      }
      Route.To to = (Route.To) route;
      // Consecutive series usually share workload and metric (Prometheus sends a target's series together).
      List<SampleMessage.PodSample> out;
      if (lastOut != null && to.workload() == lastWorkload && to.metric().equals(lastMetric)) {
        out = lastOut;
      } else {
        out = grouped.computeIfAbsent(new Key(to.workload(), to.metric()), k -> new ArrayList<>());
        lastOut = out;
        lastWorkload = to.workload();
        lastMetric = to.metric();
      }
      double[] values = s.samples();
      long[] times = s.timestamps();
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        // NaN covers Prometheus' staleness marker (a NaN with a special payload); it ends a series, which the
        // window notices by itself once the series stops reporting.
        if (!Double.isFinite(v) || v < 0) {
          meters.dropped(DropReason.INVALID_VALUE, 1);
          dropped++;
          continue;
        }
        out.add(new SampleMessage.PodSample(to.series(), to.pod(), times[i], v));
        accepted++;
      }
    }
    meters.received(received);
    int batches = 0;
    for (Map.Entry<Key, List<SampleMessage.PodSample>> e : grouped.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      WorkloadRef w = e.getKey().workload();
      sink.accept(new SampleMessage.Batch(w.target(), w.kind(), e.getKey().metric(), e.getValue(), source,
          receivedAt));
      batches++;
    }
    meters.accepted(accepted);
    return new Result(accepted, dropped, batches);
  }
}
