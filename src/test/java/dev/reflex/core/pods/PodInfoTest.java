package dev.reflex.core.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.WorkloadKind;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodInfoTest {

  static Stream<Arguments> stateLabels() {
    return Stream.of(
        Arguments.of("no label is online", Map.of(), PodState.ONLINE),
        Arguments.of("Cutoff label", Map.of(PodKeys.STATE_LABEL, "Cutoff"), PodState.CUTOFF),
        Arguments.of("Standby label", Map.of(PodKeys.STATE_LABEL, "Standby"), PodState.STANDBY),
        Arguments.of("Online label", Map.of(PodKeys.STATE_LABEL, "Online"), PodState.ONLINE),
        Arguments.of("unknown value is online", Map.of(PodKeys.STATE_LABEL, "Deleted"), PodState.ONLINE),
        Arguments.of("values are case-sensitive", Map.of(PodKeys.STATE_LABEL, "cutoff"), PodState.ONLINE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stateLabels")
  void readsTheStateLabel(String name, Map<String, String> labels, PodState expected) {
    assertEquals(expected, PodInfo.builder("p-0").labels(labels).build().state());
  }

  static Stream<Arguments> ordinals() {
    return Stream.of(
        Arguments.of("suffix", "web-12", OptionalInt.of(12)),
        Arguments.of("no dash", "web", OptionalInt.empty()),
        Arguments.of("non-numeric suffix", "web-abc", OptionalInt.empty()),
        Arguments.of("trailing dash", "web-", OptionalInt.empty()),
        Arguments.of("last segment only", "a-1-2", OptionalInt.of(2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordinals")
  void parsesTheOrdinalFromTheName(String name, String podName, OptionalInt expected) {
    assertEquals(expected, PodInfo.builder(podName).build().effectiveOrdinal());
  }

  static Stream<Arguments> apiValues() {
    return Stream.of(
        Arguments.of("empty phase is Pending", (Runnable) () -> assertEquals(PodPhase.PENDING, PodPhase.fromApi(""))),
        Arguments.of("Running phase", (Runnable) () -> assertEquals(PodPhase.RUNNING, PodPhase.fromApi("Running"))),
        Arguments.of("absent deletion cost is 0", (Runnable) () -> assertEquals(0, PodInfo.parseDeletionCost(null))),
        Arguments.of("negative deletion cost", (Runnable) () -> assertEquals(-5, PodInfo.parseDeletionCost("-5"))),
        Arguments.of("apps StatefulSet", (Runnable) () -> assertEquals(WorkloadKind.STATEFUL_SET,
            WorkloadKind.fromTarget("apps/v1", "StatefulSet"))),
        Arguments.of("apps Deployment", (Runnable) () -> assertEquals(WorkloadKind.DEPLOYMENT,
            WorkloadKind.fromTarget("apps/v1", "Deployment"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiValues")
  void parsesApiValues(String name, Runnable check) {
    check.run();
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("unknown phase", (Runnable) () -> PodPhase.fromApi("Sleeping"), "status.phase"),
        Arguments.of("non-numeric deletion cost", (Runnable) () -> PodInfo.parseDeletionCost("high"),
            PodKeys.DELETION_COST_ANNOTATION),
        Arguments.of("deletion cost beyond int32", (Runnable) () -> PodInfo.parseDeletionCost("3000000000"),
            PodKeys.DELETION_COST_ANNOTATION),
        Arguments.of("workload outside apps", (Runnable) () -> WorkloadKind.fromTarget("argoproj.io/v1alpha1",
            "Rollout"), "scaleTargetRef"),
        Arguments.of("unknown apps kind", (Runnable) () -> WorkloadKind.fromTarget("apps/v1", "DaemonSet"),
            "scaleTargetRef"),
        Arguments.of("negative restarts", (Runnable) () -> PodInfo.builder("p").restartCount(-1).build(),
            "restartCount"),
        Arguments.of("blank name", (Runnable) () -> PodInfo.builder(" ").build(), "metadata.name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidValues")
  void rejectsInvalidValuesNamingTheField(String name, Runnable build, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
