package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodFleetTest {

  private static Workload workload(Duration jitter) {
    return new Workload(100, 70, Duration.ofSeconds(10), jitter, 1, 20, -1, 7);
  }

  @Test
  void newPodsServeAfterTheirStartupAndRemovalTakesStartingPodsFirst() {
    PodFleet fleet = new PodFleet(workload(Duration.ZERO), 2);
    fleet.scaleTo(5, 100);
    assertEquals(5, fleet.size());
    assertEquals(2, fleet.serving(109));
    assertEquals(5, fleet.serving(110));
    fleet.scaleTo(7, 105);
    fleet.scaleTo(4, 112);
    // pod-5 and pod-6 (ready at 115) went first, then the newest ready one, pod-4
    assertEquals(List.of("pod-0", "pod-1", "pod-2", "pod-3"), fleet.pods().stream().map(PodFleet.Pod::name).toList());
  }

  @Test
  void jitterIsDrawnFromTheSeedWithinItsBounds() {
    PodFleet a = new PodFleet(workload(Duration.ofSeconds(3)), 0);
    PodFleet b = new PodFleet(workload(Duration.ofSeconds(3)), 0);
    a.scaleTo(50, 0);
    b.scaleTo(50, 0);
    assertEquals(a.pods(), b.pods());
    a.pods().forEach(p -> assertEquals(true, p.readyAt() >= 7 && p.readyAt() <= 13, p.toString()));
    assertEquals(true, a.pods().stream().map(PodFleet.Pod::readyAt).distinct().count() > 1);
  }
}
