package dev.reflex.core.pods;

import dev.reflex.core.WorkloadKind;
import dev.reflex.core.gray.ReplicaProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses which running pods change state so that the pods match a replica profile. One of this package's
 * entry points.
 *
 * <p>The states are walked in order Online, Cutoff, Standby (then Deleted, which takes any surplus):
 * <ul>
 *   <li>a state short of pods takes them from the later states, Cutoff before Standby, choosing from each the
 *       pods <em>last</em> in the scale-down order (the ones the workload would keep longest); anything still
 *       missing is created by the workload when its replica count rises;</li>
 *   <li>a state with a surplus hands the pods <em>first</em> in the scale-down order to the next state.</li>
 * </ul>
 * So a shrinking online count cascades Online to Cutoff to Standby to Deleted, and a growing one brings Cutoff
 * pods back before Standby pods. StatefulSet {@code nginx-0..4} all online: profile 3/2/0 cuts off
 * {@code nginx-4, nginx-3}; then 1/4/0 cuts off {@code nginx-2, nginx-1}; then 1/0/0 marks the four cutoff pods
 * for deletion, the same pods the StatefulSet removes when scaled from 5 to 1.
 */
public final class StateTransitionPlanner {

  private StateTransitionPlanner() {
  }

  /**
   * Plans the state changes.
   *
   * @param kind the workload kind (picks the scale-down order)
   * @param runningPods the workload's running pods, not being deleted, with their state labels
   * @param desired the profile to realise
   * @param now reference instant for the ReplicaSet order
   */
  public static StateTransitions plan(WorkloadKind kind, List<PodInfo> runningPods, ReplicaProfile desired,
      Instant now) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(runningPods, "runningPods");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(now, "now");
    PodLess order = PodOrdering.orderFor(kind, runningPods, now);
    Map<Slot, List<PodInfo>> current = new EnumMap<>(Slot.class);
    Map<Slot, List<PodInfo>> incoming = new EnumMap<>(Slot.class);
    for (Slot slot : Slot.values()) {
      current.put(slot, new ArrayList<>());
      incoming.put(slot, new ArrayList<>());
    }
    for (PodInfo pod : runningPods) {
      current.get(Slot.of(pod.state())).add(pod);
    }
    int[] wanted = {desired.online(), desired.cutoff(), desired.standby()};
    for (Slot slot : List.of(Slot.ONLINE, Slot.CUTOFF, Slot.STANDBY)) {
      int want = wanted[slot.ordinal()];
      int have = current.get(slot).size() + incoming.get(slot).size();
      if (have < want) {
        int missing = want - have;
        for (Slot donor : slot.later()) {
          if (missing == 0) {
            break;
          }
          List<PodInfo> sorted = StableSort.sort(current.get(donor), order);
          // Keep-longest pods sit at the end of the scale-down order; take them from there.
          for (int i = sorted.size() - 1; i >= 0 && missing > 0; i--, missing--) {
            PodInfo pod = sorted.get(i);
            current.get(donor).remove(pod);
            incoming.get(slot).add(pod);
          }
        }
      } else if (have > want) {
        List<PodInfo> pool = new ArrayList<>(current.get(slot));
        pool.addAll(incoming.get(slot));
        List<PodInfo> sorted = StableSort.sort(pool, order);
        Slot next = Slot.values()[slot.ordinal() + 1];
        for (PodInfo pod : sorted.subList(0, have - want)) {
          if (!current.get(slot).remove(pod)) {
            incoming.get(slot).remove(pod);
          }
          incoming.get(next).add(pod);
        }
      }
    }
    return new StateTransitions(names(incoming.get(Slot.ONLINE)), names(incoming.get(Slot.CUTOFF)),
        names(incoming.get(Slot.STANDBY)), names(incoming.get(Slot.DELETED)));
  }

  private static List<String> names(List<PodInfo> pods) {
    return pods.stream().map(PodInfo::name).toList();
  }

  /** The states in walking order, Deleted last. */
  private enum Slot {
    ONLINE, CUTOFF, STANDBY, DELETED;

    static Slot of(PodState state) {
      return switch (state) {
        case ONLINE -> ONLINE;
        case CUTOFF -> CUTOFF;
        case STANDBY -> STANDBY;
      };
    }

    /** The states a short state may take pods from: the later ones except Deleted. */
    List<Slot> later() {
      return switch (this) {
        case ONLINE -> List.of(CUTOFF, STANDBY);
        case CUTOFF -> List.of(STANDBY);
        case STANDBY, DELETED -> List.of();
      };
    }
  }
}
