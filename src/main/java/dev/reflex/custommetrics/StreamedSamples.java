package dev.reflex.custommetrics;

import dev.reflex.bus.SampleMessage;
import dev.reflex.labels.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The newest streamed sample of every series, by namespace and metric, for the metrics APIs to answer from. A value
 * older than {@code staleAfter} (by its own timestamp) is not served and is evicted; at most {@code maxSeries}
 * series are held, and samples of further series are dropped and counted, so a flood of new series cannot grow the
 * heap. Confined to one event loop: the bus consumer writes, the request handlers read.
 */
final class StreamedSamples {

  /**
   * One series' newest value.
   *
   * @param pod the pod, empty when the series names its workload directly
   * @param workloadKind the kind of the workload the series was routed to ({@code Deployment})
   * @param workload the workload's name
   * @param labels the series' labels (without {@code __name__})
   * @param timestampMillis the sample's own time
   */
  record Value(String pod, String workloadKind, String workload, Map<String, String> labels, long timestampMillis,
      double value) {
  }

  /** The metric names held, for discovery. */
  record Names(Set<String> podMetrics, Map<String, Set<String>> workloadMetrics, Set<String> all) {
  }

  private final Duration staleAfter;
  private final int maxSeries;
  private final Map<String, Map<String, Map<String, Value>>> byNamespace = new HashMap<>();
  private int held;
  private long dropped;

  StreamedSamples(Duration staleAfter, int maxSeries) {
    this.staleAfter = staleAfter;
    this.maxSeries = maxSeries;
  }

  /** Keeps the newest sample of each series of the batch (an older, out-of-order one changes nothing). */
  void accept(SampleMessage.Batch batch) {
    Map<String, Value> series = byNamespace.computeIfAbsent(batch.target().namespace(), n -> new HashMap<>())
        .computeIfAbsent(batch.metric(), m -> new HashMap<>());
    for (SampleMessage.PodSample sample : batch.samples()) {
      String key = sample.pod() + '\u0000' + sample.series();
      Value old = series.get(key);
      if (old == null && held >= maxSeries) {
        dropped++;
        continue;
      }
      if (old != null && old.timestampMillis() > sample.timestampMillis()) {
        continue;
      }
      if (old == null) {
        held++;
      }
      series.put(key, new Value(sample.pod(), batch.kind(), batch.target().name(),
          old != null ? old.labels() : SeriesLabels.parse(sample.series()), sample.timestampMillis(),
          sample.value()));
    }
  }

  /** The fresh values of {@code metric} in {@code namespace} whose labels {@code metricSelector} matches. */
  List<Value> values(String namespace, String metric, LabelSelector metricSelector, Instant now) {
    Map<String, Value> series = byNamespace.getOrDefault(namespace, Map.of()).get(metric);
    if (series == null) {
      return List.of();
    }
    long oldest = now.minus(staleAfter).toEpochMilli();
    List<Value> out = new ArrayList<>();
    for (Iterator<Value> it = series.values().iterator(); it.hasNext(); ) {
      Value v = it.next();
      if (v.timestampMillis() < oldest) {
        it.remove();
        held--;
      } else if (metricSelector.matches(v.labels())) {
        out.add(v);
      }
    }
    return out;
  }

  /** Drops every stale value (run now and then, so that series nobody asks for do not stay). */
  void evictStale(Instant now) {
    long oldest = now.minus(staleAfter).toEpochMilli();
    for (Iterator<Map<String, Map<String, Value>>> ns = byNamespace.values().iterator(); ns.hasNext(); ) {
      Map<String, Map<String, Value>> metrics = ns.next();
      for (Iterator<Map<String, Value>> m = metrics.values().iterator(); m.hasNext(); ) {
        Map<String, Value> series = m.next();
        int before = series.size();
        series.values().removeIf(v -> v.timestampMillis() < oldest);
        held -= before - series.size();
        if (series.isEmpty()) {
          m.remove();
        }
      }
      if (metrics.isEmpty()) {
        ns.remove();
      }
    }
  }

  /** The names of the metrics with a fresh value: per pod, per workload kind, and all of them (external). */
  Names names(Instant now) {
    evictStale(now);
    Set<String> pods = new TreeSet<>();
    Map<String, Set<String>> workloads = new HashMap<>();
    Set<String> all = new TreeSet<>();
    byNamespace.values().forEach(metrics -> metrics.forEach((metric, series) -> {
      all.add(metric);
      for (Value v : series.values()) {
        if (v.pod().isEmpty()) {
          workloads.computeIfAbsent(v.workloadKind(), k -> new TreeSet<>()).add(metric);
        } else {
          pods.add(metric);
        }
      }
    }));
    return new Names(pods, workloads, all);
  }

  /** Series held now. */
  int held() {
    return held;
  }

  /** Samples of new series refused because {@code maxSeries} were held. */
  long dropped() {
    return dropped;
  }
}
