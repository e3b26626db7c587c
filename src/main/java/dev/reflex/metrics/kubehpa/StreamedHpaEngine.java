package dev.reflex.metrics.kubehpa;

import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.PodMetricSnapshot.PodValue;
import dev.reflex.bus.PodMetricSnapshot.Reason;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.decider.StreamedEngine;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.routing.DropReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The newest value of each pod for the metrics KubeHPA portraits watch, and when to hand them over. Single-threaded;
 * every method takes {@code now}.
 *
 * <p><b>When it asks for a decision now.</b> After a batch, for each watch on the batch's metric: the mean of the
 * fresh pod values over the target is the HPA's usage ratio; beyond {@code 1 + tolerance} the HPA would scale up
 * to about {@code ceil(sum / target)} pods (pods without a value count as idle on a scale-up, as in the HPA). If
 * that is more than both the ready pods and the last estimate handed over, the values are published at once with
 * {@link Reason#SCALE_UP}. Example: target 1 per pod, tolerance 0.1, 2 ready pods reporting 1.5 and 1.7: ratio 1.6 >
 * 1.1 and ceil(3.2) = 4 > 2 → now. A later batch still asking for 4 does not ask again. Within the tolerance the HPA
 * keeps every pod that reports, which asks for more than the ready pods when parked (Cutoff) pods report 0: 1 ready
 * pod at 3 per pod and 2 parked at 0 average the target 1, and the 2 are to come back online now.
 *
 * <p><b>Otherwise</b> {@link #tick} publishes changed values with {@link Reason#INTERVAL} at most once per decision
 * interval, so the portrait's regular HPA decision reads samples no older than that.
 *
 * <p><b>Stale.</b> A pod's value is dropped once it has not reported for {@code staleAfter} (by arrival time, so
 * a skewed scrape clock does not matter). When a watched metric has no fresh pod left, one snapshot with
 * {@link Reason#STALE} and no values is published: consumers go back to their polled sources, and missing samples
 * never cause a scale-down.
 */
public final class StreamedHpaEngine implements StreamedEngine<PodMetricSnapshot> {

  private static final class PodEntry {
    long timestampMillis;
    double value;
    Instant arrived;
  }

  private static final class MetricState {
    final Map<String, PodEntry> pods = new LinkedHashMap<>();
    List<Watch> watches = List.of();
    final Instant registeredAt;
    boolean dirty;
    boolean urgent;
    boolean staleAnnounced;
    Instant lastPublished;
    Instant lastArrival;
    int lastEstimate = -1;

    MetricState(Instant registeredAt) {
      this.registeredAt = registeredAt;
    }
  }

  /** Per workload: the watches of each owner (portrait), and the state of each watched metric. */
  private static final class Target {
    final Map<String, List<Watch>> byOwner = new HashMap<>();
    final Map<String, MetricState> metrics = new HashMap<>();
  }

  private final StreamedKpaEngine.Config config;
  private final ToIntFunction<TargetKey> readyPods;
  private final ObjIntConsumer<DropReason> drops;
  private final Map<TargetKey, Target> targets = new HashMap<>();

  /**
   * @param config decision interval, staleness and the cap on pods per target and metric
   * @param readyPods ready pods of a workload now
   * @param drops told about samples refused (duplicates, out of order, over the cap)
   */
  public StreamedHpaEngine(StreamedKpaEngine.Config config, ToIntFunction<TargetKey> readyPods,
      ObjIntConsumer<DropReason> drops) {
    this.config = config;
    this.readyPods = readyPods;
    this.drops = drops;
  }

  /**
   * Sets what one owner (a portrait) watches on a workload; an empty list removes the owner. Values of a metric
   * still watched by anyone are kept.
   */
  public void register(TargetKey workload, String owner, List<Watch> watches, Instant now) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(owner, "owner");
    Target t = targets.computeIfAbsent(workload, k -> new Target());
    if (watches.isEmpty()) {
      t.byOwner.remove(owner);
    } else {
      t.byOwner.put(owner, List.copyOf(watches));
    }
    Map<String, List<Watch>> byMetric = new HashMap<>();
    t.byOwner.values().forEach(ws -> ws.forEach(w -> byMetric.computeIfAbsent(w.metric(), m -> new ArrayList<>())
        .add(w)));
    t.metrics.keySet().retainAll(byMetric.keySet());
    byMetric.forEach((metric, ws) -> t.metrics.computeIfAbsent(metric, m -> new MetricState(now)).watches =
        List.copyOf(ws));
    if (t.metrics.isEmpty()) {
      targets.remove(workload);
    }
  }

  /**
   * Forgets what was last handed over for a workload, so the next batch that asks for more than the ready pods
   * calls for a decision again: the decision on the last hand-over failed (a pod still initializing, a metric that
   * could not be read), and waiting for the portrait's regular sync would waste the burst.
   */
  public void rearm(TargetKey workload) {
    Target t = targets.get(workload);
    if (t != null) {
      t.metrics.values().forEach(m -> m.lastEstimate = -1);
    }
  }

  /** Whether anything is watched on a workload. */
  public boolean registered(TargetKey workload) {
    return targets.containsKey(workload);
  }

  @Override
  public boolean offer(SampleMessage.Batch batch, Instant now) {
    Target t = targets.get(batch.target());
    MetricState m = t == null ? null : t.metrics.get(batch.metric());
    if (m == null) {
      return false;
    }
    int accepted = 0;
    for (SampleMessage.PodSample s : batch.samples()) {
      DropReason refused = record(m, s.pod().isEmpty() ? s.series() : s.pod(), s.timestampMillis(), s.value(), now);
      if (refused == null) {
        accepted++;
      } else {
        drops.accept(refused, 1);
      }
    }
    if (accepted > 0) {
      m.lastArrival = now;
      m.dirty = true;
      m.staleAnnounced = false;
      if (!m.urgent && wantsMore(batch.target(), m, now)) {
        m.urgent = true;
      }
    }
    return m.urgent;
  }

  private DropReason record(MetricState m, String pod, long timestampMillis, double value, Instant now) {
    PodEntry entry = m.pods.get(pod);
    if (entry == null) {
      if (m.pods.size() >= config.maxSeriesPerTarget()) {
        evictStale(m, now);
        if (m.pods.size() >= config.maxSeriesPerTarget()) {
          return DropReason.SERIES_LIMIT;
        }
      }
      entry = new PodEntry();
      m.pods.put(pod, entry);
    } else if (timestampMillis == entry.timestampMillis) {
      return DropReason.DUPLICATE;
    } else if (timestampMillis < entry.timestampMillis) {
      return DropReason.OUT_OF_ORDER;
    }
    entry.timestampMillis = timestampMillis;
    entry.value = value;
    entry.arrived = now;
    return null;
  }

  private boolean wantsMore(TargetKey workload, MetricState m, Instant now) {
    int estimate = estimate(m, now, true);
    return estimate > Math.max(readyPods.applyAsInt(workload), m.lastEstimate);
  }

  /**
   * The most replicas any watch asks for. With {@code onlyBeyondTolerance}, a watch whose usage ratio is within its
   * tolerance asks for nothing (the HPA would not scale on it).
   */
  private int estimate(MetricState m, Instant now, boolean onlyBeyondTolerance) {
    double sum = 0;
    int fresh = 0;
    Instant cutoff = now.minus(config.staleAfter());
    for (PodEntry e : m.pods.values()) {
      if (e.arrived.isAfter(cutoff)) {
        sum += e.value;
        fresh++;
      }
    }
    if (fresh == 0) {
      return -1;
    }
    int best = -1;
    for (Watch w : m.watches) {
      double ratio = sum / fresh / w.targetPerPod();
      if (onlyBeyondTolerance && ratio <= 1 + w.tolerance()) {
        // Within the tolerance the HPA keeps every pod that reports. That is still more than the ready pods when
        // parked (Cutoff) pods report 0: 1 online pod at 700 rps and 9 parked at 0 average 70, the target, and
        // the HPA keeps 10 online, which calls for bringing the 9 back now.
        if (ratio >= 1 - w.tolerance()) {
          best = Math.max(best, fresh);
        }
        continue;
      }
      best = Math.max(best, w.replicasFor(sum));
    }
    return best;
  }

  @Override
  public List<PodMetricSnapshot> decideNow(TargetKey workload, Instant now) {
    Target t = targets.get(workload);
    if (t == null) {
      return List.of();
    }
    List<PodMetricSnapshot> out = new ArrayList<>();
    t.metrics.forEach((metric, m) -> {
      if (m.urgent) {
        out.add(snapshot(workload, metric, m, Reason.SCALE_UP, now));
      }
    });
    return out;
  }

  @Override
  public List<PodMetricSnapshot> tick(Instant now) {
    List<PodMetricSnapshot> out = new ArrayList<>();
    targets.forEach((workload, t) -> t.metrics.forEach((metric, m) -> {
      evictStale(m, now);
      if (m.pods.isEmpty()) {
        m.urgent = false;
        Instant since = m.lastArrival == null ? m.registeredAt : m.lastArrival;
        if (!m.staleAnnounced && !now.isBefore(since.plus(config.staleAfter()))) {
          m.staleAnnounced = true;
          m.dirty = false;
          m.lastEstimate = -1;
          m.lastPublished = now;
          out.add(new PodMetricSnapshot(workload, metric, List.of(), Reason.STALE,
              readyPods.applyAsInt(workload), -1, now));
        }
        return;
      }
      if (m.urgent) {
        out.add(snapshot(workload, metric, m, Reason.SCALE_UP, now));
      } else if (m.dirty && (m.lastPublished == null
          || !now.isBefore(m.lastPublished.plus(config.decisionInterval())))) {
        out.add(snapshot(workload, metric, m, Reason.INTERVAL, now));
      }
    }));
    return out;
  }

  private PodMetricSnapshot snapshot(TargetKey workload, String metric, MetricState m, Reason reason, Instant now) {
    evictStale(m, now);
    List<PodValue> values = new ArrayList<>(m.pods.size());
    m.pods.forEach((pod, e) -> values.add(new PodValue(pod, e.timestampMillis, e.value)));
    int estimate = estimate(m, now, false);
    m.urgent = false;
    m.dirty = false;
    m.lastPublished = now;
    m.lastEstimate = estimate;
    return new PodMetricSnapshot(workload, metric, values, reason, readyPods.applyAsInt(workload), estimate, now);
  }

  private void evictStale(MetricState m, Instant now) {
    Instant cutoff = now.minus(config.staleAfter());
    for (Iterator<PodEntry> it = m.pods.values().iterator(); it.hasNext(); ) {
      if (!it.next().arrived.isAfter(cutoff)) {
        it.remove();
      }
    }
  }
}
