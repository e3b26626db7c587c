package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortraitMergerTest {

  private static final Instant NOW = Instant.parse("2024-01-01T10:05:00Z");
  private static final ReplicaBounds WIDE = new ReplicaBounds(0, 100);

  private static PortraitProvider cron(int priority, int replicas) {
    return PortraitProvider.cron(priority, List.of(CronRule.of("c", "0 * * * *", "10 * * * *", null, replicas)));
  }

  private static PortraitProvider inactiveCron(int priority, int replicas) {
    return PortraitProvider.cron(priority, List.of(CronRule.of("late", "30 * * * *", "40 * * * *", null,
        replicas)));
  }

  private static PortraitProvider dynamic(String type, int priority, int replicas) {
    return PortraitProvider.dynamic(type, priority, new StaticPortrait(replicas), Optional.empty());
  }

  /** Expected merge: winning provider and its raw replicas, or null for no valid value; then target and limit. */
  record Want(String provider, int portrait, int target, ReplicaLimit limit) {
    static Want none() {
      return new Want(null, -1, -1, null);
    }
  }

  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("a single static provider", List.of(PortraitProvider.staticReplicas(1, 3)), WIDE,
            new Want("Static", 3, 3, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("higher priority wins even with fewer replicas",
            List.of(PortraitProvider.staticReplicas(1, 9), cron(2, 5)), WIDE,
            new Want("Cron", 5, 5, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("order in the spec does not matter for priority",
            List.of(cron(2, 5), PortraitProvider.staticReplicas(1, 9)), WIDE,
            new Want("Cron", 5, 5, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("a higher priority without a value falls through",
            List.of(PortraitProvider.staticReplicas(1, 1), inactiveCron(2, 5)), WIDE,
            new Want("Static", 1, 1, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("a dynamic provider without data falls through",
            List.of(PortraitProvider.staticReplicas(1, 2), PortraitProvider.dynamic("Predictive", 5,
                new NoPortraitData(), Optional.empty())), WIDE,
            new Want("Static", 2, 2, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("expired dynamic data falls through",
            List.of(PortraitProvider.staticReplicas(1, 2), PortraitProvider.dynamic("Predictive", 5,
                new StaticPortrait(8), Optional.of(NOW))), WIDE,
            new Want("Static", 2, 2, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("dynamic data expiring later is used",
            List.of(PortraitProvider.staticReplicas(1, 2), PortraitProvider.dynamic("Predictive", 5,
                new StaticPortrait(8), Optional.of(NOW.plusSeconds(1)))), WIDE,
            new Want("Dynamic-Predictive", 8, 8, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("equal priority: more replicas win", List.of(dynamic("Reactive", 3, 4),
            dynamic("Predictive", 3, 6)), WIDE, new Want("Dynamic-Predictive", 6, 6, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("equal priority: more replicas win regardless of order", List.of(dynamic("Predictive", 3, 6),
            dynamic("Reactive", 3, 4)), WIDE, new Want("Dynamic-Predictive", 6, 6, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("full tie: the first listed wins", List.of(dynamic("Reactive", 3, 4),
            dynamic("Predictive", 3, 4)), WIDE, new Want("Dynamic-Reactive", 4, 4, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("negative priorities compare normally", List.of(PortraitProvider.staticReplicas(-5, 4),
            dynamic("Reactive", -1, 2)), WIDE, new Want("Dynamic-Reactive", 2, 2, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("no providers: no valid value", List.of(), WIDE, Want.none()),
        Arguments.of("every provider empty: no valid value", List.of(inactiveCron(1, 3),
            PortraitProvider.dynamic("Predictive", 2, new NoPortraitData(), Optional.empty())), WIDE, Want.none()),
        Arguments.of("a dynamic 0 is no value", List.of(dynamic("Reactive", 1, 0)), WIDE, Want.none()),
        Arguments.of("a static 0 is a value (scale to zero)", List.of(PortraitProvider.staticReplicas(1, 0)), WIDE,
            new Want("Static", 0, 0, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("below min: target raised, portrait kept", List.of(PortraitProvider.staticReplicas(1, 1)),
            new ReplicaBounds(2, 10), new Want("Static", 1, 2, ReplicaLimit.TOO_FEW)),
        Arguments.of("above max: target lowered, portrait kept", List.of(cron(2, 5)), new ReplicaBounds(1, 3),
            new Want("Cron", 5, 3, ReplicaLimit.TOO_MANY)),
        Arguments.of("exactly min is within range", List.of(PortraitProvider.staticReplicas(1, 2)),
            new ReplicaBounds(2, 10), new Want("Static", 2, 2, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("exactly max is within range", List.of(PortraitProvider.staticReplicas(1, 10)),
            new ReplicaBounds(2, 10), new Want("Static", 10, 10, ReplicaLimit.WITHIN_RANGE)),
        Arguments.of("min equal to max pins the target", List.of(PortraitProvider.staticReplicas(1, 7)),
            new ReplicaBounds(4, 4), new Want("Static", 7, 4, ReplicaLimit.TOO_MANY)),
        Arguments.of("the clamp does not change which provider wins", List.of(PortraitProvider.staticReplicas(1, 2),
            dynamic("Reactive", 1, 50)), new ReplicaBounds(1, 10),
            new Want("Dynamic-Reactive", 50, 10, ReplicaLimit.TOO_MANY)),
        Arguments.of("seed gray sample inside the cron window", List.of(PortraitProvider.staticReplicas(1, 1),
            cron(2, 5)), new ReplicaBounds(1, 10), new Want("Cron", 5, 5, ReplicaLimit.WITHIN_RANGE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void mergesByPriorityThenReplicasAndClamps(String name, List<PortraitProvider> providers, ReplicaBounds bounds,
      Want want) {
    MergeOutcome outcome = PortraitMerger.merge(providers, bounds, NOW);
    assertEquals(providers.size(), outcome.readings().size());
    if (want.provider() == null) {
      assertInstanceOf(MergeOutcome.NoValidValue.class, outcome);
      return;
    }
    MergeOutcome.Merged merged = assertInstanceOf(MergeOutcome.Merged.class, outcome);
    assertEquals(want.provider(), merged.portrait().provider(), "provider");
    assertEquals(want.provider(), merged.winner().identifier(), "winner");
    assertEquals(want.portrait(), merged.portrait().replicas(), "raw portrait replicas");
    assertEquals(want.target(), merged.targetReplicas(), "clamped target");
    assertEquals(want.limit(), merged.limit(), "limit");
  }

  @Test
  void wakeAtIsTheEarliestChangeOfAnyProvider() {
    List<PortraitProvider> providers = List.of(PortraitProvider.staticReplicas(1, 1), cron(2, 5),
        PortraitProvider.dynamic("Predictive", 0, new TimeSeriesPortrait(List.of(
            new TimeSeriesPoint(Instant.parse("2024-01-01T10:07:00Z"), 3))), Optional.empty()));
    MergeOutcome outcome = PortraitMerger.merge(providers, WIDE, NOW);
    assertEquals(Optional.of(Instant.parse("2024-01-01T10:07:00Z")), outcome.wakeAt());
  }

  @Test
  void noValidValueStillCarriesTheNextWakeUp() {
    MergeOutcome outcome = PortraitMerger.merge(List.of(inactiveCron(1, 3)), WIDE, NOW);
    MergeOutcome.NoValidValue none = assertInstanceOf(MergeOutcome.NoValidValue.class, outcome);
    assertEquals(Optional.of(Instant.parse("2024-01-01T10:30:00Z")), none.wakeAt());
  }

  @Test
  void seedGraySampleSwitchesFromCronToStaticAtMinuteTen() {
    List<PortraitProvider> providers = List.of(PortraitProvider.staticReplicas(1, 1), cron(2, 5));
    MergeOutcome.Merged during = assertInstanceOf(MergeOutcome.Merged.class,
        PortraitMerger.merge(providers, new ReplicaBounds(1, 10), NOW));
    Instant boundary = during.wakeAt().orElseThrow();
    assertEquals(Instant.parse("2024-01-01T10:10:00Z"), boundary);
    MergeOutcome.Merged after = assertInstanceOf(MergeOutcome.Merged.class,
        PortraitMerger.merge(providers, new ReplicaBounds(1, 10), boundary));
    assertEquals("Static", after.portrait().provider());
    assertEquals(1, after.targetReplicas());
  }

  static Stream<Arguments> invalidBounds() {
    return Stream.of(
        Arguments.of("negative min", (Runnable) () -> new ReplicaBounds(-1, 3), "minReplicas"),
        Arguments.of("max below min", (Runnable) () -> new ReplicaBounds(4, 3), "maxReplicas"),
        Arguments.of("negative static replicas", (Runnable) () -> PortraitProvider.staticReplicas(1, -2),
            "static.replicas"),
        Arguments.of("blank portrait type", (Runnable) () -> PortraitProvider.dynamic(" ", 1, new NoPortraitData(),
            Optional.empty()), "portraitType"),
        Arguments.of("unknown provider type", (Runnable) () -> ProviderType.fromApi("Burst"),
            "unknown portrait provider type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBounds")
  void invalidInputIsRejectedNamingTheField(String name, Runnable build, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
