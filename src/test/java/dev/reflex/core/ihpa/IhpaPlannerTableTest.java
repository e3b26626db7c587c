package dev.reflex.core.ihpa;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.reflex.core.gray.Direction;
import dev.reflex.core.gray.GrayPhase;
import dev.reflex.core.gray.GrayProgress;
import dev.reflex.core.gray.GrayState;
import dev.reflex.core.gray.GrayStrategies;
import dev.reflex.core.gray.GrayStrategy;
import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.portrait.CronRule;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.ReplicaBounds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One IHPA pass, on seed 000's gray sample: a Static provider at 1 (priority 1) under a Cron provider at 5 from :00
 * to :10 of every hour (priority 2), min 1, max 10, scale-down gray Cutoff in steps of 50 % every 30 s, observed for
 * 60 s. Each case gives the profile in force and the stored plan, and expects the plan kind, the profile to write,
 * its phase, whether it matches the portrait, and when to wake.
 */
class IhpaPlannerTableTest {

  private static final List<PortraitProvider> SEED = List.of(PortraitProvider.staticReplicas(1, 1),
      PortraitProvider.cron(2, List.of(CronRule.of("cron-1", "0 * * * *", "10 * * * *", null, 5))));
  private static final List<PortraitProvider> CRON_ONLY = List.of(PortraitProvider.cron(2,
      List.of(CronRule.of("cron-1", "0 * * * *", "10 * * * *", null, 5))));
  private static final GrayStrategies GRAY = GrayStrategies.scaleDownOnly(new GrayStrategy(GrayState.CUTOFF, 30, 50,
      60));
  private static final ReplicaBounds BOUNDS = new ReplicaBounds(1, 10);

  enum Kind { NO_VALUE, PREVIEW, SCALE }

  record Case(String name, List<PortraitProvider> providers, ReplicaBounds bounds, boolean preview,
      ReplicaProfile inForce, GrayStrategies strategies, GrayProgress progress, String at, Kind kind,
      ReplicaProfile profile, GrayPhase phase, boolean matches, String wakeAt) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Instant t(String hhmmss) {
    return Instant.parse("2026-01-05T" + hhmmss + "Z");
  }

  private static ReplicaProfile p(int online, int cutoff, int standby) {
    return new ReplicaProfile(online, cutoff, standby);
  }

  /** The plan after the first step of 5 → 1 at 10:10:00. */
  private static GrayProgress down(int percent, String lastUpdate) {
    return new GrayProgress(Direction.DOWN, p(5, 0, 0), 1, percent, t(lastUpdate));
  }

  private static Case scale(String name, ReplicaProfile inForce, GrayProgress progress, String at,
      ReplicaProfile profile, GrayPhase phase, boolean matches, String wakeAt) {
    return new Case(name, SEED, BOUNDS, false, inForce, GRAY, progress, at, Kind.SCALE, profile, phase, matches,
        wakeAt);
  }

  static Stream<Case> cases() {
    return Stream.of(
        scale("inside the cron window with no profile yet: created at 5 at once, wake at the window's end", null,
            null, "10:05:00", p(5, 0, 0), GrayPhase.IMMEDIATE, true, "10:10:00"),
        scale("the window closes: the first gray step parks two pods, wake for the next step", p(5, 0, 0), null,
            "10:10:00", p(3, 2, 0), GrayPhase.STEPPING, false, "10:10:30"),
        scale("a step not yet due holds the profile in force", p(3, 2, 0), down(50, "10:10:00"), "10:10:10",
            p(3, 2, 0), GrayPhase.STEPPING, false, "10:10:30"),
        scale("the second step parks four, then observes for 60 s", p(3, 2, 0), down(50, "10:10:00"), "10:10:30",
            p(1, 4, 0), GrayPhase.OBSERVING, false, "10:11:30"),
        scale("the observation over, the parked pods go; wake at the next window", p(1, 4, 0),
            down(100, "10:10:30"), "10:11:30", p(1, 0, 0), GrayPhase.COMPLETED, true, "11:00:00"),
        scale("nothing to change: steady until the next window", p(1, 0, 0), null, "10:20:00", p(1, 0, 0),
            GrayPhase.STEADY, true, "11:00:00"),
        scale("the window opens again mid-observation: back up at once from the profile in force", p(1, 4, 0),
            down(100, "10:10:30"), "11:00:00", p(5, 0, 0), GrayPhase.IMMEDIATE, true, "11:10:00"),
        new Case("without a gray strategy the scale-down is immediate", SEED, BOUNDS, false, p(5, 0, 0),
            GrayStrategies.none(), null, "10:10:00", Kind.SCALE, p(1, 0, 0), GrayPhase.IMMEDIATE, true, "11:00:00"),
        new Case("the cron's 5 is clamped to max 3", SEED, new ReplicaBounds(1, 3), false, p(1, 0, 0), GRAY, null,
            "10:05:00", Kind.SCALE, p(3, 0, 0), GrayPhase.IMMEDIATE, true, "10:10:00"),
        new Case("cron only, between windows: no valid value, wake when the next opens", CRON_ONLY, BOUNDS, false,
            p(5, 0, 0), GRAY, null, "10:20:00", Kind.NO_VALUE, null, null, false, "11:00:00"),
        new Case("preview: the merge only, no step", SEED, BOUNDS, true, p(5, 0, 0), GRAY, null, "10:10:00",
            Kind.PREVIEW, null, null, false, "11:00:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plansOnePass(Case c) {
    IhpaPlanner.IhpaPlan plan = IhpaPlanner.plan(c.providers(), c.bounds(), c.preview(),
        Optional.ofNullable(c.inForce()), c.strategies(), Optional.ofNullable(c.progress()), t(c.at()));
    assertEquals(Optional.of(t(c.wakeAt())), plan.wakeAt(), "wake at");
    switch (c.kind()) {
      case NO_VALUE -> assertInstanceOf(IhpaPlanner.NoValidValue.class, plan);
      case PREVIEW -> assertInstanceOf(IhpaPlanner.Preview.class, plan);
      case SCALE -> {
        IhpaPlanner.Scale scale = assertInstanceOf(IhpaPlanner.Scale.class, plan);
        assertAll(
            () -> assertEquals(c.profile(), scale.step().profile(), "profile"),
            () -> assertEquals(c.phase(), scale.step().phase(), "phase"),
            () -> assertEquals(c.matches(), scale.matchesPortrait(), "matches portrait"));
      }
    }
  }
}
