package dev.reflex.backtest;

import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.SampleMessage;
import dev.reflex.core.portrait.NoPortraitData;
import dev.reflex.core.portrait.PortraitData;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.StaticPortrait;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code KPA} portrait: every serving pod's sample reaches {@link StreamedKpaEngine} as it arrives; a batch that
 * crosses into panic or raises the recommendation is decided on at once, the rest at the decision interval
 * (Reflex's default, 1 s). The latest recommendation is the portrait (a Static value); a stale metric keeps it.
 */
final class KpaSource implements PortraitSource {

  /** {@code metrics.decision-interval} and {@code metrics.stale-after} at Reflex's defaults. */
  static final StreamedKpaEngine.Config STREAMED = new StreamedKpaEngine.Config(Duration.ofSeconds(1),
      Duration.ofSeconds(15), 100_000);

  private final IhpaSetup.Kpa spec;
  private final StreamedKpaEngine engine;
  private Tick current;
  private PortraitData data = new NoPortraitData();

  KpaSource(IhpaSetup.Kpa spec, Workload workload, Instant start) {
    this.spec = spec;
    this.engine = new StreamedKpaEngine(STREAMED, key -> current == null ? 0 : current.servingPods(), (r, n) -> { });
    engine.register(PodSamples.WORKLOAD, PodSamples.METRIC, KpaSpecs.of(workload, spec.algorithmKeys()), start);
  }

  @Override
  public void observe(Tick tick, SampleMessage.Batch batch) {
    current = tick;
    List<MetricsPortrait> portraits = batch != null && engine.offer(batch, tick.at())
        ? engine.decideNow(PodSamples.WORKLOAD, tick.at())
        : engine.tick(tick.at());
    for (MetricsPortrait p : portraits) {
      if (p.hasRecommendation()) {
        data = new StaticPortrait(p.desiredReplicas());
      }
    }
  }

  @Override
  public PortraitProvider provider() {
    return PortraitProvider.dynamic(spec.portraitType(), spec.priority(), data, Optional.empty());
  }
}
