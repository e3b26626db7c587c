package dev.reflex.metrics.kpa;

import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.MetricsPortrait.Reason;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.kpa.BucketWindow;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.Kpa;
import dev.reflex.core.kpa.KpaDecision;
import dev.reflex.core.kpa.KpaState;
import dev.reflex.core.kpa.Sample;
import dev.reflex.metrics.decider.StreamedEngine;
import dev.reflex.metrics.routing.DropReason;
import dev.reflex.metrics.window.SeriesWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The decisions of the streamed KPA, for every registered workload. Single-threaded; every method takes
 * {@code now}.
 *
 * <p><b>When it decides.</b> {@link #offer} records a batch and previews the KPA's panic and stable values with the
 * new samples, without deciding. It asks for an immediate decision when the preview crosses into panic (panic pods
 * / max(1, ready) ≥ the panic threshold while the last decision was calm) or when it would raise the
 * recommendation above the last one (capped by the scale-up rate, so a capped burst does not ask again on every
 * batch). Example: target 10 per pod, 2 ready pods, threshold 2.0: a panic-window total of 45 wants ceil(4.5) = 5
 * pods, 5 / 2 = 2.5 ≥ 2 → decide now. Everything else waits for {@link #tick}, which decides a target at most once
 * per decision interval.
 *
 * <p><b>Stale targets.</b> A registered target with no sample for {@code staleAfter} (counted from registration
 * when none ever came) is not decided on; one portrait with {@code stale=true} and no recommendation is published
 * when it goes stale. Missing metrics say nothing about load, so staleness must never lead to a scale-down.
 */
public final class StreamedKpaEngine implements StreamedEngine<MetricsPortrait> {

  /**
   * Settings.
   *
   * @param decisionInterval the most frequent stable-mode decisions ({@code metrics.decision-interval})
   * @param staleAfter silence after which a target's metrics are stale ({@code metrics.stale-after}); also how long
   *     a silent series keeps its held value
   * @param maxSeriesPerTarget live series per target ({@code metrics.max-series-per-target})
   */
  public record Config(Duration decisionInterval, Duration staleAfter, int maxSeriesPerTarget) {
    public Config {
      Objects.requireNonNull(decisionInterval, "decisionInterval");
      Objects.requireNonNull(staleAfter, "staleAfter");
      if (decisionInterval.isNegative() || decisionInterval.isZero()) {
        throw new IllegalArgumentException("decisionInterval must be positive");
      }
      if (staleAfter.toMillis() < 1) {
        throw new IllegalArgumentException("staleAfter must be at least 1ms");
      }
      if (maxSeriesPerTarget < 1) {
        throw new IllegalArgumentException("maxSeriesPerTarget must be at least 1");
      }
    }
  }

  private static final class Target {
    final TargetKey key;
    final String metric;
    DeciderSpec spec;
    final SeriesWindow window;
    KpaState state;
    final Instant registeredAt;
    Instant lastArrival;
    Instant lastDecision;
    int lastDesired = -1;
    boolean lastPanic;
    boolean staleAnnounced;
    Reason urgent;
    MetricsPortrait lastPublished;

    Target(TargetKey key, String metric, DeciderSpec spec, SeriesWindow window, Instant now) {
      this.key = key;
      this.metric = metric;
      this.spec = spec;
      this.window = window;
      this.registeredAt = now;
    }
  }

  private final Config config;
  private final ToIntFunction<TargetKey> readyPods;
  private final ObjIntConsumer<DropReason> drops;
  private final Map<TargetKey, Target> targets = new HashMap<>();

  /**
   * @param config settings
   * @param readyPods ready pods of a workload now (the pod directory)
   * @param drops told about samples the windows refuse (duplicates, out of order, over the series cap)
   */
  public StreamedKpaEngine(Config config, ToIntFunction<TargetKey> readyPods, ObjIntConsumer<DropReason> drops) {
    this.config = config;
    this.readyPods = readyPods;
    this.drops = drops;
  }

  /**
   * Starts (or updates) decisions for a workload on one metric. Re-registering with the same metric keeps the
   * window and KPA state and takes the new spec; a different metric starts afresh.
   */
  public void register(TargetKey workload, String metric, DeciderSpec spec, Instant now) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(spec, "spec");
    Target existing = targets.get(workload);
    if (existing != null && existing.metric.equals(metric)) {
      existing.spec = spec;
      existing.window.horizon(spec.stableWindowSeconds());
      return;
    }
    targets.put(workload, new Target(workload, metric, spec, new SeriesWindow(config.maxSeriesPerTarget(),
        config.staleAfter().toMillis(), spec.stableWindowSeconds()), now));
  }

  /** Stops decisions for a workload; returns whether it was registered. */
  public boolean unregister(TargetKey workload) {
    return targets.remove(workload) != null;
  }

  /** Whether a workload is registered. */
  public boolean registered(TargetKey workload) {
    return targets.containsKey(workload);
  }

  /** Registered workloads. */
  public int size() {
    return targets.size();
  }

  /** Live series held for a workload (0 when not registered). */
  public int seriesCount(TargetKey workload) {
    Target t = targets.get(workload);
    return t == null ? 0 : t.window.seriesCount();
  }

  /** The last portrait published for a workload. */
  public Optional<MetricsPortrait> latest(TargetKey workload) {
    Target t = targets.get(workload);
    return t == null ? Optional.empty() : Optional.ofNullable(t.lastPublished);
  }

  /**
   * Records a batch. Batches for unregistered workloads or other metrics are ignored.
   *
   * @return true when the batch calls for an immediate decision ({@link #decideNow})
   */
  @Override
  public boolean offer(SampleMessage.Batch batch, Instant now) {
    Target t = targets.get(batch.target());
    if (t == null || !t.metric.equals(batch.metric())) {
      return false;
    }
    int accepted = 0;
    for (SampleMessage.PodSample s : batch.samples()) {
      DropReason refused = t.window.offer(s.series(), s.timestampMillis(), s.value());
      if (refused == null) {
        accepted++;
      } else {
        drops.accept(refused, 1);
      }
    }
    if (accepted == 0) {
      return t.urgent != null;
    }
    t.lastArrival = now;
    Reason reason = urgency(t, now);
    if (reason != null && (t.urgent == null || reason == Reason.PANIC)) {
      t.urgent = reason;
    }
    return t.urgent != null;
  }

  /** PANIC, SCALE_UP or null: what the samples not yet decided on would do to the recommendation. */
  private Reason urgency(Target t, Instant now) {
    DeciderSpec spec = t.spec;
    List<Sample> pending = t.window.peek();
    long second = now.getEpochSecond();
    BucketWindow panicWindow = preview(t.state == null ? null : t.state.panicWindow(), spec.panicWindowSeconds(),
        spec, second, pending);
    BucketWindow stableWindow = preview(t.state == null ? null : t.state.stableWindow(),
        spec.stableWindowSeconds(), spec, second, pending);
    int ready = readyPods.applyAsInt(t.key);
    double readyForRatio = Math.max(1, ready);
    double panicPods = Math.ceil(panicWindow.average(second) / spec.targetValue());
    double stablePods = Math.ceil(stableWindow.average(second) / spec.targetValue());
    boolean overThreshold = panicPods / readyForRatio >= spec.panicThreshold();
    if (overThreshold && !t.lastPanic) {
      return Reason.PANIC;
    }
    double wanted = overThreshold || t.lastPanic ? Math.max(panicPods, stablePods) : stablePods;
    double capped = Math.min(wanted, Math.ceil(spec.maxScaleUpRate() * readyForRatio));
    if (spec.maxScale() > 0) {
      capped = Math.min(capped, spec.maxScale());
    }
    int baseline = t.lastDesired >= 0 ? t.lastDesired : ready;
    return capped > baseline ? Reason.SCALE_UP : null;
  }

  private static BucketWindow preview(BucketWindow window, int seconds, DeciderSpec spec, long second,
      List<Sample> pending) {
    BucketWindow base = window == null ? BucketWindow.empty(seconds, spec.aggregation())
        : window.resized(seconds, second).withAggregation(spec.aggregation());
    return base.recordAll(pending);
  }

  /**
   * Decides for a workload that {@link #offer} flagged, and clears the flag.
   *
   * @return the portrait to publish; empty when the workload is not registered or not flagged
   */
  @Override
  public List<MetricsPortrait> decideNow(TargetKey workload, Instant now) {
    Target t = targets.get(workload);
    if (t == null || t.urgent == null) {
      return List.of();
    }
    Reason reason = t.urgent;
    t.urgent = null;
    return List.of(publish(t, decide(t, reason, now)));
  }

  /**
   * The periodic pass: announces targets that went stale and makes the stable-mode decisions that are due (at most
   * one per target per decision interval).
   *
   * @return the portraits to publish: those whose recommendation, panic or stale flag changed
   */
  @Override
  public List<MetricsPortrait> tick(Instant now) {
    List<MetricsPortrait> out = new ArrayList<>();
    for (Target t : targets.values()) {
      Instant heard = t.lastArrival == null ? t.registeredAt : t.lastArrival;
      if (!now.isBefore(heard.plus(config.staleAfter()))) {
        if (!t.staleAnnounced) {
          t.staleAnnounced = true;
          t.urgent = null;
          t.window.drain();
          MetricsPortrait stale = new MetricsPortrait(t.key, t.metric, -1, t.lastPanic, true, Reason.STALE,
              readyPods.applyAsInt(t.key), 0, 0, now);
          out.add(publish(t, stale));
        }
        continue;
      }
      if (t.urgent != null) {
        out.addAll(decideNow(t.key, now));
        continue;
      }
      if (t.lastDecision != null && now.isBefore(t.lastDecision.plus(config.decisionInterval()))) {
        continue;
      }
      if (t.lastArrival == null) {
        continue;
      }
      MetricsPortrait p = decide(t, Reason.INTERVAL, now);
      if (changed(t.lastPublished, p)) {
        out.add(publish(t, p));
      }
    }
    return out;
  }

  private MetricsPortrait decide(Target t, Reason reason, Instant now) {
    int ready = readyPods.applyAsInt(t.key);
    List<Sample> samples = t.window.drain();
    KpaDecision d = Kpa.decide(t.spec, t.state, samples, ready, now);
    t.state = d.state();
    t.lastDecision = now;
    t.staleAnnounced = false;
    if (!d.scaleValid()) {
      return new MetricsPortrait(t.key, t.metric, -1, d.panicMode(), false, Reason.NO_DATA, ready, 0, 0, now);
    }
    t.lastDesired = d.desiredPodCount();
    t.lastPanic = d.panicMode();
    return new MetricsPortrait(t.key, t.metric, d.desiredPodCount(), d.panicMode(), false, reason, ready,
        d.observedStableValue(), d.observedPanicValue(), now);
  }

  private static boolean changed(MetricsPortrait last, MetricsPortrait next) {
    return last == null || last.desiredReplicas() != next.desiredReplicas() || last.panic() != next.panic()
        || last.stale() != next.stale();
  }

  private static MetricsPortrait publish(Target t, MetricsPortrait p) {
    t.lastPublished = p;
    return p;
  }
}
