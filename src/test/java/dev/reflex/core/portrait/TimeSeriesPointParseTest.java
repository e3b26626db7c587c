package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeSeriesPointParseTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("integer key and value", "1695290760", "3", 1695290760L, 3),
        Arguments.of("float-division key from the shipped job", "1698231600.0", "4", 1698231600L, 4),
        Arguments.of("float value", "1698231600", "3.0", 1698231600L, 3),
        Arguments.of("surrounding blanks", " 1698231600 ", " 2 ", 1698231600L, 2),
        Arguments.of("exponent notation", "1.6982316E9", "1E1", 1698231600L, 10),
        Arguments.of("zero replicas", "0", "0.00", 0L, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesIntegralNumbersWrittenAsDecimals(String name, String key, String value, long seconds, int replicas) {
    assertEquals(new TimeSeriesPoint(Instant.ofEpochSecond(seconds), replicas), TimeSeriesPoint.parse(key, value));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("fractional timestamp", "1698231600.5", "3", "timeSeries key"),
        Arguments.of("fractional replicas", "1698231600", "2.5", "timeSeries[\"1698231600\"]"),
        Arguments.of("not a number", "soon", "3", "not a number"),
        Arguments.of("empty value", "1698231600", "", "not a number"),
        Arguments.of("null value", "1698231600", null, "not a number"),
        Arguments.of("replicas beyond int32", "1698231600", "3000000000", "out of range"),
        Arguments.of("negative timestamp", "-1", "3", "must be >= 0"),
        Arguments.of("negative replicas", "1698231600", "-2", "must be >= 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsNonIntegralOrOutOfRangeEntries(String name, String key, String value, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSeriesPoint.parse(key,
        value));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
