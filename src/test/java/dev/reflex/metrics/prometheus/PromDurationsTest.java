package dev.reflex.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus' duration notation, used only where Prometheus syntax is the contract. */
class PromDurationsTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("3m", Duration.ofMinutes(3)),
        Arguments.of("90s", Duration.ofSeconds(90)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("7d", Duration.ofDays(7)),
        Arguments.of("2w", Duration.ofDays(14)),
        Arguments.of("1y", Duration.ofDays(365)),
        Arguments.of("1d12h30m15s500ms", Duration.ofMillis(131_415_500L)),
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("0s", Duration.ZERO));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("valid")
  void parses(String text, Duration expected) {
    assertEquals(expected, PromDurations.parse(text, "window"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "window: empty duration string"),
        Arguments.of("1.5h", "window: not a valid duration string: \"1.5h\""),
        Arguments.of("-5m", "window: not a valid duration string: \"-5m\""),
        Arguments.of("30m1h", "window: not a valid duration string: \"30m1h\""),
        Arguments.of("1m1m", "window: not a valid duration string: \"1m1m\""),
        Arguments.of("30", "window: not a valid duration string: \"30\""),
        Arguments.of("300us", "window: not a valid duration string: \"300us\""),
        Arguments.of(" 3m", "window: not a valid duration string: \" 3m\""),
        Arguments.of("300y", "window: duration out of range: \"300y\""));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void rejectsWithPrometheusReason(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> PromDurations.parse(text, "window")).getMessage());
  }
}
