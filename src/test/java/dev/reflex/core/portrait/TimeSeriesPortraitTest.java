package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeSeriesPortraitTest {

  /** Seed 000's predictive result: 4 @ 11:00, 3 @ 11:10, 2 @ 11:20 (2023-10-25 UTC), expiring 11:30. */
  private static final List<TimeSeriesPoint> SEED_POINTS = List.of(
      TimeSeriesPoint.ofEpochSecond(1698231600L, 4),
      TimeSeriesPoint.ofEpochSecond(1698232200L, 3),
      TimeSeriesPoint.ofEpochSecond(1698232800L, 2));
  private static final Optional<Instant> SEED_EXPIRY = at("2023-10-25T11:30:00Z");

  private static Optional<Instant> at(String instant) {
    return Optional.of(Instant.parse(instant));
  }

  static Stream<Arguments> readings() {
    return Stream.of(
        Arguments.of("before the first point: no value, wake at the first point", SEED_POINTS, Optional.empty(),
            "2023-10-25T10:59:00Z", null, Optional.empty(), at("2023-10-25T11:00:00Z")),
        Arguments.of("exactly at a point: that point", SEED_POINTS, Optional.empty(), "2023-10-25T11:00:00Z", 4,
            at("2023-10-25T11:10:00Z"), at("2023-10-25T11:10:00Z")),
        Arguments.of("between points: the latest one at or before now", SEED_POINTS, Optional.empty(),
            "2023-10-25T11:15:00Z", 3, at("2023-10-25T11:20:00Z"), at("2023-10-25T11:20:00Z")),
        Arguments.of("last point without expiry lasts forever", SEED_POINTS, Optional.empty(),
            "2023-10-26T00:00:00Z", 2, Optional.empty(), Optional.empty()),
        Arguments.of("last point ends at expireTime", SEED_POINTS, SEED_EXPIRY, "2023-10-25T11:25:00Z", 2,
            SEED_EXPIRY, SEED_EXPIRY),
        Arguments.of("at expireTime: no value and nothing to wake for", SEED_POINTS, SEED_EXPIRY,
            "2023-10-25T11:30:00Z", null, Optional.empty(), Optional.empty()),
        Arguments.of("expireTime before the next point caps the value", SEED_POINTS, at("2023-10-25T11:05:00Z"),
            "2023-10-25T11:01:00Z", 4, at("2023-10-25T11:05:00Z"), at("2023-10-25T11:05:00Z")),
        Arguments.of("expireTime before the first point: no value, wake at expiry", SEED_POINTS,
            at("2023-10-25T10:30:00Z"), "2023-10-25T10:00:00Z", null, Optional.empty(), at("2023-10-25T10:30:00Z")),
        Arguments.of("unordered input is sorted", List.of(SEED_POINTS.get(2), SEED_POINTS.get(0), SEED_POINTS.get(1)),
            Optional.empty(), "2023-10-25T11:12:00Z", 3, at("2023-10-25T11:20:00Z"), at("2023-10-25T11:20:00Z")),
        Arguments.of("a dynamic 0 is no value", List.of(TimeSeriesPoint.ofEpochSecond(1698231600L, 0)),
            Optional.empty(), "2023-10-25T11:12:00Z", null, Optional.empty(), Optional.empty()),
        Arguments.of("single point", List.of(TimeSeriesPoint.ofEpochSecond(0, 7)), Optional.empty(),
            "1970-01-01T00:00:00Z", 7, Optional.empty(), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void readsTheLatestPointAtOrBeforeNow(String name, List<TimeSeriesPoint> points, Optional<Instant> expireTime,
      String now, Integer replicas, Optional<Instant> valueExpiry, Optional<Instant> wakeAt) {
    PortraitProvider provider = PortraitProvider.dynamic("Predictive", 1, new TimeSeriesPortrait(points),
        expireTime);
    PortraitReading reading = provider.read(Instant.parse(now));
    assertEquals(Optional.ofNullable(replicas), reading.value().map(PortraitValue::replicas), "replicas");
    assertEquals(valueExpiry, reading.value().flatMap(PortraitValue::expireTime), "expireTime");
    assertEquals(wakeAt, reading.wakeAt(), "wakeAt");
    reading.value().ifPresent(v -> assertEquals("Dynamic-Predictive", v.provider()));
  }

  @Test
  void seedPredictiveResultFollowedByWakeUps() {
    PortraitProvider provider = PortraitProvider.dynamic("Predictive", 1, new TimeSeriesPortrait(SEED_POINTS),
        SEED_EXPIRY);
    Optional<Instant> now = at("2023-10-25T10:41:00Z");
    List<String> timeline = new ArrayList<>();
    while (now.isPresent()) {
      PortraitReading reading = provider.read(now.get());
      timeline.add(now.get().toString().substring(11, 16) + "="
          + reading.value().map(v -> String.valueOf(v.replicas())).orElse("-"));
      now = reading.wakeAt();
    }
    // No value, then 4, 3, 2 and "no valid portrait value" once the data expires; then nothing to wake for.
    assertEquals(List.of("10:41=-", "11:00=4", "11:10=3", "11:20=2", "11:30=-"), timeline);
  }

  static Stream<Arguments> invalidSeries() {
    return Stream.of(
        Arguments.of("no points", (Runnable) () -> new TimeSeriesPortrait(List.of()), "at least one point"),
        Arguments.of("duplicate timestamps", (Runnable) () -> new TimeSeriesPortrait(List.of(
            TimeSeriesPoint.ofEpochSecond(10, 1), TimeSeriesPoint.ofEpochSecond(10, 2))), "duplicate timestamp"),
        Arguments.of("negative replicas", (Runnable) () -> TimeSeriesPoint.ofEpochSecond(10, -1),
            "timeSeries.replicas"),
        Arguments.of("negative timestamp", (Runnable) () -> TimeSeriesPoint.ofEpochSecond(-1, 1),
            "timeSeries.timestamp"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSeries")
  void invalidSeriesAreRejectedNamingTheField(String name, Runnable build, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
