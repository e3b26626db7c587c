package dev.reflex.core.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.core.WorkloadKind;
import dev.reflex.core.gray.ReplicaProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StateTransitionPlannerTest {

  static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

  /** Pods written as {@code name:state} with state o (online), c (cutoff) or s (standby). */
  static List<PodInfo> pods(String... specs) {
    List<PodInfo> pods = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split(":");
      PodState state = switch (parts[1]) {
        case "c" -> PodState.CUTOFF;
        case "s" -> PodState.STANDBY;
        default -> PodState.ONLINE;
      };
      pods.add(PodInfo.builder(parts[0]).uid(parts[0]).nodeName("node-" + parts[0]).phase(PodPhase.RUNNING)
          .createdAt(NOW.minusSeconds(3600)).readySince(NOW.minusSeconds(3000)).state(state).build());
    }
    return pods;
  }

  static StateTransitions want(List<String> online, List<String> cutoff, List<String> standby,
      List<String> deleted) {
    return new StateTransitions(online, cutoff, standby, deleted);
  }

  static Stream<Arguments> statefulSetCases() {
    List<String> none = List.of();
    return Stream.of(
        Arguments.of("seed step 1: 3/2 cuts off the two highest ordinals",
            pods("nginx-0:o", "nginx-1:o", "nginx-2:o", "nginx-3:o", "nginx-4:o"), new ReplicaProfile(3, 2, 0),
            want(none, List.of("nginx-4", "nginx-3"), none, none)),
        Arguments.of("seed step 2: 1/4 cuts off the next two",
            pods("nginx-0:o", "nginx-1:o", "nginx-2:o", "nginx-3:c", "nginx-4:c"), new ReplicaProfile(1, 4, 0),
            want(none, List.of("nginx-2", "nginx-1"), none, none)),
        Arguments.of("seed step 3: 1/0 hands the cutoff pods to deletion",
            pods("nginx-0:o", "nginx-1:c", "nginx-2:c", "nginx-3:c", "nginx-4:c"), new ReplicaProfile(1, 0, 0),
            want(none, none, none, List.of("nginx-4", "nginx-3", "nginx-2", "nginx-1"))),
        Arguments.of("matching profile: nothing moves", pods("web-0:o", "web-1:c"), new ReplicaProfile(1, 1, 0),
            want(none, none, none, none)),
        Arguments.of("rollback brings cutoff pods back, lowest ordinal first",
            pods("web-0:o", "web-1:c", "web-2:c", "web-3:c"), new ReplicaProfile(3, 1, 0),
            want(List.of("web-1", "web-2"), none, none, none)),
        Arguments.of("rollback takes cutoff before standby",
            pods("web-0:o", "web-1:s", "web-2:c"), new ReplicaProfile(2, 0, 1),
            want(List.of("web-2"), none, none, none)),
        Arguments.of("rollback uses standby when cutoff runs out",
            pods("web-0:o", "web-1:s", "web-2:c"), new ReplicaProfile(3, 0, 0),
            want(List.of("web-2", "web-1"), none, none, none)),
        Arguments.of("more online than pods: the workload creates the rest", pods("web-0:o", "web-1:c"),
            new ReplicaProfile(4, 0, 0), want(List.of("web-1"), none, none, none)),
        Arguments.of("standby gray parks online pods in standby", pods("web-0:o", "web-1:o", "web-2:o"),
            new ReplicaProfile(1, 0, 2), want(none, none, List.of("web-2", "web-1"), none)),
        Arguments.of("online surplus cascades through cutoff into standby",
            pods("web-0:o", "web-1:o", "web-2:c"), new ReplicaProfile(1, 1, 1),
            want(none, List.of("web-1"), List.of("web-2"), none)),
        Arguments.of("cutoff surplus is deleted", pods("web-0:o", "web-1:c", "web-2:c"), new ReplicaProfile(1, 1, 0),
            want(none, none, none, List.of("web-2"))),
        Arguments.of("a cutoff pod becomes standby", pods("web-0:o", "web-1:c"), new ReplicaProfile(1, 0, 1),
            want(none, none, List.of("web-1"), none)),
        Arguments.of("cutoff short takes from standby", pods("web-0:o", "web-1:s", "web-2:s"),
            new ReplicaProfile(1, 1, 1), want(none, List.of("web-1"), none, none)),
        Arguments.of("scale to zero", pods("web-0:o", "web-1:o"), new ReplicaProfile(0, 0, 0),
            want(none, none, none, List.of("web-1", "web-0"))),
        Arguments.of("no pods yet", pods(), new ReplicaProfile(3, 0, 0), want(none, none, none, none)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statefulSetCases")
  void choosesPodsPerTargetState(String name, List<PodInfo> pods, ReplicaProfile desired,
      StateTransitions expected) {
    assertEquals(expected, StateTransitionPlanner.plan(WorkloadKind.STATEFUL_SET, pods, desired, NOW));
  }

  @Test
  void deploymentCutsOffTheNewestPodsAndRestoresTheOldest() {
    PodInfo oldest = PodInfo.builder("a").nodeName("n1").phase(PodPhase.RUNNING)
        .createdAt(NOW.minusSeconds(100_000)).readySince(NOW.minusSeconds(99_000)).build();
    PodInfo middle = PodInfo.builder("b").nodeName("n2").phase(PodPhase.RUNNING)
        .createdAt(NOW.minusSeconds(10_000)).readySince(NOW.minusSeconds(9_000)).build();
    PodInfo newest = PodInfo.builder("c").nodeName("n3").phase(PodPhase.RUNNING)
        .createdAt(NOW.minusSeconds(100)).readySince(NOW.minusSeconds(50)).build();
    StateTransitions down = StateTransitionPlanner.plan(WorkloadKind.DEPLOYMENT, List.of(oldest, middle, newest),
        new ReplicaProfile(1, 2, 0), NOW);
    assertEquals(List.of("c", "b"), down.toCutoff());

    List<PodInfo> afterCutoff = List.of(oldest,
        PodInfo.builder("b").nodeName("n2").phase(PodPhase.RUNNING).createdAt(NOW.minusSeconds(10_000))
            .readySince(NOW.minusSeconds(9_000)).state(PodState.CUTOFF).build(),
        PodInfo.builder("c").nodeName("n3").phase(PodPhase.RUNNING).createdAt(NOW.minusSeconds(100))
            .readySince(NOW.minusSeconds(50)).state(PodState.CUTOFF).build());
    StateTransitions back = StateTransitionPlanner.plan(WorkloadKind.DEPLOYMENT, afterCutoff,
        new ReplicaProfile(2, 1, 0), NOW);
    // The pod the ReplicaSet would keep longest (the older "b") comes back first.
    assertEquals(List.of("b"), back.toOnline());
    assertEquals(true, back.toCutoff().isEmpty());
  }
}
