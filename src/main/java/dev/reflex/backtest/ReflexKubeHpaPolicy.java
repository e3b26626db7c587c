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
import dev.reflex.metrics.kubehpa.StreamedHpaEngine;
import dev.reflex.metrics.kubehpa.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reflex-kubehpa}: an IHPA with a Reactive KubeHPA portrait on the streamed {@code rps} metric. The HPA's
 * replica calculation runs every 15 s (the portrait's {@code syncPeriod}) on the newest streamed pod values, and at
 * once when {@link StreamedHpaEngine} sees a batch that would scale up. Like the portrait it applies no
 * stabilization: the IHPA clamps the value to [min, max] and writes it.
 */
final class ReflexKubeHpaPolicy implements Policy {

  static final long SYNC_SECONDS = 15;
  static final double TOLERANCE = 0.1;

  private final Workload workload;
  private final Instant start;
  private final StreamedHpaEngine engine;
  private final HpaSpec spec;
  private List<MetricValue> latest = List.of();
  private Tick current;

  ReflexKubeHpaPolicy(Workload workload, Instant start) {
    this.workload = workload;
    this.start = start;
    this.engine = new StreamedHpaEngine(ReflexKpaPolicy.STREAMED, key -> current == null ? 0 : current.readyPods(),
        (r, n) -> { });
    engine.register(PodSamples.WORKLOAD, "portrait", List.of(new Watch(PodSamples.METRIC, workload.target(),
        TOLERANCE)), start);
    this.spec = RawCalculation.spec(PodSamples.WORKLOAD.name(), PodSamples.WORKLOAD.namespace(),
        List.of(new MetricSpec.PodsMetric(new MetricIdentifier(PodSamples.METRIC, null),
            MetricTarget.averageValue(Math.round(workload.target() * 1000)))));
  }

  @Override
  public int observe(Tick tick) {
    current = tick;
    SampleMessage.Batch batch = PodSamples.of(tick);
    boolean now = batch != null && engine.offer(batch, tick.at());
    List<PodMetricSnapshot> snapshots = now ? engine.decideNow(PodSamples.WORKLOAD, tick.at())
        : engine.tick(tick.at());
    boolean scaleUp = false;
    for (PodMetricSnapshot snapshot : snapshots) {
      latest = values(snapshot);
      scaleUp |= snapshot.reason() == PodMetricSnapshot.Reason.SCALE_UP;
    }
    if (!scaleUp && (tick.second() + 1) % SYNC_SECONDS != 0) {
      return Policy.NO_CHANGE;
    }
    HpaInput input = new HpaInput(spec, HpaPods.scale(tick.fleet()), HpaPods.pods(tick, start), List.of(), latest,
        null, RawCalculation.config(TOLERANCE, Duration.ofMinutes(5), Duration.ofSeconds(30)));
    HpaDecision decision = KubeHpa.decide(input, HpaState.FIRST_SIGHT, tick.at());
    if (decision.error() != null) {
      // A failed portrait keeps its last value: the workload stays as it is, and the next burst asks again.
      engine.rearm(PodSamples.WORKLOAD);
      return Policy.NO_CHANGE;
    }
    return workload.clamp(decision.desiredReplicas());
  }

  private static List<MetricValue> values(PodMetricSnapshot snapshot) {
    List<MetricValue> values = new ArrayList<>(snapshot.pods().size());
    for (PodMetricSnapshot.PodValue v : snapshot.pods()) {
      values.add(MetricValue.pod(PodSamples.METRIC, v.pod(), Math.round(v.value() * 1000)));
    }
    return values;
  }
}
