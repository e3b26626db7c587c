package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CronPortraitTest {

  /** Seed 000's cron sample: 1..5 replicas in consecutive ten-minute windows of every hour. */
  private static final List<CronRule> SEED_RULES = List.of(
      CronRule.of("cron-1", "0 * * * *", "10 * * * *", null, 1),
      CronRule.of("cron-2", "10 * * * *", "20 * * * *", null, 2),
      CronRule.of("cron-3", "20 * * * *", "30 * * * *", null, 3),
      CronRule.of("cron-4", "30 * * * *", "40 * * * *", null, 4),
      CronRule.of("cron-5", "40 * * * *", "50 * * * *", null, 5));

  private static final List<CronRule> DAY_AND_LUNCH = List.of(
      CronRule.of("day", "0 9 * * *", "0 18 * * *", "UTC", 10),
      CronRule.of("lunch", "0 12 * * *", "0 13 * * *", "UTC", 4));

  private static Optional<Instant> at(String instant) {
    return Optional.of(Instant.parse(instant));
  }

  /**
   * Expected reading: replicas (null for no value), value expiry, wake-up instant and a fragment of the detail.
   */
  record Want(Integer replicas, Optional<Instant> expireTime, Optional<Instant> wakeAt, String detail) {
  }

  static Stream<Arguments> readings() {
    return Stream.of(
        Arguments.of("seed: minute 5 is cron-1", SEED_RULES, "2024-01-01T10:05:00Z",
            new Want(1, at("2024-01-01T10:10:00Z"), at("2024-01-01T10:10:00Z"), "\"cron-1\" active")),
        Arguments.of("seed: the start instant is inclusive", SEED_RULES, "2024-01-01T10:10:00Z",
            new Want(2, at("2024-01-01T10:20:00Z"), at("2024-01-01T10:20:00Z"), "\"cron-2\"")),
        Arguments.of("seed: just before a boundary the old rule still holds", SEED_RULES, "2024-01-01T10:19:59Z",
            new Want(2, at("2024-01-01T10:20:00Z"), at("2024-01-01T10:20:00Z"), "\"cron-2\"")),
        Arguments.of("seed: minute 45 is cron-5", SEED_RULES, "2024-01-01T10:45:00Z",
            new Want(5, at("2024-01-01T10:50:00Z"), at("2024-01-01T10:50:00Z"), "\"cron-5\"")),
        Arguments.of("seed: the end instant is exclusive", SEED_RULES, "2024-01-01T10:50:00Z",
            new Want(null, Optional.empty(), at("2024-01-01T11:00:00Z"), "no cron rule active")),
        Arguments.of("seed: minute 55 has no rule and wakes at the next hour", SEED_RULES, "2024-01-01T10:55:00Z",
            new Want(null, Optional.empty(), at("2024-01-01T11:00:00Z"), "no cron rule active")),
        Arguments.of("overlap: the longer window alone in the morning", DAY_AND_LUNCH, "2024-01-01T10:00:00Z",
            new Want(10, at("2024-01-01T18:00:00Z"), at("2024-01-01T12:00:00Z"), "\"day\" active")),
        Arguments.of("overlap: the later-started window overrides", DAY_AND_LUNCH, "2024-01-01T12:30:00Z",
            new Want(4, at("2024-01-01T13:00:00Z"), at("2024-01-01T13:00:00Z"), "overriding \"day\"")),
        Arguments.of("overlap: the longer window resumes after the override", DAY_AND_LUNCH, "2024-01-01T13:00:00Z",
            new Want(10, at("2024-01-01T18:00:00Z"), at("2024-01-01T18:00:00Z"), "\"day\" active")),
        Arguments.of("overlap: nothing at night", DAY_AND_LUNCH, "2024-01-01T20:00:00Z",
            new Want(null, Optional.empty(), at("2024-01-02T09:00:00Z"), "no cron rule active")),
        Arguments.of("overlap: equal starts, more replicas win", List.of(
                CronRule.of("small", "0 9 * * *", "0 10 * * *", null, 2),
                CronRule.of("big", "0 9 * * *", "0 11 * * *", null, 7)), "2024-01-01T09:30:00Z",
            new Want(7, at("2024-01-01T11:00:00Z"), at("2024-01-01T10:00:00Z"), "overriding \"small\"")),
        Arguments.of("overlap: full tie, first listed wins", List.of(
                CronRule.of("first", "0 9 * * *", "0 10 * * *", null, 3),
                CronRule.of("second", "0 9 * * *", "0 11 * * *", null, 3)), "2024-01-01T09:30:00Z",
            new Want(3, at("2024-01-01T10:00:00Z"), at("2024-01-01T10:00:00Z"), "\"first\" active")),
        Arguments.of("a window spanning midnight", List.of(CronRule.of("night", "0 22 * * *", "0 6 * * *", null, 1)),
            "2024-01-02T03:00:00Z",
            new Want(1, at("2024-01-02T06:00:00Z"), at("2024-01-02T06:00:00Z"), "\"night\"")),
        Arguments.of("a start coinciding with an end opens a new window",
            List.of(CronRule.of("split", "0 9,12 * * *", "0 12,18 * * *", null, 6)), "2024-01-01T12:00:00Z",
            new Want(6, at("2024-01-01T18:00:00Z"), at("2024-01-01T18:00:00Z"), "\"split\"")),
        Arguments.of("zero replicas is a valid cron value",
            List.of(CronRule.of("off", "0 0 * * *", "0 6 * * *", null, 0)), "2024-01-01T01:00:00Z",
            new Want(0, at("2024-01-01T06:00:00Z"), at("2024-01-01T06:00:00Z"), "\"off\"")),
        Arguments.of("a start whose end never comes stays active without expiry",
            List.of(CronRule.of("forever", "0 0 * * *", "0 0 30 2 *", null, 2)), "2024-01-01T01:00:00Z",
            new Want(2, Optional.empty(), at("2024-01-02T00:00:00Z"), "\"forever\"")),
        Arguments.of("a rule that never starts is never active",
            List.of(CronRule.of("never", "0 0 30 2 *", "0 1 * * *", null, 2)), "2024-01-01T01:30:00Z",
            new Want(null, Optional.empty(), at("2024-01-02T01:00:00Z"), "no cron rule active")),
        Arguments.of("time zone: 09:00 Shanghai is 01:00Z",
            List.of(CronRule.of("cn", "0 9 * * *", "0 10 * * *", "Asia/Shanghai", 3)), "2024-01-01T01:30:00Z",
            new Want(3, at("2024-01-01T02:00:00Z"), at("2024-01-01T02:00:00Z"), "\"cn\"")),
        Arguments.of("time zone: 01:30Z is outside the UTC reading of the same rule",
            List.of(CronRule.of("utc", "0 9 * * *", "0 10 * * *", "UTC", 3)), "2024-01-01T01:30:00Z",
            new Want(null, Optional.empty(), at("2024-01-01T09:00:00Z"), "no cron rule active")),
        Arguments.of("DST: a 02:30-04:00 Berlin window opens at the spring-forward transition",
            List.of(CronRule.of("early", "30 2 * * *", "0 4 * * *", "Europe/Berlin", 2)), "2024-03-31T01:10:00Z",
            new Want(2, at("2024-03-31T02:00:00Z"), at("2024-03-31T02:00:00Z"), "\"early\"")),
        Arguments.of("DST: on the fall-back night the window lasts 2.5 real hours",
            List.of(CronRule.of("early", "30 1 * * *", "0 3 * * *", "Europe/Berlin", 2)), "2024-10-27T01:30:00Z",
            new Want(2, at("2024-10-27T02:00:00Z"), at("2024-10-27T02:00:00Z"), "\"early\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void readsTheActiveRuleAndTheNextBoundary(String name, List<CronRule> rules, String now, Want want) {
    PortraitReading reading = new CronPortrait(rules).read("Cron", Instant.parse(now));
    assertEquals(Optional.ofNullable(want.replicas()), reading.value().map(PortraitValue::replicas), "replicas");
    assertEquals(want.expireTime(), reading.value().flatMap(PortraitValue::expireTime), "expireTime");
    assertEquals(want.wakeAt(), reading.wakeAt(), "wakeAt");
    assertTrue(reading.detail().contains(want.detail()), reading.detail());
    reading.value().ifPresent(v -> assertEquals("Cron", v.provider()));
  }

  @Test
  void seedSampleStepsThroughTheHourAndWakesExactlyAtEachBoundary() {
    CronPortrait portrait = new CronPortrait(SEED_RULES);
    Instant now = Instant.parse("2024-01-01T09:55:00Z");
    List<String> timeline = new ArrayList<>();
    // Follow the wake-up instants as a controller timer would, for one and a half hours.
    while (now.isBefore(Instant.parse("2024-01-01T11:30:00Z"))) {
      PortraitReading reading = portrait.read("Cron", now);
      timeline.add(now.toString().substring(11, 16) + "="
          + reading.value().map(v -> String.valueOf(v.replicas())).orElse("-"));
      now = reading.wakeAt().orElseThrow();
    }
    assertEquals(List.of("09:55=-", "10:00=1", "10:10=2", "10:20=3", "10:30=4", "10:40=5", "10:50=-",
        "11:00=1", "11:10=2", "11:20=3"), timeline);
  }

  @Test
  void clockOffsetReadsTheRulesAheadAndKeepsTheReadingOnTheRealClock() {
    // 09:29:00 read 61 s ahead is 09:30:01: cron-4 is in force; its end (real 09:39:59) and the next wake-up
    // come 61 s early on the real clock, so a timer armed for them fires when the shifted 09:40 is reached.
    PortraitReading reading = new CronPortrait(SEED_RULES, Duration.ofSeconds(61))
        .read("Cron", Instant.parse("2024-01-01T09:29:00Z"));
    assertEquals(Optional.of(4), reading.value().map(PortraitValue::replicas));
    assertEquals(at("2024-01-01T09:38:59Z"), reading.value().flatMap(PortraitValue::expireTime));
    assertEquals(at("2024-01-01T09:38:59Z"), reading.wakeAt());
    PortraitReading none = new CronPortrait(SEED_RULES, Duration.ofMinutes(25))
        .read("Cron", Instant.parse("2024-01-01T09:26:00Z"));
    assertEquals(Optional.empty(), none.value(), "09:51 shifted is outside every rule");
    assertEquals(at("2024-01-01T09:35:00Z"), none.wakeAt(), "10:00 shifted is 09:35 real");
    assertEquals(new CronPortrait(SEED_RULES).read("Cron", Instant.parse("2024-01-01T09:51:00Z")).detail(),
        none.detail());
  }

  @Test
  void berlinDailyWindowKeepsItsWallClockHoursAcrossBothTransitions() {
    CronPortrait portrait = new CronPortrait(List.of(CronRule.of("office", "0 9 * * *", "0 17 * * *",
        "Europe/Berlin", 8)));
    // Winter (UTC+1): 08:00Z..16:00Z; summer (UTC+2): 07:00Z..15:00Z. Step hourly over the March transition.
    List<Instant> opened = new ArrayList<>();
    Instant now = Instant.parse("2024-03-29T00:00:00Z");
    boolean wasActive = false;
    while (now.isBefore(Instant.parse("2024-04-02T00:00:00Z"))) {
      boolean active = portrait.read("Cron", now).hasValue();
      if (active && !wasActive) {
        opened.add(now);
      }
      wasActive = active;
      now = now.plus(Duration.ofMinutes(30));
    }
    assertEquals(List.of(Instant.parse("2024-03-29T08:00:00Z"), Instant.parse("2024-03-30T08:00:00Z"),
        Instant.parse("2024-03-31T07:00:00Z"), Instant.parse("2024-04-01T07:00:00Z")), opened);
  }

  @Test
  void newYorkWindowFollowsFallBack() {
    CronPortrait portrait = new CronPortrait(List.of(CronRule.of("ny", "0 9 * * *", "0 17 * * *",
        "America/New_York", 8)));
    PortraitReading before = portrait.read("Cron", Instant.parse("2024-11-01T13:30:00Z"));
    PortraitReading after = portrait.read("Cron", Instant.parse("2024-11-04T13:30:00Z"));
    assertEquals(at("2024-11-01T21:00:00Z"), before.value().flatMap(PortraitValue::expireTime));
    assertTrue(after.value().isEmpty(), "09:00 EST is 14:00Z, so 13:30Z is before the window");
    assertEquals(at("2024-11-04T14:00:00Z"), after.wakeAt());
  }

  static Stream<Arguments> invalidRules() {
    return Stream.of(
        Arguments.of("unknown zone", (Runnable) () -> CronRule.of("a", "0 * * * *", "5 * * * *", "Nowhere/City", 1),
            "cron rule \"a\" timeZone"),
        Arguments.of("bad start", (Runnable) () -> CronRule.of("b", "61 * * * *", "5 * * * *", null, 1),
            "cron rule \"b\" start"),
        Arguments.of("bad end", (Runnable) () -> CronRule.of("c", "0 * * * *", "5 * *", null, 1),
            "cron rule \"c\" end"),
        Arguments.of("negative replicas", (Runnable) () -> CronRule.of("d", "0 * * * *", "5 * * * *", null, -1),
            "cron rule \"d\" replicas"),
        Arguments.of("blank name", (Runnable) () -> CronRule.of(" ", "0 * * * *", "5 * * * *", null, 1),
            "cron rule name"),
        Arguments.of("no rules", (Runnable) () -> new CronPortrait(List.of()), "cron.crons"),
        Arguments.of("negative clock offset", (Runnable) () -> new CronPortrait(SEED_RULES, Duration.ofSeconds(-1)),
            "cron clock offset"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRules")
  void invalidRulesAreRejectedNamingTheField(String name, Runnable build, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
