package dev.reflex.core.ihpa;

import dev.reflex.core.gray.GrayPhase;
import dev.reflex.core.gray.GrayPlanner;
import dev.reflex.core.gray.GrayProgress;
import dev.reflex.core.gray.GrayStep;
import dev.reflex.core.gray.GrayStrategies;
import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.portrait.MergeOutcome;
import dev.reflex.core.portrait.PortraitMerger;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.ReplicaBounds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans one pass of an IntelligentHorizontalPodAutoscaler.
 *
 * <p>The providers are merged by priority ({@link PortraitMerger}). Without a valid value the IHPA leaves its
 * workload alone. In {@code Preview} mode it only reports what it would do and owns no ReplicaProfile. Otherwise the
 * gray planner moves the profile in force towards the clamped target; an IHPA with no ReplicaProfile yet creates one
 * at the target at once (there is nothing to step from). The pass wakes again at the earlier of the merge's next
 * change (a cron boundary, an expiring value) and the gray plan's next step.
 */
public final class IhpaPlanner {

  private IhpaPlanner() {
  }

  /** What one pass does. */
  public sealed interface IhpaPlan permits NoValidValue, Preview, Scale {
    /** When to plan again; empty when nothing is scheduled. */
    Optional<Instant> wakeAt();
  }

  /** No provider has a valid value: report it, change nothing. */
  public record NoValidValue(Optional<Instant> wakeAt) implements IhpaPlan {
  }

  /** Preview mode: record the merged value, delete any ReplicaProfile, scale nothing. */
  public record Preview(MergeOutcome.Merged merged, Optional<Instant> wakeAt) implements IhpaPlan {
  }

  /**
   * Write the step's profile (creating the ReplicaProfile when there is none).
   *
   * @param merged the merge this step plans towards
   * @param step the gray planner's step: the profile to write and the plan state to keep
   * @param matchesPortrait whether the online count already is the target with nothing parked
   *     ({@code GrayProgressing} is False exactly then)
   */
  public record Scale(MergeOutcome.Merged merged, GrayStep step, boolean matchesPortrait, Optional<Instant> wakeAt)
      implements IhpaPlan {
  }

  /**
   * @param providers the IHPA's portrait providers, evaluated
   * @param bounds its min and max replicas
   * @param preview whether {@code scaleMode} is Preview
   * @param inForce the ReplicaProfile's spec, empty when the IHPA has none yet
   * @param strategies the gray strategies of its behavior
   * @param progress the gray plan stored on the ReplicaProfile, if any
   * @param now the instant of evaluation
   */
  public static IhpaPlan plan(List<PortraitProvider> providers, ReplicaBounds bounds, boolean preview,
      Optional<ReplicaProfile> inForce, GrayStrategies strategies, Optional<GrayProgress> progress, Instant now) {
    Objects.requireNonNull(inForce, "inForce");
    Objects.requireNonNull(progress, "progress");
    MergeOutcome outcome = PortraitMerger.merge(providers, bounds, now);
    if (outcome instanceof MergeOutcome.NoValidValue none) {
      return new NoValidValue(none.wakeAt());
    }
    MergeOutcome.Merged merged = (MergeOutcome.Merged) outcome;
    if (preview) {
      return new Preview(merged, merged.wakeAt());
    }
    int target = merged.targetReplicas();
    GrayStep step = inForce.isEmpty()
        ? new GrayStep(ReplicaProfile.online(target), Optional.empty(), Optional.empty(), GrayPhase.IMMEDIATE)
        : GrayPlanner.plan(inForce.get(), target, strategies, progress, now);
    boolean matches = step.profile().online() == target && step.profile().parked() == 0;
    return new Scale(merged, step, matches, earliest(merged.wakeAt(), step.wakeAt()));
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
  }
}
