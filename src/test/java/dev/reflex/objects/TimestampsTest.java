package dev.reflex.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampsTest {

  static Stream<Arguments> timestamps() {
    return Stream.of(
        Arguments.of("2026-12-03T09:15:42Z", "2026-12-03T09:15:42Z"),
        Arguments.of("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
        Arguments.of("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        Arguments.of("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        Arguments.of("2026-12-03T09:15:42.250Z", "2026-12-03T09:15:42.250Z"),
        Arguments.of("2026-12-03T10:15:42+01:00", "2026-12-03T09:15:42Z"),
        Arguments.of("2026-02-30T00:00:00Z", null),
        Arguments.of("2026-12-03T24:00:00Z", null),
        Arguments.of("2026-12-03T09:60:00Z", null),
        Arguments.of("2026-12-03 09:15:42Z", null),
        Arguments.of("2026-12-03T09:15:4xZ", null),
        Arguments.of("yesterday", null),
        Arguments.of("", null),
        Arguments.of(null, null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("timestamps")
  void readsRfc3339AsKubeWritesItAndAnyOtherFormOfIt(String text, String expected) {
    assertEquals(expected == null ? null : Instant.parse(expected), Timestamps.parse(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("timestamps")
  void writesWholeSecondsInUtc(String text, String expected) {
    if (expected != null) {
      assertEquals(expected.replaceAll("\\.\\d+Z$", "Z"), Timestamps.format(Instant.parse(expected)));
    }
  }
}
