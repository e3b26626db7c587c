package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The figures of hand-made seconds: capacity 100 per pod, target 50, so 120 rps needs 3 pods. */
class FigureCounterTest {

  private static final Workload WORKLOAD = new Workload(100, 50, Duration.ofSeconds(10), Duration.ZERO, 1, 10, -1,
      1);

  @Test
  void shortCapacityIsUnservedAndTimedFromItsFirstSecondToTheFirstSecondThatSuffices() {
    FigureCounter c = new FigureCounter(WORKLOAD);
    c.second(0, 120, 2, 2);
    c.second(1, 250, 2, 5); // 50 unserved, starting pods cost
    c.second(2, 250, 2, 5); // 50 more
    c.second(3, 250, 5, 5); // enough again: an episode of 2 s
    c.second(4, 90, 5, 5);
    PolicyFigures f = c.figures();
    assertEquals(100, f.unservedRequests());
    assertEquals(100 / 960.0, f.unservedShare(), 1e-12);
    assertEquals(2, f.underProvisionedSeconds());
    assertEquals(22, f.podSeconds());
    assertEquals(5, f.peakPods());
    assertEquals(new PolicyFigures.Reactions(1, 2, 2, 2), f.reactions());
    // needed: 3, 5, 5, 5, 2; over: 0, 0, 0, 0, 3
    assertEquals(3, f.overProvisionedPodSeconds());
  }

  @Test
  void anEpisodeStillOpenAtTheEndCountsUntilTheEnd() {
    FigureCounter c = new FigureCounter(WORKLOAD);
    c.second(0, 50, 1, 1);
    c.second(1, 300, 1, 1);
    c.second(2, 300, 1, 1);
    assertEquals(new PolicyFigures.Reactions(1, 2, 2, 2), c.figures().reactions());
  }

  @Test
  void elasticityComparesReadyPodsWithThePodsNeededAtTheTarget() {
    FigureCounter c = new FigureCounter(WORKLOAD);
    c.second(0, 200, 2, 2); // needs 4, has 2: under by half
    c.second(1, 200, 4, 4); // exact
    c.second(2, 100, 4, 4); // needs 2, has 4: over by 100 %
    c.second(3, 100, 2, 2); // exact
    PolicyFigures.Elasticity e = c.figures().elasticity();
    assertEquals(100 * 0.5 / 4, e.accuracyUnder(), 1e-9);
    assertEquals(100 * 1.0 / 4, e.accuracyOver(), 1e-9);
    assertEquals(25, e.timeshareUnder(), 1e-9);
    assertEquals(25, e.timeshareOver(), 1e-9);
    // supply changed 2 times (2 -> 4 -> 2), demand 1 time (4 -> 2), over 4 s
    assertEquals(3600.0 / 4, e.jitterPerHour(), 1e-9);
  }

  @Test
  void reactionPercentilesAreNearestRank() {
    FigureCounter c = new FigureCounter(WORKLOAD);
    long s = 0;
    for (int length = 1; length <= 4; length++) {
      for (int i = 0; i < length; i++) {
        c.second(s++, 300, 1, 1);
      }
      c.second(s++, 10, 5, 5);
    }
    assertEquals(new PolicyFigures.Reactions(4, 2, 4, 4), c.figures().reactions());
  }
}
