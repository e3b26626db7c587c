package dev.reflex.backtest;

import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.Kpa;
import dev.reflex.core.kpa.KpaDecision;
import dev.reflex.core.kpa.KpaState;
import dev.reflex.core.kpa.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kpa}: Knative's autoscaler at its own cadence. The revision total is scraped each second (Knative's
 * scraper averages the pods and multiplies by the ready count: the demand), and the KPA decides every 2 s on the
 * samples since its last tick. Same decider as {@link ReflexKpaPolicy}; only the cadence differs.
 */
final class KnativeKpaPolicy implements Policy {

  /** Knative's decider tick. */
  static final long TICK_SECONDS = 2;

  private final DeciderSpec spec;
  private final List<Sample> pending = new ArrayList<>();
  private KpaState state;

  KnativeKpaPolicy(Workload workload) {
    this.spec = KpaSpecs.of(workload);
  }

  @Override
  public ReplicaProfile observe(Tick tick) {
    if (tick.servingPods() > 0) {
      pending.add(new Sample(tick.at(), tick.demand()));
    }
    if ((tick.second() + 1) % TICK_SECONDS != 0) {
      return null;
    }
    KpaDecision decision = Kpa.decide(spec, state, List.copyOf(pending), tick.servingPods(), tick.at());
    pending.clear();
    state = decision.state();
    return decision.scaleValid() ? ReplicaProfile.online(decision.desiredPodCount()) : null;
  }
}
