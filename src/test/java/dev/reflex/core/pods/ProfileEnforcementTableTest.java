package dev.reflex.core.pods;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.reflex.core.WorkloadKind;
import dev.reflex.core.gray.ReplicaProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One ReplicaProfile pass: ensured or not under each allowed direction, the effective profile, which pods change
 * state, when state changes are held back, and the replica count written. Pods are a StatefulSet's {@code web-N},
 * running and ready, given as a string of states by ordinal: {@code "OOOCC"} is web-0..2 online, web-3..4 cutoff.
 */
class ProfileEnforcementTableTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:10:00Z");

  /** Expected state changes; null for "no transitions planned" (ensured, not needed, or skipped). */
  record Moves(List<String> online, List<String> cutoff, List<String> standby, List<String> deleted) {
  }

  record Case(String name, String pods, int replicas, boolean rollout, ReplicaProfile desired,
      AllowedDirection direction, boolean ensured, ReplicaProfile effective, Moves moves, boolean skipped,
      Integer rescaleTo) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ReplicaProfile p(int online, int cutoff, int standby) {
    return new ReplicaProfile(online, cutoff, standby);
  }

  private static Case ensured(String name, String pods, ReplicaProfile desired, AllowedDirection direction) {
    return new Case(name, pods, pods.length(), false, desired, direction, true, null, null, false, null);
  }

  private static Case enforce(String name, String pods, int replicas, boolean rollout, ReplicaProfile desired,
      AllowedDirection direction, ReplicaProfile effective, Moves moves, boolean skipped, Integer rescaleTo) {
    return new Case(name, pods, replicas, rollout, desired, direction, false, effective, moves, skipped, rescaleTo);
  }

  private static Moves moves(List<String> online, List<String> cutoff, List<String> standby, List<String> deleted) {
    return new Moves(online, cutoff, standby, deleted);
  }

  private static final List<String> NONE = List.of();

  static Stream<Case> cases() {
    AllowedDirection both = AllowedDirection.BOTH;
    return Stream.of(
        ensured("all five online as desired", "OOOOO", p(5, 0, 0), both),
        ensured("seed 000 after the first gray step: 3 online, 2 cutoff", "OOOCC", p(3, 2, 0), both),
        ensured("direction Up accepts more online pods than desired", "OOOOOO", p(5, 0, 0), AllowedDirection.UP),
        ensured("direction Down accepts fewer online pods than desired", "OOO", p(5, 0, 0), AllowedDirection.DOWN),
        ensured("direction Neither accepts any online count", "OOOO", p(2, 0, 0), AllowedDirection.NEITHER),
        enforce("seed 000's first gray step cuts off the two highest ordinals", "OOOOO", 5, false, p(3, 2, 0), both,
            p(3, 2, 0), moves(NONE, List.of("web-4", "web-3"), NONE, NONE), false, null),
        enforce("the second step cuts off two more", "OOOCC", 5, false, p(1, 4, 0), both,
            p(1, 4, 0), moves(NONE, List.of("web-2", "web-1"), NONE, NONE), false, null),
        enforce("the plan completes: cutoff pods are the ones deleted and replicas drop", "OCCCC", 5, false,
            p(1, 0, 0), both, p(1, 0, 0), moves(NONE, NONE, NONE, List.of("web-4", "web-3", "web-2", "web-1")),
            false, 1),
        enforce("scaling back up brings cutoff pods online, the lowest ordinals first", "OCCCC", 5, false,
            p(3, 2, 0), both, p(3, 2, 0), moves(List.of("web-1", "web-2"), NONE, NONE, NONE), false, null),
        enforce("standby parks the highest ordinals", "OOOO", 4, false, p(2, 0, 2), both,
            p(2, 0, 2), moves(NONE, NONE, List.of("web-3", "web-2"), NONE), false, null),
        enforce("direction Up keeps the online pods and adds the cutoff ones", "OOOOO", 5, false, p(3, 2, 0),
            AllowedDirection.UP, p(5, 2, 0), moves(NONE, NONE, NONE, NONE), false, 7),
        enforce("online only: no state change, the workload is rescaled", "OO", 2, false, p(4, 0, 0), both,
            p(4, 0, 0), null, false, 4),
        enforce("direction Neither holds the online count while parked pods come back", "OOCC", 4, false,
            p(1, 0, 0), AllowedDirection.NEITHER, p(2, 0, 0), moves(NONE, NONE, NONE, List.of("web-3", "web-2")),
            false, 2),
        enforce("a pod short of the workload's replicas holds state changes back", "OOOO", 5, false, p(3, 2, 0),
            both, p(3, 2, 0), null, true, null),
        enforce("a rollout in progress holds state changes back", "OOOOO", 5, true, p(3, 2, 0), both,
            p(3, 2, 0), null, true, null),
        enforce("held-back state changes do not hold the rescale back", "OOOC", 5, false, p(1, 0, 0), both,
            p(1, 0, 0), null, true, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plansOnePass(Case c) {
    ProfileEnforcement.Plan plan = ProfileEnforcement.plan(c.desired(), c.direction(), WorkloadKind.STATEFUL_SET,
        pods(c.pods()), c.replicas(), c.rollout(), NOW);
    assertEquals(ProfileEnforcement.count(pods(c.pods())), plan.observed(), "observed counts");
    if (c.ensured()) {
      assertInstanceOf(ProfileEnforcement.Ensured.class, plan);
      return;
    }
    ProfileEnforcement.Enforce enforce = assertInstanceOf(ProfileEnforcement.Enforce.class, plan);
    Optional<Moves> planned = enforce.transitions().map(t -> moves(t.toOnline(), t.toCutoff(), t.toStandby(),
        t.toDeleted()));
    assertAll(
        () -> assertEquals(c.effective(), enforce.effective(), "effective profile"),
        () -> assertEquals(Optional.ofNullable(c.moves()), planned, "state changes"),
        () -> assertEquals(c.skipped(), enforce.stateChangeSkipped(), "state change skipped"),
        () -> assertEquals(Optional.ofNullable(c.rescaleTo()), enforce.rescaleTo(), "replicas written"));
  }

  /** {@code "OOC"}: web-0 and web-1 online, web-2 cutoff; S is standby. */
  private static List<PodInfo> pods(String states) {
    List<PodInfo> pods = new ArrayList<>();
    for (int i = 0; i < states.length(); i++) {
      PodState state = switch (states.charAt(i)) {
        case 'C' -> PodState.CUTOFF;
        case 'S' -> PodState.STANDBY;
        default -> PodState.ONLINE;
      };
      pods.add(PodInfo.builder("web-" + i).uid("uid-" + i).nodeName("node-1").phase(PodPhase.RUNNING)
          .readySince(NOW.minusSeconds(600)).createdAt(NOW.minusSeconds(900)).state(state).build());
    }
    return pods;
  }
}
