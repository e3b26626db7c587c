package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

  @ParameterizedTest(name = "{0}s -> {1}")
  @CsvSource({
      "-3, <invalid>", "-2, <invalid>", "-1, 0s", "0, 0s", "45, 45s", "119, 119s", "120, 2m", "330, 5m30s",
      "599, 9m59s", "600, 10m", "659, 10m", "10799, 179m", "10800, 3h", "12000, 3h20m", "28799, 7h59m",
      "28800, 8h", "172799, 47h", "172800, 2d", "190800, 2d5h", "691199, 7d23h", "691200, 8d",
      "63071999, 729d", "63072000, 2y", "71712000, 2y100d", "252287999, 7y364d", "252288000, 8y",
      "315360000, 10y"})
  void followsKubesRoundingRules(long seconds, String expected) {
    assertEquals(expected, HumanDuration.of(Duration.ofSeconds(seconds)));
  }

  @Test
  void negativeFractionsTruncateTowardZero() {
    // -1.5s is -1 whole second in Go, still within the tolerated skew.
    assertEquals("0s", HumanDuration.of(Duration.ofMillis(-1500)));
    assertEquals("<invalid>", HumanDuration.of(Duration.ofMillis(-2500)));
  }

  @Test
  void agesOfTimestampStrings() {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    assertEquals("5m30s", HumanDuration.since("2024-05-01T11:54:30Z", now));
    assertEquals("3h", HumanDuration.since("2024-05-01T11:00:00+02:00", now));
    // 47h59m59.877s: every unit truncates, so it is not yet two days.
    assertEquals("47h", HumanDuration.since("2024-04-29T12:00:00.123456Z", now));
    assertEquals("2d", HumanDuration.since("2024-04-29T12:00:00Z", now));
    assertEquals("<unknown>", HumanDuration.since("", now));
    assertEquals("<unknown>", HumanDuration.since("yesterday", now));
    assertEquals("<unknown>", HumanDuration.since((Instant) null, now));
  }
}
