package dev.reflex.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's time.ParseDuration, value for value and message for message. */
class GoDurationTest {

  private static final long MAX_NANOS = Long.MAX_VALUE;

  static Stream<Arguments> valid() {
    return Stream.of(
        // The rows that used to disagree between validation, the forecaster and the KPA config.
        Arguments.of("1.5h", Duration.ofMinutes(90)),
        Arguments.of("90s", Duration.ofSeconds(90)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("-5m", Duration.ofMinutes(-5)),
        // Signs, zero and fractions.
        Arguments.of("+5s", Duration.ofSeconds(5)),
        Arguments.of("-0", Duration.ZERO),
        Arguments.of("+0", Duration.ZERO),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of("5.s", Duration.ofSeconds(5)),
        Arguments.of(".5s", Duration.ofMillis(500)),
        Arguments.of("1.004s", Duration.ofMillis(1004)),
        Arguments.of("100.00100s", Duration.ofMillis(100_001)),
        // Every unit, and units in any order.
        Arguments.of("10ns", Duration.ofNanos(10)),
        Arguments.of("11us", Duration.ofNanos(11_000)),
        Arguments.of("12\u00b5s", Duration.ofNanos(12_000)),
        Arguments.of("12\u03bcs", Duration.ofNanos(12_000)),
        Arguments.of("300ms", Duration.ofMillis(300)),
        Arguments.of("16h", Duration.ofHours(16)),
        Arguments.of("10.5s4m", Duration.ofMillis(250_500)),
        Arguments.of("-2m3.4s", Duration.ofMillis(-123_400)),
        Arguments.of("1h2m3s4ms5us6ns", Duration.ofNanos(3_723_004_005_006L)),
        // Go's float64 arithmetic for fractions.
        Arguments.of("0.3333333333333333333h", Duration.ofMinutes(20)),
        Arguments.of("0.830103483285477580700h", Duration.ofNanos(2_988_372_539_827L)),
        // The int64 range.
        Arguments.of("9223372036854775807ns", Duration.ofNanos(MAX_NANOS)),
        Arguments.of("9223372036854775.807us", Duration.ofNanos(MAX_NANOS)),
        Arguments.of("9223372036s854ms775us807ns", Duration.ofNanos(MAX_NANOS)),
        Arguments.of("-9223372036854775808ns", Duration.ofNanos(Long.MIN_VALUE)),
        Arguments.of("-2562047h47m16.854775808s", Duration.ofNanos(Long.MIN_VALUE)));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("valid")
  void parsesAsGoDoes(String text, Duration expected) {
    assertEquals(expected, GoDuration.parse(text));
    assertEquals(Optional.of(expected), GoDuration.tryParse(text));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("7d", "time: unknown unit \"d\" in duration \"7d\""),
        Arguments.of("", "time: invalid duration \"\""),
        Arguments.of("3", "time: missing unit in duration \"3\""),
        Arguments.of("30", "time: missing unit in duration \"30\""),
        Arguments.of("-", "time: invalid duration \"-\""),
        Arguments.of("s", "time: invalid duration \"s\""),
        Arguments.of(".", "time: invalid duration \".\""),
        Arguments.of("-.", "time: invalid duration \"-.\""),
        Arguments.of(".s", "time: invalid duration \".s\""),
        Arguments.of("+.s", "time: invalid duration \"+.s\""),
        Arguments.of("1..5s", "time: missing unit in duration \"1..5s\""),
        Arguments.of("1m-", "time: unknown unit \"m-\" in duration \"1m-\""),
        Arguments.of("5 m", "time: unknown unit \" m\" in duration \"5 m\""),
        Arguments.of(" 5m", "time: invalid duration \" 5m\""),
        Arguments.of("1w", "time: unknown unit \"w\" in duration \"1w\""),
        Arguments.of("5\u00e9", "time: unknown unit \"\\xc3\\xa9\" in duration \"5\\xc3\\xa9\""),
        Arguments.of("1\"s", "time: unknown unit \"\\\"s\" in duration \"1\\\"s\""),
        Arguments.of("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\""),
        Arguments.of("9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\""),
        Arguments.of("9223372036854775807ns1ns", "time: invalid duration \"9223372036854775807ns1ns\""),
        Arguments.of("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\""),
        Arguments.of("99999999999999999999s", "time: invalid duration \"99999999999999999999s\""),
        Arguments.of("2562048h", "time: invalid duration \"2562048h\""));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void rejectsWithGosMessage(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    assertEquals(message, e.getMessage());
    assertEquals(Optional.empty(), GoDuration.tryParse(text));
  }

  static Stream<Arguments> written() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofMillis(250), "250ms"),
        Arguments.of(Duration.ofMillis(1500), "1.5s"),
        Arguments.of(Duration.ofMillis(1250), "1.25s"),
        Arguments.of(Duration.ofSeconds(10), "10s"),
        Arguments.of(Duration.ofSeconds(90), "1m30s"),
        Arguments.of(Duration.ofMinutes(5), "5m0s"),
        Arguments.of(Duration.ofHours(2), "2h0m0s"),
        Arguments.of(Duration.ofHours(168), "168h0m0s"),
        Arguments.of(Duration.ofSeconds(-61), "-1m1s"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("written")
  void writesAsGoDoesAndReadsBack(Duration duration, String text) {
    assertEquals(text, GoDuration.format(duration));
    assertEquals(duration, GoDuration.parse(text));
  }
}
