package dev.reflex.backtest;

import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.SampleMessage;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code reflex-kpa}: Reflex's streamed KPA. Every ready pod's sample reaches {@link StreamedKpaEngine} as it
 * arrives; a batch that crosses into panic or raises the recommendation is decided on at once, the rest at the
 * decision interval (Reflex's default, 1 s). The IHPA clamps the recommendation to [min, max] and writes it; the
 * few milliseconds of that path are below the simulation's one-second resolution.
 */
final class ReflexKpaPolicy implements Policy {

  /** {@code metrics.decision-interval} and {@code metrics.stale-after} at Reflex's defaults. */
  static final StreamedKpaEngine.Config STREAMED = new StreamedKpaEngine.Config(Duration.ofSeconds(1),
      Duration.ofSeconds(15), 100_000);

  private final Workload workload;
  private final StreamedKpaEngine engine;
  private Tick current;

  ReflexKpaPolicy(Workload workload, Instant start) {
    this.workload = workload;
    this.engine = new StreamedKpaEngine(STREAMED, key -> current == null ? 0 : current.readyPods(), (r, n) -> { });
    engine.register(PodSamples.WORKLOAD, PodSamples.METRIC, KpaSpecs.of(workload), start);
  }

  @Override
  public int observe(Tick tick) {
    current = tick;
    SampleMessage.Batch batch = PodSamples.of(tick);
    List<MetricsPortrait> portraits = batch != null && engine.offer(batch, tick.at())
        ? engine.decideNow(PodSamples.WORKLOAD, tick.at())
        : engine.tick(tick.at());
    int wanted = Policy.NO_CHANGE;
    for (MetricsPortrait p : portraits) {
      if (p.hasRecommendation()) {
        wanted = workload.clamp(p.desiredReplicas());
      }
    }
    return wanted;
  }
}
