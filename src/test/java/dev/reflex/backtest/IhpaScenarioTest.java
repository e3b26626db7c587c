package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.gray.GrayState;
import dev.reflex.core.gray.GrayStrategies;
import dev.reflex.core.gray.GrayStrategy;
import dev.reflex.core.portrait.CronRule;
import dev.reflex.core.portrait.PortraitProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The {@code reflex} policy: an IHPA's providers merged by priority and its gray strategy stepped by the product's
 * planner, on small traces worked out by hand. Workload: 100 rps per pod, target 70, startup 10 s, 1..100 pods.
 */
class IhpaScenarioTest {

  private static final Workload WORKLOAD = new Workload(100, 70, Duration.ofSeconds(10), Duration.ZERO, 1, 100, -1,
      1);
  private static final GrayStrategies NO_GRAY = new GrayStrategies(Optional.empty(), Optional.empty());

  private static Trace trace(int seconds, IntToDoubleFunction rps) {
    double[] values = new double[seconds];
    for (int s = 0; s < seconds; s++) {
      values[s] = rps.applyAsDouble(s);
    }
    return new Trace("t", TraceParser.RELATIVE_START, Duration.ofSeconds(1), values);
  }

  private static PolicyFigures reflex(Trace trace, IhpaSetup setup) {
    return Backtest.run(trace, WORKLOAD, List.of(PolicyKind.REFLEX), setup, p -> { }).figures()
        .get(PolicyKind.REFLEX);
  }

  @Test
  void cutoffPodsFromAGrayScaleDownComeBackWithoutAStartup() {
    // 700 rps on 10 pods; 70 rps from second 120; 700 again from second 180. The KubeHPA portrait sees the drop at
    // its sync ending second 134 and asks for 1: the gray plan parks 4 (6/4), then 9 (1/9) 30 s later, and would
    // release them 60 s after that. The return at 180 finds 1 pod online: the first sample asks for 10, and the
    // 9 Cutoff pods serve again from second 181. Short for one second: 700 - 100 = 600 requests.
    Trace trace = trace(400, s -> s >= 120 && s < 180 ? 70 : 700);
    IhpaSetup gray = new IhpaSetup(List.of(), List.of(new IhpaSetup.KubeHpa("Reactive", 1, Duration.ofSeconds(15),
        0.1)), new GrayStrategies(Optional.empty(), Optional.of(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60))));
    PolicyFigures warm = reflex(trace, gray);
    assertEquals(600, warm.unservedRequests(), 1e-6);
    assertEquals(new PolicyFigures.Reactions(1, 1, 1, 1), warm.reactions());
    // Without the strategy the 9 pods are gone at 135 and the return waits for new ones: seconds 180..190.
    PolicyFigures cold = reflex(trace, IhpaSetup.streamedKubeHpa());
    assertEquals(11 * 600, cold.unservedRequests(), 1e-6);
    assertEquals(new PolicyFigures.Reactions(1, 11, 11, 11), cold.reactions());
    // The warm pods are paid for: parked from 135, back at 181.
    assertTrue(warm.podSeconds() > cold.podSeconds(), warm + " / " + cold);
  }

  @Test
  void aCronProviderOfHigherPriorityWinsItsWindowOverAStaticOne() {
    // Static 2 at priority 1, Cron 8 from 00:10 to 00:20 at priority 2, virtual time from 2000-01-01T00:00:00Z.
    // The cron window opens at the end of second 599 (00:10:00): 8 pods from second 600 to 1199, then 2 again.
    IhpaSetup setup = new IhpaSetup(List.of(PortraitProvider.staticReplicas(1, 2),
        PortraitProvider.cron(2, List.of(CronRule.of("ten-past", "10 0 * * *", "20 0 * * *", "UTC", 8)))),
        List.of(), NO_GRAY);
    PolicyFigures f = reflex(trace(1800, s -> 100), setup);
    assertEquals(2 * 1800 + 6 * 600, f.podSeconds(), 1e-6);
    assertEquals(2, f.scalingActions());
    assertEquals(0, f.unservedRequests());
  }

  @Test
  void aForecastPortraitScalesOnlyOnceItHasTwoSeasonsOfHistory() {
    // A square wave of one hour: 30 minutes at 140 rps, 30 at 1,400 (20 pods at the target). A Forecast portrait
    // alone (season 1 h) has no value for two hours, so the IHPA leaves the 2 starting pods alone; in the third
    // hour it follows the forecast up to the high phase's 20 pods.
    IhpaSetup forecastOnly = new IhpaSetup(List.of(), List.of(new IhpaSetup.Forecast("Predictive", 1,
        Duration.ofHours(3), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ZERO)),
        NO_GRAY);
    IntToDoubleFunction wave = s -> s % 3600 < 1800 ? 140 : 1400;
    assertEquals(2, reflex(trace(7200, wave), forecastOnly).peakPods());
    int peak = reflex(trace(3 * 3600, wave), forecastOnly).peakPods();
    assertTrue(peak >= 20 && peak <= 22, "peak " + peak);
  }

  @Test
  void aForecastWithALeadTimeHasThePodsReadyBeforeAPeakTheReactivePortraitOnlyFollows() {
    // The same wave for three hours under a KubeHPA portrait and a Forecast portrait of the same priority (the
    // larger wins). Each rise to 1,400 rps finds 2 pods (140 rps at 70 per pod): the streamed trigger asks for 20
    // in the second of the rise and they serve 10 s later. In the third hour the forecast knows the rise at second
    // 9,000: without a lead it asks for the 20 pods in the bucket the rise starts in, as late as the trigger; with a
    // lead of one minute the bucket before it (from 8,700) asks, and the third rise loses nothing.
    IntToDoubleFunction wave = s -> s % 3600 < 1800 ? 140 : 1400;
    PolicyFigures onTime = reflex(trace(3 * 3600, wave), reactiveAndForecast(Duration.ZERO));
    PolicyFigures ahead = reflex(trace(3 * 3600, wave), reactiveAndForecast(Duration.ofMinutes(1)));
    // Seconds 9,000 to 9,009 short of 1,400 - 200 rps without the lead; the lead's cost is the 18 extra pods over the
    // 5-minute bucket before the rise.
    assertEquals(10 * 1200, onTime.unservedRequests() - ahead.unservedRequests(), 1e-6, onTime + " / " + ahead);
    assertEquals(onTime.reactions().count() - 1, ahead.reactions().count());
    assertEquals(18 * 300, ahead.podSeconds() - onTime.podSeconds(), 1e-6);
  }

  private static IhpaSetup reactiveAndForecast(Duration lead) {
    return new IhpaSetup(List.of(), List.of(new IhpaSetup.KubeHpa("Reactive", 1, Duration.ofSeconds(15), 0.1),
        new IhpaSetup.Forecast("Predictive", 1, Duration.ofHours(3), Duration.ofHours(1), Duration.ofMinutes(5),
            Duration.ofHours(1), lead)), NO_GRAY);
  }
}
