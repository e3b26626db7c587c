package dev.reflex.backtest;

import dev.reflex.bus.SampleMessage;
import dev.reflex.core.gray.GrayProgress;
import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.ihpa.IhpaPlanner;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.ReplicaBounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code reflex}, {@code reflex-kpa} and {@code reflex-kubehpa}: an IHPA. Each second its Dynamic portraits take
 * the second (their generators on the streamed samples or the history), and the IHPA plans as the product's
 * reconciler does: {@link IhpaPlanner} merges the providers by priority, clamps to the workload's bounds and steps
 * the gray strategy from the profile in force; the step's profile is written. The product plans when a portrait
 * changes and at the plan's wake-up instant; planning every second gives the same steps, because the planner is a
 * function of the providers, the profile and the clock.
 */
final class IhpaPolicy implements Policy {

  private final IhpaSetup setup;
  private final ReplicaBounds bounds;
  private final List<PortraitSource> sources = new ArrayList<>();
  private ReplicaProfile inForce;
  private Optional<GrayProgress> progress = Optional.empty();

  IhpaPolicy(IhpaSetup setup, Workload workload, Instant start, long seconds, int initial) {
    this.setup = setup;
    this.bounds = new ReplicaBounds(workload.minReplicas(), workload.maxReplicas());
    this.inForce = ReplicaProfile.online(initial);
    for (IhpaSetup.DynamicPortrait portrait : setup.dynamic()) {
      if (portrait instanceof IhpaSetup.Kpa kpa) {
        sources.add(new KpaSource(kpa, workload, start));
      } else if (portrait instanceof IhpaSetup.KubeHpa hpa) {
        sources.add(new KubeHpaSource(hpa, workload, start));
      } else {
        sources.add(new ForecastSource((IhpaSetup.Forecast) portrait, workload, start, seconds));
      }
    }
  }

  @Override
  public ReplicaProfile observe(Tick tick) {
    SampleMessage.Batch batch = PodSamples.of(tick);
    List<PortraitProvider> providers = new ArrayList<>(setup.fixed());
    for (PortraitSource source : sources) {
      source.observe(tick, batch);
      providers.add(source.provider());
    }
    IhpaPlanner.IhpaPlan plan = IhpaPlanner.plan(providers, bounds, false, Optional.of(inForce),
        setup.strategies(), progress, tick.at());
    if (!(plan instanceof IhpaPlanner.Scale scale)) {
      return null;
    }
    progress = scale.step().progress();
    ReplicaProfile next = scale.step().profile();
    if (next.equals(inForce)) {
      return null;
    }
    inForce = next;
    return next;
  }
}
