package dev.reflex.core.pods;

import dev.reflex.core.WorkloadKind;
import dev.reflex.core.gray.ReplicaProfile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one pass of the ReplicaProfile controller does, decided from what it observed. One of this package's entry
 * points; the controller only reads the inputs and carries the plan out.
 *
 * <p>A profile is <em>ensured</em> when the running pods per state match it, the online count compared under the
 * allowed direction. Otherwise the profile to realise is the desired one with the online count the direction allows,
 * and two things may be needed: pods changing state ({@link StateTransitionPlanner}), and the workload's replica
 * count set to that profile's total. Pod states are never changed while the running pods do not number the
 * workload's replicas or a rollout is in progress: the controller would pick from a set about to change, so the
 * state change is skipped (and said so) until the workload settles.
 *
 * <p>Seed 000's StatefulSet at 5 replicas, all online, profile 3/2/0 with direction Both: not ensured, cut off
 * {@code web-4, web-3}, replicas stay 5. The same with direction Up: online 5 is allowed, but the two cutoff pods
 * are still wanted, so the effective profile is 5/2/0 and replicas become 7.
 */
public final class ProfileEnforcement {

  private ProfileEnforcement() {
  }

  /** The outcome of one pass. */
  public sealed interface Plan permits Ensured, Enforce {
    /** The running pods per state, as observed. */
    ReplicaProfile observed();
  }

  /** The pods match the profile: only the status is written. */
  public record Ensured(ReplicaProfile observed) implements Plan {
  }

  /**
   * The pods do not match.
   *
   * @param observed the running pods per state
   * @param effective the profile realised (the desired one, online count as the direction allows)
   * @param transitions the state changes to make; empty when none are needed or they were skipped
   * @param stateChangeSkipped whether state changes were needed but held back (pod count or rollout)
   * @param rescaleTo the workload's new replica count, when it differs from its current one
   */
  public record Enforce(ReplicaProfile observed, ReplicaProfile effective, Optional<StateTransitions> transitions,
      boolean stateChangeSkipped, Optional<Integer> rescaleTo) implements Plan {

    public Enforce {
      Objects.requireNonNull(observed, "observed");
      Objects.requireNonNull(effective, "effective");
      Objects.requireNonNull(transitions, "transitions");
      Objects.requireNonNull(rescaleTo, "rescaleTo");
    }
  }

  /**
   * Plans one pass.
   *
   * @param desired the profile's spec
   * @param direction the profile's allowed scaling direction
   * @param kind the workload kind (picks which pods change state)
   * @param runningPods the workload's pods that run and are not being deleted
   * @param workloadReplicas the workload's {@code spec.replicas}
   * @param rolloutInProgress whether the workload is rolling out a new template
   * @param now the instant of evaluation (the ReplicaSet order compares pod ages with it)
   */
  public static Plan plan(ReplicaProfile desired, AllowedDirection direction, WorkloadKind kind,
      List<PodInfo> runningPods, int workloadReplicas, boolean rolloutInProgress, Instant now) {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(now, "now");
    ReplicaProfile observed = count(runningPods);
    if (direction.satisfied(observed.online(), desired.online()) && observed.cutoff() == desired.cutoff()
        && observed.standby() == desired.standby()) {
      return new Ensured(observed);
    }
    ReplicaProfile effective = new ReplicaProfile(direction.effectiveOnline(observed.online(), desired.online()),
        desired.cutoff(), desired.standby());
    boolean statesInvolved = desired.parked() > 0 || observed.parked() > 0;
    boolean podsSettled = runningPods.size() == workloadReplicas && !rolloutInProgress;
    Optional<StateTransitions> transitions = statesInvolved && podsSettled
        ? Optional.of(StateTransitionPlanner.plan(kind, runningPods, effective, now)) : Optional.empty();
    Optional<Integer> rescaleTo = effective.total() == workloadReplicas ? Optional.empty()
        : Optional.of(effective.total());
    return new Enforce(observed, effective, transitions, statesInvolved && !podsSettled, rescaleTo);
  }

  /** The running pods per state. */
  static ReplicaProfile count(List<PodInfo> runningPods) {
    int online = 0;
    int cutoff = 0;
    int standby = 0;
    for (PodInfo pod : runningPods) {
      switch (pod.state()) {
        case CUTOFF -> cutoff++;
        case STANDBY -> standby++;
        case ONLINE -> online++;
      }
    }
    return new ReplicaProfile(online, cutoff, standby);
  }
}
