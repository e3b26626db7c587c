package dev.reflex.core.gray;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans a gray (multi-stage) change of the online replica count. The entry point of this package.
 *
 * <p><b>Steps.</b> A plan moves the online count from the start profile's online count {@code from} towards
 * {@code target} in cumulative percentages: the first step is immediate at {@code changePercent}, each later
 * step adds {@code changePercent} after {@code changeIntervalSeconds}, capped at 100. At {@code p} percent the
 * number of pods changed is {@code g = max(1, floor(|target - from| * p / 100))} (never more than the
 * difference), the rounding Kapacity uses: small changes still move at least one pod per step. After 100 % the
 * plan holds for {@code observationSeconds}, then releases every parked pod (COMPLETED). With an observation of
 * 0 the last step completes at once.
 *
 * <p><b>Scale-down</b> (target below the online count): {@code online = from - g}; with {@code grayState}
 * Cutoff or Standby the {@code g} pods are parked in that state, so they keep running and can come back in
 * seconds; with Online or Deleted they are deleted batch by batch. Seed 000: 5 to 1, Cutoff, 50 %, 30 s, 60 s
 * gives 3/2 at 0 s (g = floor(4 * 0.5) = 2), 1/4 at 30 s (g = 4), 1/0 at 90 s.
 *
 * <p><b>Scale-up</b> (target above the online count): {@code online = from + g}, drawing the new online pods
 * first from parked Cutoff pods, then Standby pods, before new pods are created; parked pods not needed stay
 * parked until the plan completes. Example: 1/4/0 back up to 5 at 50 %: 3/2/0, then 5/0/0.
 *
 * <p><b>A new target mid-plan</b> starts a new plan from the profile currently in force, never from the old
 * target, so the online count never moves against the direction of the change (Kapacity restarts from the old
 * target and can move the online count backwards). A target equal to the online count while pods are still
 * parked observes once more before releasing them.
 *
 * <p>Callers pass the profile last written to the ReplicaProfile spec as {@code current}, the clamped portrait
 * target, and the {@link GrayProgress} returned by the previous call; they write {@link GrayStep#profile()} and
 * wake the planner at {@link GrayStep#wakeAt()}.
 */
public final class GrayPlanner {

  private GrayPlanner() {
  }

  /**
   * Computes the profile to apply now and when to come back.
   *
   * @param current the profile in force (the ReplicaProfile spec)
   * @param target the desired online count, already clamped to min/max
   * @param strategies the gray strategies per direction
   * @param progress the plan state from the previous call, if any
   * @param now the instant of evaluation
   */
  public static GrayStep plan(ReplicaProfile current, int target, GrayStrategies strategies,
      Optional<GrayProgress> progress, Instant now) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(now, "now");
    if (target < 0) {
      throw new IllegalArgumentException("targetReplicas: must be >= 0, got " + target);
    }
    if (progress.isPresent() && progress.get().target() == target) {
      Optional<GrayStrategy> strategy = strategies.forDirection(progress.get().direction());
      if (strategy.isPresent()) {
        return advance(progress.get(), strategy.get(), now);
      }
    }
    if (current.online() == target && current.parked() == 0) {
      return new GrayStep(current, Optional.empty(), Optional.empty(), GrayPhase.STEADY);
    }
    Direction direction = target > current.online() ? Direction.UP : Direction.DOWN;
    Optional<GrayStrategy> strategy = strategies.forDirection(direction);
    if (strategy.isEmpty()) {
      return new GrayStep(ReplicaProfile.online(target), Optional.empty(), Optional.empty(), GrayPhase.IMMEDIATE);
    }
    if (current.online() == target) {
      // Only parked pods are left (the target came back to the online count mid-plan): observe, then release.
      return advance(new GrayProgress(direction, current, target, 100, now), strategy.get(), now);
    }
    return advance(new GrayProgress(direction, current, target, 0, now), strategy.get(), now);
  }

  private static GrayStep advance(GrayProgress plan, GrayStrategy strategy, Instant now) {
    Instant due = plan.lastUpdate().plus(waitAfter(plan.percent(), strategy));
    if (now.isBefore(due)) {
      GrayPhase phase = plan.percent() == 100 ? GrayPhase.OBSERVING : GrayPhase.STEPPING;
      return new GrayStep(profileAt(plan, strategy, plan.percent()), Optional.of(plan), Optional.of(due), phase);
    }
    if (plan.percent() == 100) {
      return completed(plan);
    }
    int percent = Math.min(100, plan.percent() + strategy.changePercent());
    GrayProgress next = plan.advancedTo(percent, now);
    if (percent == 100 && strategy.observationSeconds() == 0) {
      return completed(next);
    }
    Instant wakeAt = now.plus(waitAfter(percent, strategy));
    GrayPhase phase = percent == 100 ? GrayPhase.OBSERVING : GrayPhase.STEPPING;
    return new GrayStep(profileAt(next, strategy, percent), Optional.of(next), Optional.of(wakeAt), phase);
  }

  private static GrayStep completed(GrayProgress plan) {
    return new GrayStep(ReplicaProfile.online(plan.target()), Optional.empty(), Optional.empty(),
        GrayPhase.COMPLETED);
  }

  /** 0 % steps at once, 100 % holds for the observation period, anything between waits one interval. */
  private static Duration waitAfter(int percent, GrayStrategy strategy) {
    if (percent == 0) {
      return Duration.ZERO;
    }
    return percent == 100 ? strategy.observation() : strategy.changeInterval();
  }

  /**
   * The number of pods changed at {@code percent}: {@code max(1, floor(diff * percent / 100))}, capped at
   * {@code diff}; 0 at 0 % or when there is no difference. diff 4 at 50 % gives 2; diff 3 at 50 % gives 1;
   * diff 1 at 10 % gives 1.
   */
  static int changedPods(int diff, int percent) {
    if (diff == 0 || percent == 0) {
      return 0;
    }
    long share = (long) diff * percent / 100;
    return (int) Math.min(diff, Math.max(1, share));
  }

  private static ReplicaProfile profileAt(GrayProgress plan, GrayStrategy strategy, int percent) {
    ReplicaProfile start = plan.start();
    int changed = changedPods(Math.abs(plan.target() - start.online()), percent);
    if (plan.direction() == Direction.DOWN) {
      int online = start.online() - changed;
      return switch (strategy.grayState()) {
        case CUTOFF -> new ReplicaProfile(online, start.cutoff() + changed, start.standby());
        case STANDBY -> new ReplicaProfile(online, start.cutoff(), start.standby() + changed);
        case ONLINE, DELETED -> new ReplicaProfile(online, start.cutoff(), start.standby());
      };
    }
    // Scale-up: new online pods come from Cutoff first, then Standby, then new pods.
    int fromCutoff = Math.min(start.cutoff(), changed);
    int fromStandby = Math.min(start.standby(), changed - fromCutoff);
    return new ReplicaProfile(start.online() + changed, start.cutoff() - fromCutoff,
        start.standby() - fromStandby);
  }
}
