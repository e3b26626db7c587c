package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cron grammar as robfig/cron's standard parser reads and words it (CronJob schedules, cron portraits). */
class CronSyntaxTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "*/5 * * * *|",
      "0 0 1 jan-mar mon-fri|",
      "@hourly|",
      "@every 1h30m|",
      "TZ=Europe/Paris 0 9 * * *|",
      "0 0 * *|expected exactly 5 fields, found 4: [0 0 * *]",
      "60 * * * *|end of range (60) above maximum (59): 60",
      "* * 0 * *|beginning of range (0) below minimum (1): 0",
      "5-1 * * * *|beginning of range (5) beyond end of range (1): 5-1",
      "*/0 * * * *|step of range should be a positive number: */0",
      "a * * * *|failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax",
      "1-2-3 * * * *|too many hyphens: 1-2-3",
      "* * * * 7|end of range (7) above maximum (6): 7",
      "@fortnightly|unrecognized descriptor: @fortnightly",
      "TZ=Mars/Olympus 0 * * * *|provided bad location Mars/Olympus: unknown time zone Mars/Olympus"})
  void cronSchedulesParseAsKubesCronLibrary(String schedule, String problem) {
    assertEquals(problem, CronSyntax.problem(schedule).orElse(null));
  }
}
