package dev.reflex.core.gray;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The planner's answer.
 *
 * @param profile the profile to write to the ReplicaProfile spec now
 * @param progress the plan state to keep for the next call; empty when no plan is running
 * @param wakeAt when to call the planner again; empty when nothing is scheduled
 * @param phase where the plan stands
 */
public record GrayStep(ReplicaProfile profile, Optional<GrayProgress> progress, Optional<Instant> wakeAt,
    GrayPhase phase) {

  public GrayStep {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(wakeAt, "wakeAt");
    Objects.requireNonNull(phase, "phase");
  }

  /** Whether no further call is needed for this target. */
  public boolean done() {
    return progress.isEmpty();
  }
}
