package dev.reflex.core.gray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.core.portrait.CronRule;
import dev.reflex.core.portrait.MergeOutcome;
import dev.reflex.core.portrait.PortraitMerger;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.ReplicaBounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's gray sample end to end, as the IHPA controller would drive the core: merge the portraits, plan the
 * profile, sleep until the earlier of the two wake-up instants, repeat.
 */
class IhpaPlanningScenarioTest {

  @Test
  void graySampleScalesUpAtTheCronStartAndGraysDownAtItsEnd() {
    List<PortraitProvider> providers = List.of(PortraitProvider.staticReplicas(1, 1),
        PortraitProvider.cron(2, List.of(CronRule.of("cron-1", "0 * * * *", "10 * * * *", null, 5))));
    ReplicaBounds bounds = new ReplicaBounds(1, 10);
    GrayStrategies strategies = GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60));

    Instant now = Instant.parse("2024-01-01T09:58:00Z");
    Instant end = Instant.parse("2024-01-01T10:30:00Z");
    ReplicaProfile profile = ReplicaProfile.online(1);
    Optional<GrayProgress> progress = Optional.empty();
    List<String> events = new ArrayList<>();
    while (now.isBefore(end)) {
      MergeOutcome.Merged merged = (MergeOutcome.Merged) PortraitMerger.merge(providers, bounds, now);
      GrayStep step = GrayPlanner.plan(profile, merged.targetReplicas(), strategies, progress, now);
      if (!step.profile().equals(profile)) {
        events.add(now.toString().substring(11, 19) + " " + merged.portrait().provider() + " " + profile + " -> "
            + step.profile());
      }
      profile = step.profile();
      progress = step.progress();
      Optional<Instant> wake = merged.wakeAt();
      if (step.wakeAt().isPresent() && (wake.isEmpty() || step.wakeAt().get().isBefore(wake.get()))) {
        wake = step.wakeAt();
      }
      now = wake.orElse(end);
    }
    assertEquals(List.of(
        "10:00:00 Cron 1/0/0 -> 5/0/0",
        "10:10:00 Static 5/0/0 -> 3/2/0",
        "10:10:30 Static 3/2/0 -> 1/4/0",
        "10:11:30 Static 1/4/0 -> 1/0/0"), events);
  }
}
