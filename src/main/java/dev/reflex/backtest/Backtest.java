package dev.reflex.backtest;

import dev.reflex.core.gray.ReplicaProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a trace through each policy, every policy on its own fleet, and counts the figures.
 *
 * <p>Each virtual second: the fleet's ready pods serve the second's demand (counted), then the policy observes the
 * second and may write a replica count, which the fleet applies at that second.
 */
public final class Backtest {

  /** How far a run has come: the policy and the share of its seconds done (0..1). */
  public record Progress(PolicyKind policy, double done) {
  }

  /**
   * The figures of each policy, in the order they were asked for, and their timelines when asked for.
   *
   * @param timelines each policy's run over time; empty unless timelines were asked for
   */
  public record Result(Trace trace, Workload workload, Map<PolicyKind, PolicyFigures> figures,
      Map<PolicyKind, Timeline> timelines) {
  }

  private Backtest() {
  }

  /**
   * Runs.
   *
   * @param ihpa the IHPA of the {@code reflex} policy, or null
   * @param progress told now and then how far the run has come (at most about a hundred times per policy)
   */
  public static Result run(Trace trace, Workload workload, List<PolicyKind> policies, IhpaSetup ihpa,
      Consumer<Progress> progress) {
    return run(trace, workload, policies, ihpa, 0, progress);
  }

  /**
   * Runs, keeping each policy's timeline.
   *
   * @param timelinePoints the most points of each timeline; 0 keeps none
   */
  public static Result run(Trace trace, Workload workload, List<PolicyKind> policies, IhpaSetup ihpa,
      int timelinePoints, Consumer<Progress> progress) {
    Map<PolicyKind, PolicyFigures> figures = new LinkedHashMap<>();
    Map<PolicyKind, Timeline> timelines = new LinkedHashMap<>();
    for (PolicyKind kind : policies) {
      Timeline timeline = timelinePoints > 0 ? new Timeline(trace.seconds(), timelinePoints) : null;
      figures.put(kind, runOne(trace, workload, kind, ihpa, timeline, progress));
      if (timeline != null) {
        timelines.put(kind, timeline);
      }
    }
    return new Result(trace, workload, figures, timelines);
  }

  /** The pods at the start: {@code initial}, or what the first second needs at the target. */
  public static int initialReplicas(Trace trace, Workload workload) {
    return workload.initialReplicas() >= 0 ? workload.initialReplicas() : workload.required(trace.rpsAt(0));
  }

  private static PolicyFigures runOne(Trace trace, Workload workload, PolicyKind kind, IhpaSetup ihpa,
      Timeline timeline, Consumer<Progress> progress) {
    long seconds = trace.seconds();
    int initial = initialReplicas(trace, workload);
    Policy policy = kind.create(workload, ihpa, trace.start(), seconds, initial);
    PodFleet fleet = new PodFleet(workload, initial);
    FigureCounter counter = new FigureCounter(workload);
    long every = Math.max(1, seconds / 100);
    for (long s = 0; s < seconds; s++) {
      double demand = trace.rpsAt(s);
      int serving = fleet.serving(s);
      counter.second(s, demand, serving, fleet.size());
      if (timeline != null) {
        timeline.second(s, demand, serving * workload.podCapacity(), fleet.size());
      }
      ReplicaProfile wanted = policy.observe(new Tick(s, trace.start().plusSeconds(s + 1), demand, fleet));
      if (wanted != null && !wanted.equals(fleet.profile())) {
        fleet.apply(wanted, s + 1);
        counter.scaled();
      }
      if (s % every == 0) {
        progress.accept(new Progress(kind, (double) s / seconds));
      }
    }
    progress.accept(new Progress(kind, 1));
    return counter.figures();
  }
}
