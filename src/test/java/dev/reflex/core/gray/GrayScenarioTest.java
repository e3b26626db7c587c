package dev.reflex.core.gray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Multi-step plans driven the way the IHPA controller drives them: call at every wake-up instant and whenever
 * the target changes, feed back the returned profile and progress, and record each profile change.
 */
class GrayScenarioTest {

  private static final Instant T0 = Instant.parse("2024-01-01T10:10:00Z");

  /** Runs a plan; {@code targets} maps seconds after T0 to the target from then on. */
  private static List<String> simulate(ReplicaProfile initial, Map<Integer, Integer> targets,
      GrayStrategies strategies) {
    NavigableMap<Integer, Integer> changes = new TreeMap<>(targets);
    ReplicaProfile profile = initial;
    Optional<GrayProgress> progress = Optional.empty();
    Optional<Integer> wake = Optional.of(changes.firstKey());
    List<String> timeline = new ArrayList<>();
    int lastSecond = -1;
    for (int guard = 0; guard < 1000; guard++) {
      Integer nextChange = changes.higherKey(lastSecond);
      Optional<Integer> next = wake;
      if (nextChange != null && (next.isEmpty() || nextChange < next.get())) {
        next = Optional.of(nextChange);
      }
      if (next.isEmpty()) {
        return timeline;
      }
      int second = next.get();
      assertTrue(second >= lastSecond, "time never goes backwards");
      int target = changes.floorEntry(second).getValue();
      GrayStep step = GrayPlanner.plan(profile, target, strategies, progress, T0.plusSeconds(second));
      if (!step.profile().equals(profile)) {
        timeline.add(second + "s " + step.profile());
      }
      profile = step.profile();
      progress = step.progress();
      wake = step.wakeAt().map(at -> (int) (at.getEpochSecond() - T0.getEpochSecond()));
      lastSecond = second;
    }
    throw new AssertionError("plan did not settle: " + timeline);
  }

  @Test
  void seedWalkthroughFiveToOneCutsOffThenReleases() {
    // Seed 000: 5 -> 1, Cutoff, 50 %, 30 s interval, 60 s observation.
    List<String> timeline = simulate(ReplicaProfile.online(5), Map.of(0, 1),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60)));
    assertEquals(List.of("0s 3/2/0", "30s 1/4/0", "90s 1/0/0"), timeline);
  }

  @Test
  void scaleUpTwoToTenInQuarters() {
    GrayStrategy up = new GrayStrategy(GrayState.ONLINE, 30, 25, 60);
    List<String> timeline = simulate(ReplicaProfile.online(2), Map.of(0, 10),
        new GrayStrategies(Optional.of(up), Optional.empty()));
    // 4, 6, 8, 10; the observation after 100 % changes nothing visible.
    assertEquals(List.of("0s 4/0/0", "30s 6/0/0", "60s 8/0/0", "90s 10/0/0"), timeline);
  }

  @Test
  void newLowerTargetMidPlanContinuesFromTheCurrentProfile() {
    // 5 -> 1 starts (3/2), then at 10 s the target becomes 2: the online count keeps falling, never rises.
    List<String> timeline = simulate(ReplicaProfile.online(5), Map.of(0, 1, 10, 2),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60)));
    assertEquals(List.of("0s 3/2/0", "10s 2/3/0", "100s 2/0/0"), timeline);
  }

  @Test
  void targetBackUpMidPlanRestoresCutoffPodsAtOnceWithoutScaleUpGray() {
    List<String> timeline = simulate(ReplicaProfile.online(5), Map.of(0, 1, 40, 5),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60)));
    assertEquals(List.of("0s 3/2/0", "30s 1/4/0", "40s 5/0/0"), timeline);
  }

  @Test
  void targetBackUpMidPlanRestoresCutoffPodsGraduallyWithScaleUpGray() {
    GrayStrategy down = new GrayStrategy(GrayState.CUTOFF, 30, 50, 60);
    GrayStrategy up = new GrayStrategy(GrayState.ONLINE, 10, 50, 20);
    List<String> timeline = simulate(ReplicaProfile.online(5), Map.of(0, 1, 40, 5),
        new GrayStrategies(Optional.of(up), Optional.of(down)));
    // From 1/4: 50 % of 4 comes back from Cutoff (3/2), then the rest (5/0); observation adds nothing.
    assertEquals(List.of("0s 3/2/0", "30s 1/4/0", "40s 3/2/0", "50s 5/0/0"), timeline);
  }

  @Test
  void targetBackToTheOnlineCountObservesThenReleasesParkedPods() {
    List<String> timeline = simulate(ReplicaProfile.online(5), Map.of(0, 1, 10, 3),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60)));
    // At 10 s the profile is 3/2 and the new target is 3: hold the 2 cutoff pods for 60 s, then release.
    assertEquals(List.of("0s 3/2/0", "70s 3/0/0"), timeline);
  }

  @Test
  void standbyStateParksInStandby() {
    List<String> timeline = simulate(ReplicaProfile.online(6), Map.of(0, 2),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.STANDBY, 15, 50, 30)));
    assertEquals(List.of("0s 4/0/2", "15s 2/0/4", "45s 2/0/0"), timeline);
  }

  @Test
  void deletedStateRemovesInBatches() {
    List<String> timeline = simulate(ReplicaProfile.online(10), Map.of(0, 0),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.DELETED, 60, 30, 0)));
    // 30 % steps of 10: 3, 6, 9, then 100 % (observation 0 completes at once).
    assertEquals(List.of("0s 7/0/0", "60s 4/0/0", "120s 1/0/0", "180s 0/0/0"), timeline);
  }

  @Test
  void onePercentStepsTakeOneHundredIntervalsButMoveAtLeastOnePodEach() {
    List<String> timeline = simulate(ReplicaProfile.online(3), Map.of(0, 1),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 1, 1, 0)));
    // 1 % of 2 rounds down to 0, so the first step moves 1; 2 pods only at 100 %, reached after 99 intervals.
    assertEquals(List.of("0s 2/1/0", "99s 1/0/0"), timeline);
  }

  @Test
  void scaleToZeroAndBackUp() {
    List<String> timeline = simulate(ReplicaProfile.online(2), Map.of(0, 0, 200, 2),
        GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60)));
    assertEquals(List.of("0s 1/1/0", "30s 0/2/0", "90s 0/0/0", "200s 2/0/0"), timeline);
  }
}
