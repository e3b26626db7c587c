package dev.reflex.core.gray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrayPlannerTest {

  static final Instant T0 = Instant.parse("2024-01-01T10:10:00Z");
  static final GrayStrategy SEED = new GrayStrategy(GrayState.CUTOFF, 30, 50, 60);
  static final GrayStrategies SEED_DOWN = GrayStrategies.scaleDownOnly(SEED);

  static ReplicaProfile p(int online, int cutoff, int standby) {
    return new ReplicaProfile(online, cutoff, standby);
  }

  static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  static GrayProgress progress(Direction direction, ReplicaProfile start, int target, int percent, int at) {
    return new GrayProgress(direction, start, target, percent, t(at));
  }

  static Stream<Arguments> changedPodsCases() {
    return Stream.of(
        Arguments.of("seed first step: 4 at 50 % is 2", 4, 50, 2),
        Arguments.of("seed last step: 4 at 100 % is 4", 4, 100, 4),
        Arguments.of("odd difference rounds down: 3 at 50 % is 1", 3, 50, 1),
        Arguments.of("at least one pod per step: 1 at 10 % is 1", 1, 10, 1),
        Arguments.of("at least one pod per step: 10 at 1 % is 1", 10, 1, 1),
        Arguments.of("8 at 25 % is 2", 8, 25, 2),
        Arguments.of("8 at 75 % is 6", 8, 75, 6),
        Arguments.of("7 at 33 % is 2", 7, 33, 2),
        Arguments.of("7 at 99 % is 6", 7, 99, 6),
        Arguments.of("nothing at 0 %", 5, 0, 0),
        Arguments.of("nothing without a difference", 0, 50, 0),
        Arguments.of("large differences do not overflow", 2_000_000_000, 100, 2_000_000_000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedPodsCases")
  void changedPodsRoundsDownButMovesAtLeastOnePod(String name, int diff, int percent, int expected) {
    assertEquals(expected, GrayPlanner.changedPods(diff, percent));
  }

  /** Expected outcome of one call. */
  record Want(ReplicaProfile profile, GrayPhase phase, Integer wakeSecond, Integer percent) {
  }

  static Stream<Arguments> singleCalls() {
    GrayStrategy standby = new GrayStrategy(GrayState.STANDBY, 30, 50, 60);
    GrayStrategy deleted = new GrayStrategy(GrayState.DELETED, 30, 50, 60);
    GrayStrategy up = new GrayStrategy(GrayState.ONLINE, 20, 25, 40);
    GrayStrategies both = new GrayStrategies(Optional.of(up), Optional.of(SEED));
    return Stream.of(
        Arguments.of("steady: profile already matches", p(3, 0, 0), 3, SEED_DOWN, Optional.empty(), 0,
            new Want(p(3, 0, 0), GrayPhase.STEADY, null, null)),
        Arguments.of("no scale-down strategy: immediate", p(5, 0, 0), 1, GrayStrategies.none(), Optional.empty(), 0,
            new Want(p(1, 0, 0), GrayPhase.IMMEDIATE, null, null)),
        Arguments.of("no scale-up strategy: immediate", p(1, 0, 0), 5, SEED_DOWN, Optional.empty(), 0,
            new Want(p(5, 0, 0), GrayPhase.IMMEDIATE, null, null)),
        Arguments.of("immediate scale-up releases parked pods too", p(1, 4, 0), 5, SEED_DOWN, Optional.empty(), 0,
            new Want(p(5, 0, 0), GrayPhase.IMMEDIATE, null, null)),
        Arguments.of("seed: the first step is immediate", p(5, 0, 0), 1, SEED_DOWN, Optional.empty(), 0,
            new Want(p(3, 2, 0), GrayPhase.STEPPING, 30, 50)),
        Arguments.of("seed: before the interval the step is held", p(3, 2, 0), 1, SEED_DOWN,
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 50, 0)), 29,
            new Want(p(3, 2, 0), GrayPhase.STEPPING, 30, 50)),
        Arguments.of("seed: at the interval the next step", p(3, 2, 0), 1, SEED_DOWN,
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 50, 0)), 30,
            new Want(p(1, 4, 0), GrayPhase.OBSERVING, 90, 100)),
        Arguments.of("seed: observing until the period ends", p(1, 4, 0), 1, SEED_DOWN,
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 100, 30)), 89,
            new Want(p(1, 4, 0), GrayPhase.OBSERVING, 90, 100)),
        Arguments.of("seed: parked pods released after observation", p(1, 4, 0), 1, SEED_DOWN,
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 100, 30)), 90,
            new Want(p(1, 0, 0), GrayPhase.COMPLETED, null, null)),
        Arguments.of("a late call takes one step and waits a full interval", p(3, 2, 0), 1, SEED_DOWN,
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 50, 0)), 500,
            new Want(p(1, 4, 0), GrayPhase.OBSERVING, 560, 100)),
        Arguments.of("standby state parks in standby", p(4, 0, 0), 2, GrayStrategies.scaleDownOnly(standby),
            Optional.empty(), 0, new Want(p(3, 0, 1), GrayPhase.STEPPING, 30, 50)),
        Arguments.of("deleted state removes in batches", p(4, 0, 0), 2, GrayStrategies.scaleDownOnly(deleted),
            Optional.empty(), 0, new Want(p(3, 0, 0), GrayPhase.STEPPING, 30, 50)),
        Arguments.of("online state behaves like deleted", p(4, 0, 0), 2,
            GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.ONLINE, 30, 50, 60)), Optional.empty(), 0,
            new Want(p(3, 0, 0), GrayPhase.STEPPING, 30, 50)),
        Arguments.of("changePercent 100: one step then observation", p(5, 0, 0), 1,
            GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 100, 60)), Optional.empty(), 0,
            new Want(p(1, 4, 0), GrayPhase.OBSERVING, 60, 100)),
        Arguments.of("changePercent 100 without observation completes at once", p(5, 0, 0), 1,
            GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 100, 0)), Optional.empty(), 0,
            new Want(p(1, 0, 0), GrayPhase.COMPLETED, null, null)),
        Arguments.of("changePercent 1 still moves one pod", p(5, 0, 0), 1,
            GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 1, 60)), Optional.empty(), 0,
            new Want(p(4, 1, 0), GrayPhase.STEPPING, 30, 1)),
        Arguments.of("scale to zero parks everything", p(3, 0, 0), 0, SEED_DOWN, Optional.empty(), 0,
            new Want(p(2, 1, 0), GrayPhase.STEPPING, 30, 50)),
        Arguments.of("scale-up gray: first step", p(2, 0, 0), 10, both, Optional.empty(), 0,
            new Want(p(4, 0, 0), GrayPhase.STEPPING, 20, 25)),
        Arguments.of("scale-up gray draws from cutoff first", p(1, 4, 0), 5, both, Optional.empty(), 0,
            new Want(p(2, 3, 0), GrayPhase.STEPPING, 20, 25)),
        Arguments.of("scale-up gray draws cutoff then standby", p(1, 1, 3), 9,
            new GrayStrategies(Optional.of(new GrayStrategy(GrayState.ONLINE, 20, 50, 0)), Optional.empty()),
            Optional.empty(), 0, new Want(p(5, 0, 0), GrayPhase.STEPPING, 20, 50)),
        Arguments.of("scale-up gray keeps unneeded parked pods until done", p(1, 2, 3), 3,
            new GrayStrategies(Optional.of(new GrayStrategy(GrayState.ONLINE, 20, 50, 0)), Optional.empty()),
            Optional.empty(), 0, new Want(p(2, 1, 3), GrayPhase.STEPPING, 20, 50)),
        Arguments.of("target equal to online with parked pods: observe, then release", p(3, 2, 0), 3, SEED_DOWN,
            Optional.empty(), 0, new Want(p(3, 2, 0), GrayPhase.OBSERVING, 60, 100)),
        Arguments.of("target equal to online with parked pods and no strategy: release", p(3, 2, 0), 3,
            GrayStrategies.none(), Optional.empty(), 0, new Want(p(3, 0, 0), GrayPhase.IMMEDIATE, null, null)),
        Arguments.of("a plan for another target is replaced from the current profile", p(3, 2, 0), 2, SEED_DOWN,
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 50, 0)), 10,
            new Want(p(2, 3, 0), GrayPhase.STEPPING, 40, 50)),
        Arguments.of("a plan whose strategy was removed finishes at once", p(3, 2, 0), 1, GrayStrategies.none(),
            Optional.of(progress(Direction.DOWN, p(5, 0, 0), 1, 50, 0)), 10,
            new Want(p(1, 0, 0), GrayPhase.IMMEDIATE, null, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleCalls")
  void plansOneCall(String name, ReplicaProfile current, int target, GrayStrategies strategies,
      Optional<GrayProgress> progress, int nowSecond, Want want) {
    GrayStep step = GrayPlanner.plan(current, target, strategies, progress, t(nowSecond));
    assertEquals(want.profile(), step.profile(), "profile");
    assertEquals(want.phase(), step.phase(), "phase");
    assertEquals(Optional.ofNullable(want.wakeSecond()).map(GrayPlannerTest::t), step.wakeAt(), "wakeAt");
    assertEquals(Optional.ofNullable(want.percent()), step.progress().map(GrayProgress::percent), "percent");
    assertEquals(want.wakeSecond() == null, step.done(), "done");
  }

  static Stream<Arguments> invalidInput() {
    return Stream.of(
        Arguments.of("changePercent 0", (Runnable) () -> new GrayStrategy(GrayState.CUTOFF, 30, 0, 0),
            "changePercent"),
        Arguments.of("changePercent above 100", (Runnable) () -> new GrayStrategy(GrayState.CUTOFF, 30, 101, 0),
            "changePercent"),
        Arguments.of("negative changePercent", (Runnable) () -> new GrayStrategy(GrayState.CUTOFF, 30, -5, 0),
            "changePercent"),
        Arguments.of("changeIntervalSeconds 0", (Runnable) () -> new GrayStrategy(GrayState.CUTOFF, 0, 50, 0),
            "changeIntervalSeconds"),
        Arguments.of("negative observationSeconds", (Runnable) () -> new GrayStrategy(GrayState.CUTOFF, 30, 50, -1),
            "observationSeconds"),
        Arguments.of("unknown grayState", (Runnable) () -> GrayState.fromApi("Paused"), "grayState"),
        Arguments.of("negative online", (Runnable) () -> new ReplicaProfile(-1, 0, 0), "onlineReplicas"),
        Arguments.of("negative cutoff", (Runnable) () -> new ReplicaProfile(0, -1, 0), "cutoffReplicas"),
        Arguments.of("negative standby", (Runnable) () -> new ReplicaProfile(0, 0, -1), "standbyReplicas"),
        Arguments.of("percent above 100 in progress",
            (Runnable) () -> new GrayProgress(Direction.DOWN, p(1, 0, 0), 0, 101, T0), "grayPercent"),
        Arguments.of("negative target", (Runnable) () -> GrayPlanner.plan(p(1, 0, 0), -1, SEED_DOWN,
            Optional.empty(), T0), "targetReplicas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidInput")
  void invalidInputIsRejectedNamingTheField(String name, Runnable build, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
