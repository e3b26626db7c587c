package dev.reflex.core.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.core.WorkloadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodOrderingTest {

  static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

  /** A running, ready, scheduled pod created an hour ago and ready for 50 minutes. */
  static PodInfo.Builder pod(String name) {
    return PodInfo.builder(name).uid("uid-" + name).nodeName("node-" + name).phase(PodPhase.RUNNING)
        .createdAt(NOW.minusSeconds(3600)).readySince(NOW.minusSeconds(3000));
  }

  static Stream<Arguments> replicaSetPairs() {
    return Stream.of(
        Arguments.of("unscheduled before scheduled", pod("a").nodeName("").phase(PodPhase.PENDING).notReady(),
            pod("b")),
        Arguments.of("unscheduled before scheduled even if the scheduled one is pending",
            pod("a").nodeName(""), pod("b").phase(PodPhase.PENDING).notReady()),
        Arguments.of("pending before running", pod("a").phase(PodPhase.PENDING).notReady(), pod("b")),
        Arguments.of("pending before unknown", pod("a").phase(PodPhase.PENDING), pod("b").phase(PodPhase.UNKNOWN)),
        Arguments.of("unknown before running", pod("a").phase(PodPhase.UNKNOWN), pod("b")),
        Arguments.of("not ready before ready", pod("a").notReady(), pod("b")),
        Arguments.of("not ready before ready even if much older", pod("a").notReady()
            .createdAt(NOW.minusSeconds(900_000)), pod("b").createdAt(NOW.minusSeconds(10))
            .readySince(NOW.minusSeconds(5))),
        Arguments.of("lower deletion cost first", pod("a").deletionCost(-10), pod("b")),
        Arguments.of("deletion cost beats readiness age", pod("a").deletionCost(1).readySince(NOW.minusSeconds(9000)),
            pod("b").deletionCost(5).readySince(NOW.minusSeconds(1))),
        Arguments.of("deletion cost does not beat not-ready", pod("a").notReady().deletionCost(100),
            pod("b").deletionCost(-100)),
        Arguments.of("doubled-up pods first", pod("a").nodeName("shared"), pod("b").nodeName("alone")),
        Arguments.of("more recently ready first", pod("a").readySince(NOW.minusSeconds(10)),
            pod("b").readySince(NOW.minusSeconds(1000))),
        Arguments.of("ready time beats restarts", pod("a").readySince(NOW.minusSeconds(10)),
            pod("b").readySince(NOW.minusSeconds(1000)).restartCount(9)),
        Arguments.of("same ready bucket: ties broken by UID, not restarts",
            pod("a").uid("0001").readySince(NOW.minusSeconds(7)),
            pod("b").uid("0002").readySince(NOW.minusSeconds(8)).restartCount(5)),
        Arguments.of("missing ready time first", pod("a").readySince(null), pod("b").readySince(NOW.minusSeconds(1))),
        Arguments.of("equal ready times: more restarts first", pod("a").restartCount(3), pod("b").restartCount(1)),
        Arguments.of("not ready pods: restarts decide", pod("a").notReady().restartCount(2),
            pod("b").notReady().restartCount(0)),
        Arguments.of("newer first", pod("a").createdAt(NOW.minusSeconds(100)).readySince(NOW.minusSeconds(3000)),
            pod("b").createdAt(NOW.minusSeconds(10_000))),
        Arguments.of("same creation bucket: ties broken by UID",
            pod("a").uid("aaa").createdAt(NOW.minusSeconds(1000)),
            pod("b").uid("bbb").createdAt(NOW.minusSeconds(900))),
        Arguments.of("missing creation time first", pod("a").createdAt(null), pod("b")),
        Arguments.of("UID tie-break falls back to the name", pod("a").uid("").createdAt(NOW.minusSeconds(1000)),
            pod("b").uid("").createdAt(NOW.minusSeconds(900))),
        Arguments.of("identical pods are ordered by name", pod("a").nodeName("n"), pod("b").nodeName("n")),
        Arguments.of("a future ready time counts as most recent", pod("a").readySince(NOW.plusSeconds(5)),
            pod("b").readySince(NOW.minusSeconds(1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicaSetPairs")
  void replicaSetOrderPutsTheFirstPodFirstWhateverTheInputOrder(String name, PodInfo.Builder first,
      PodInfo.Builder second) {
    PodInfo a = first.build();
    PodInfo b = second.build();
    List<PodInfo> pods = new ArrayList<>(List.of(a, b));
    if (name.startsWith("doubled-up")) {
      pods.add(pod("c").nodeName("shared").build());
    }
    for (List<PodInfo> input : List.of(pods, reversed(pods))) {
      List<String> order = PodOrdering.scaleDownOrder(WorkloadKind.REPLICA_SET, input, NOW).stream()
          .map(PodInfo::name).filter(n -> !n.equals("c")).toList();
      assertEquals(List.of("a", "b"), order);
    }
  }

  static Stream<Arguments> statefulSetCases() {
    return Stream.of(
        Arguments.of("highest ordinal first", List.of("web-0", "web-2", "web-1"), List.of("web-2", "web-1", "web-0")),
        Arguments.of("numeric, not lexical", List.of("web-9", "web-10", "web-2"), List.of("web-10", "web-9", "web-2")),
        Arguments.of("names without an ordinal go first", List.of("web-1", "stray", "web-3"),
            List.of("stray", "web-3", "web-1")),
        Arguments.of("a trailing dash is no ordinal", List.of("web-0", "web-"), List.of("web-", "web-0")),
        Arguments.of("hyphenated set names use the last segment", List.of("my-app-3", "my-app-12", "my-app-0"),
            List.of("my-app-12", "my-app-3", "my-app-0")),
        Arguments.of("single pod", List.of("web-0"), List.of("web-0")),
        Arguments.of("no pods", List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statefulSetCases")
  void statefulSetOrderRemovesTheHighestOrdinalFirst(String name, List<String> names, List<String> expected) {
    List<PodInfo> pods = names.stream().map(n -> pod(n).build()).toList();
    assertEquals(expected, PodOrdering.scaleDownOrder(WorkloadKind.STATEFUL_SET, pods, NOW).stream()
        .map(PodInfo::name).toList());
  }

  @Test
  void statefulSetOrderIgnoresReadinessAndPrefersTheExplicitOrdinal() {
    List<PodInfo> pods = List.of(pod("web-0").notReady().build(), pod("web-1").ordinal(7).build(),
        pod("web-2").build());
    assertEquals(List.of("web-1", "web-2", "web-0"), PodOrdering.scaleDownOrder(WorkloadKind.STATEFUL_SET, pods,
        NOW).stream().map(PodInfo::name).toList());
  }

  @Test
  void deploymentUsesTheReplicaSetOrderAcrossAMixedPopulation() {
    List<PodInfo> pods = List.of(
        pod("old-ready").createdAt(NOW.minusSeconds(90_000)).readySince(NOW.minusSeconds(80_000)).build(),
        pod("fresh-ready").createdAt(NOW.minusSeconds(60)).readySince(NOW.minusSeconds(30)).build(),
        pod("pending").nodeName("n1").phase(PodPhase.PENDING).notReady().build(),
        pod("unscheduled").nodeName("").phase(PodPhase.PENDING).notReady().build(),
        pod("crashing").notReady().restartCount(7).build(),
        pod("expensive").deletionCost(1000).readySince(NOW.minusSeconds(10)).build(),
        pod("cheap").deletionCost(-1000).createdAt(NOW.minusSeconds(90_000)).readySince(NOW.minusSeconds(80_000))
            .build());
    assertEquals(List.of("unscheduled", "pending", "crashing", "cheap", "fresh-ready", "old-ready", "expensive"),
        PodOrdering.scaleDownOrder(WorkloadKind.DEPLOYMENT, pods, NOW).stream().map(PodInfo::name).toList());
  }

  @Test
  void sortingNeverThrowsOnTheNonTransitiveBucketRule() {
    // Same-bucket pods compare by UID, equal-time pods by restarts: the order can be cyclic. Shuffle hard.
    List<PodInfo> pods = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      pods.add(pod("p" + i).nodeName("n").uid(String.format("%04d", (i * 37) % 200))
          .readySince(NOW.minusSeconds(100 + (i % 3) * 5)).restartCount(i % 4).build());
    }
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(pods, random);
      assertEquals(200, PodOrdering.scaleDownOrder(WorkloadKind.REPLICA_SET, pods, NOW).size());
    }
  }

  static Stream<Arguments> firstToRemoveCases() {
    return Stream.of(
        Arguments.of("two of four", 2, List.of("web-3", "web-2")),
        Arguments.of("none", 0, List.of()),
        Arguments.of("all", 4, List.of("web-3", "web-2", "web-1", "web-0")),
        Arguments.of("more than there are", 9, List.of("web-3", "web-2", "web-1", "web-0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firstToRemoveCases")
  void firstToRemoveTakesThePrefixOfTheOrder(String name, int count, List<String> expected) {
    List<PodInfo> pods = List.of(pod("web-0").build(), pod("web-1").build(), pod("web-2").build(),
        pod("web-3").build());
    assertEquals(expected, PodOrdering.firstToRemove(WorkloadKind.STATEFUL_SET, pods, count, NOW).stream()
        .map(PodInfo::name).toList());
  }

  @Test
  void negativeCountIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> PodOrdering.firstToRemove(WorkloadKind.STATEFUL_SET, List.of(), -1, NOW));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
