package dev.reflex.backtest;

import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.SampleMessage;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.MetricIdentifier;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricTarget;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.RawCalculation;
import dev.reflex.core.portrait.NoPortraitData;
import dev.reflex.core.portrait.PortraitData;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.StaticPortrait;
import dev.reflex.metrics.kubehpa.StreamedHpaEngine;
import dev.reflex.metrics.kubehpa.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Reactive {@code KubeHPA} portrait on the streamed {@code rps}: the HPA's replica calculation every
 * {@code syncPeriod} on the newest streamed pod values, and at once when {@link StreamedHpaEngine} sees a batch that
 * would scale up. Like the product's portrait it applies no stabilization and no bounds; a failed calculation keeps
 * the last value.
 */
final class KubeHpaSource implements PortraitSource {

  private final IhpaSetup.KubeHpa spec;
  private final Instant start;
  private final long syncSeconds;
  private final StreamedHpaEngine engine;
  private final HpaSpec hpa;
  private List<MetricValue> latest = List.of();
  private Tick current;
  private PortraitData data = new NoPortraitData();

  KubeHpaSource(IhpaSetup.KubeHpa spec, Workload workload, Instant start) {
    this.spec = spec;
    this.start = start;
    this.syncSeconds = Math.max(1, spec.syncPeriod().getSeconds());
    this.engine = new StreamedHpaEngine(KpaSource.STREAMED, key -> current == null ? 0 : current.servingPods(),
        (r, n) -> { });
    engine.register(PodSamples.WORKLOAD, "portrait", List.of(new Watch(PodSamples.METRIC, workload.target(),
        spec.tolerance())), start);
    this.hpa = RawCalculation.spec(PodSamples.WORKLOAD.name(), PodSamples.WORKLOAD.namespace(),
        List.of(new MetricSpec.PodsMetric(new MetricIdentifier(PodSamples.METRIC, null),
            MetricTarget.averageValue(Math.round(workload.target() * 1000)))));
  }

  @Override
  public void observe(Tick tick, SampleMessage.Batch batch) {
    current = tick;
    boolean now = batch != null && engine.offer(batch, tick.at());
    List<PodMetricSnapshot> snapshots = now ? engine.decideNow(PodSamples.WORKLOAD, tick.at())
        : engine.tick(tick.at());
    boolean scaleUp = false;
    for (PodMetricSnapshot snapshot : snapshots) {
      latest = values(snapshot);
      scaleUp |= snapshot.reason() == PodMetricSnapshot.Reason.SCALE_UP;
    }
    if (!scaleUp && (tick.second() + 1) % syncSeconds != 0) {
      return;
    }
    HpaInput input = new HpaInput(hpa, HpaPods.scale(tick.fleet()), HpaPods.pods(tick, start), List.of(), latest,
        null, RawCalculation.config(spec.tolerance(), Duration.ofMinutes(5), Duration.ofSeconds(30)));
    HpaDecision decision = KubeHpa.decide(input, HpaState.FIRST_SIGHT, tick.at());
    if (decision.error() != null) {
      // The product's portrait fails and keeps its last value; the next burst asks again.
      engine.rearm(PodSamples.WORKLOAD);
      return;
    }
    data = new StaticPortrait(decision.desiredReplicas());
  }

  private static List<MetricValue> values(PodMetricSnapshot snapshot) {
    List<MetricValue> values = new ArrayList<>(snapshot.pods().size());
    for (PodMetricSnapshot.PodValue v : snapshot.pods()) {
      values.add(MetricValue.pod(PodSamples.METRIC, v.pod(), Math.round(v.value() * 1000)));
    }
    return values;
  }

  @Override
  public PortraitProvider provider() {
    return PortraitProvider.dynamic(spec.portraitType(), spec.priority(), data, Optional.empty());
  }
}
