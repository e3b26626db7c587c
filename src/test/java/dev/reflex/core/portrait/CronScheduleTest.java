package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CronScheduleTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Optional<Instant> at(String instant) {
    return Optional.of(Instant.parse(instant));
  }

  static Stream<Arguments> nextAfterCases() {
    return Stream.of(
        Arguments.of("next is strictly after an exact firing instant", "10 * * * *", UTC,
            "2024-01-01T10:10:00Z", at("2024-01-01T11:10:00Z")),
        Arguments.of("next from mid-minute skips the current minute", "10 * * * *", UTC,
            "2024-01-01T10:10:30Z", at("2024-01-01T11:10:00Z")),
        Arguments.of("next later the same hour", "10 * * * *", UTC, "2024-01-01T10:05:00Z",
            at("2024-01-01T10:10:00Z")),
        Arguments.of("weekday office hours skip the weekend", "0 9 * * 1-5", UTC, "2024-01-05T10:00:00Z",
            at("2024-01-08T09:00:00Z")),
        Arguments.of("day-of-week 0 is Sunday", "0 0 * * 0", UTC, "2024-01-01T00:00:00Z",
            at("2024-01-07T00:00:00Z")),
        Arguments.of("named day of week", "0 0 * * SUN", UTC, "2024-01-01T00:00:00Z",
            at("2024-01-07T00:00:00Z")),
        Arguments.of("named month", "0 0 1 JAN *", UTC, "2024-06-01T00:00:00Z", at("2025-01-01T00:00:00Z")),
        Arguments.of("question mark means any", "0 0 ? * *", UTC, "2024-01-01T12:00:00Z",
            at("2024-01-02T00:00:00Z")),
        Arguments.of("@hourly descriptor", "@hourly", UTC, "2024-01-01T12:30:00Z", at("2024-01-01T13:00:00Z")),
        Arguments.of("@daily descriptor", "@daily", UTC, "2024-01-01T12:30:00Z", at("2024-01-02T00:00:00Z")),
        Arguments.of("@weekly descriptor fires on Sunday", "@weekly", UTC, "2024-01-01T12:30:00Z",
            at("2024-01-07T00:00:00Z")),
        Arguments.of("@monthly descriptor", "@monthly", UTC, "2024-01-15T00:00:00Z", at("2024-02-01T00:00:00Z")),
        Arguments.of("@yearly descriptor", "@yearly", UTC, "2024-01-15T00:00:00Z", at("2025-01-01T00:00:00Z")),
        Arguments.of("an impossible date never fires", "0 0 30 2 *", UTC, "2024-01-01T00:00:00Z",
            Optional.empty()),
        Arguments.of("zone offset applies in winter", "0 9 * * *", BERLIN, "2024-01-10T00:00:00Z",
            at("2024-01-10T08:00:00Z")),
        Arguments.of("zone offset applies in summer", "0 9 * * *", BERLIN, "2024-07-10T00:00:00Z",
            at("2024-07-10T07:00:00Z")),
        Arguments.of("CRON_TZ prefix overrides the rule zone", "CRON_TZ=Asia/Shanghai 0 9 * * *", UTC,
            "2024-01-10T00:00:00Z", at("2024-01-10T01:00:00Z")),
        Arguments.of("TZ prefix overrides the rule zone", "TZ=America/New_York 0 9 * * *", UTC,
            "2024-01-10T00:00:00Z", at("2024-01-10T14:00:00Z")),
        Arguments.of("spring forward: a skipped time fires at the transition", "30 2 * * *", BERLIN,
            "2024-03-30T12:00:00Z", at("2024-03-31T01:00:00Z")),
        Arguments.of("spring forward: the day after is back to normal", "30 2 * * *", BERLIN,
            "2024-03-31T01:00:00Z", at("2024-04-01T00:30:00Z")),
        Arguments.of("fall back: a repeated time fires on its first occurrence", "30 2 * * *", BERLIN,
            "2024-10-26T12:00:00Z", at("2024-10-27T00:30:00Z")),
        Arguments.of("fall back: it does not fire again in the repeated hour", "30 2 * * *", BERLIN,
            "2024-10-27T00:30:00Z", at("2024-10-28T01:30:00Z")),
        Arguments.of("fall back: during the second pass the next hourly firing is 03:00 CET", "0 * * * *", BERLIN,
            "2024-10-27T01:10:00Z", at("2024-10-27T02:00:00Z")),
        Arguments.of("US spring forward at 02:00 local", "0 2 * * *", NEW_YORK, "2024-03-09T12:00:00Z",
            at("2024-03-10T07:00:00Z")),
        Arguments.of("US fall back keeps the first 01:30", "30 1 * * *", NEW_YORK, "2024-11-03T04:00:00Z",
            at("2024-11-03T05:30:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextAfterCases")
  void nextAfterFindsTheFirstFiringStrictlyAfterNow(String name, String expression, ZoneId zone, String now,
      Optional<Instant> expected) {
    CronSchedule schedule = CronSchedule.parse("test", expression, zone);
    assertEquals(expected, schedule.nextAfter(Instant.parse(now)));
  }

  static Stream<Arguments> lastAtOrBeforeCases() {
    return Stream.of(
        Arguments.of("an exact firing instant counts as the last one", "10 * * * *", UTC, "2024-01-01T10:10:00Z",
            at("2024-01-01T10:10:00Z")),
        Arguments.of("a second before the firing gives the previous hour", "10 * * * *", UTC,
            "2024-01-01T10:09:59Z", at("2024-01-01T09:10:00Z")),
        Arguments.of("mid-minute after the firing", "10 * * * *", UTC, "2024-01-01T10:10:30Z",
            at("2024-01-01T10:10:00Z")),
        Arguments.of("weekly rule looks back days", "0 9 * * 1", UTC, "2024-01-05T10:00:00Z",
            at("2024-01-01T09:00:00Z")),
        Arguments.of("an impossible date never fired", "0 0 30 2 *", UTC, "2024-01-01T00:00:00Z", Optional.empty()),
        Arguments.of("spring forward: the skipped time counts from the transition", "30 2 * * *", BERLIN,
            "2024-03-31T01:30:00Z", at("2024-03-31T01:00:00Z")),
        Arguments.of("fall back: during the second pass the last firing is the first 02:30", "30 2 * * *", BERLIN,
            "2024-10-27T01:45:00Z", at("2024-10-27T00:30:00Z")),
        Arguments.of("fall back: hourly during the second pass", "0 * * * *", BERLIN, "2024-10-27T01:10:00Z",
            at("2024-10-27T00:00:00Z")),
        Arguments.of("zone is honoured looking back", "0 9 * * *", NEW_YORK, "2024-07-10T12:00:00Z",
            at("2024-07-09T13:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lastAtOrBeforeCases")
  void lastAtOrBeforeFindsTheLatestFiringNotAfterNow(String name, String expression, ZoneId zone, String now,
      Optional<Instant> expected) {
    CronSchedule schedule = CronSchedule.parse("test", expression, zone);
    assertEquals(expected, schedule.lastAtOrBefore(Instant.parse(now)));
  }

  static Stream<Arguments> invalidCases() {
    return Stream.of(
        Arguments.of("empty expression", "", "must not be empty"),
        Arguments.of("six fields", "0 0 * * * *", "expected exactly 5 fields, found 6"),
        Arguments.of("four fields", "0 * * *", "expected exactly 5 fields, found 4"),
        Arguments.of("minute out of range", "60 * * * *", "above maximum (59)"),
        Arguments.of("garbage", "every day", "expected exactly 5 fields, found 2"),
        Arguments.of("bad token", "x * * * *", "failed to parse int from x"),
        Arguments.of("@every is rejected", "@every 1h", "@every"),
        Arguments.of("unknown descriptor", "@fortnightly", "unrecognized descriptor"),
        Arguments.of("descriptors are lower case, as robfig/cron reads them", "@DAILY", "unrecognized descriptor"),
        Arguments.of("day of week 0-6, as robfig/cron reads it", "0 0 * * 7", "end of range (7) above maximum (6)"),
        Arguments.of("unknown prefix zone", "CRON_TZ=Mars/Olympus 0 * * * *",
            "provided bad location Mars/Olympus: unknown time zone Mars/Olympus"),
        Arguments.of("offset as prefix zone", "CRON_TZ=+08:00 0 * * * *", "unknown time zone +08:00"),
        Arguments.of("prefix without expression", "CRON_TZ=UTC", "expected exactly 5 fields, found 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidExpressionsAreRejectedNamingTheField(String name, String expression, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CronSchedule.parse("cron rule \"r\" start", expression, UTC));
    assertTrue(e.getMessage().startsWith("cron rule \"r\" start"), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  static Stream<Arguments> reasons() {
    return Stream.of(
        Arguments.of("0 0 * * * *", "expected exactly 5 fields, found 6: [0 0 * * * *]"),
        Arguments.of("61 * * * *", "end of range (61) above maximum (59): 61"),
        Arguments.of("@every 1h",
            "@every intervals are not supported, use five fields or a descriptor such as @hourly"),
        Arguments.of("@fortnightly", "unrecognized descriptor: @fortnightly"),
        Arguments.of("TZ=+08:00 0 * * * *", "provided bad location +08:00: unknown time zone +08:00"),
        Arguments.of("CRON_TZ=UTC", "expected exactly 5 fields, found 0: []"));
  }

  /** Validation ({@link CronSchedule#problem}) and the controller ({@link CronSchedule#parse}) share one reading. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reasons")
  void validationAndParsingGiveTheSameReason(String expression, String reason) {
    assertEquals(Optional.of(reason), CronSchedule.problem(expression));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CronSchedule.parse("start", expression, UTC));
    assertEquals("start: invalid cron expression \"" + expression + "\": " + reason, e.getMessage());
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("@hourly", UTC, "2024-01-01T11:00:00Z"),
        Arguments.of("@daily", UTC, "2024-01-02T00:00:00Z"),
        Arguments.of("@midnight", UTC, "2024-01-02T00:00:00Z"),
        Arguments.of("@weekly", UTC, "2024-01-07T00:00:00Z"),
        Arguments.of("@monthly", UTC, "2024-02-01T00:00:00Z"),
        Arguments.of("@yearly", UTC, "2025-01-01T00:00:00Z"),
        Arguments.of("@annually", UTC, "2025-01-01T00:00:00Z"),
        Arguments.of("0 9 ? * MON-FRI", UTC, "2024-01-02T09:00:00Z"),
        Arguments.of("TZ=Asia/Shanghai 0 9 * * *", ZoneId.of("Asia/Shanghai"), "2024-01-02T01:00:00Z"),
        Arguments.of("CRON_TZ=UTC @hourly", UTC, "2024-01-01T11:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsDescriptorsPrefixesAndQuestionMarks(String expression, ZoneId zone, String next) {
    assertEquals(Optional.empty(), CronSchedule.problem(expression));
    CronSchedule schedule = CronSchedule.parse("start", expression, UTC);
    assertEquals(zone, schedule.zone());
    // 2024-01-01 is a Monday.
    assertEquals(at(next), schedule.nextAfter(Instant.parse("2024-01-01T10:30:00Z")));
  }

  static Stream<Arguments> ruleZones() {
    return Stream.of(
        Arguments.of("Asia/Shanghai", "Asia/Shanghai"),
        Arguments.of("", "UTC"),
        Arguments.of(null, "UTC"),
        Arguments.of("+08:00", "cron rule \"r\" timeZone: \"+08:00\" is not a known IANA time zone"),
        Arguments.of("GMT+8", "cron rule \"r\" timeZone: \"GMT+8\" is not a known IANA time zone"),
        Arguments.of(" UTC", "cron rule \"r\" timeZone: \" UTC\" is not a known IANA time zone"));
  }

  /** A rule's zone is an IANA name, as validation demands; offsets used to slip through here. */
  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("ruleZones")
  void ruleZonesAreIanaNames(String zone, String expected) {
    String got;
    try {
      got = CronRule.of("r", "0 * * * *", "10 * * * *", zone, 1).start().zone().getId();
    } catch (IllegalArgumentException e) {
      got = e.getMessage();
    }
    assertEquals(expected, got);
  }
}
