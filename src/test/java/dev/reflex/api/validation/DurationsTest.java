package dev.reflex.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go-style durations as the Kubernetes API writes them. */
class DurationsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("15s", Optional.of(Duration.ofSeconds(15))),
        Arguments.of("1m30s", Optional.of(Duration.ofSeconds(90))),
        Arguments.of("1.5h", Optional.of(Duration.ofMinutes(90))),
        Arguments.of("500ms", Optional.of(Duration.ofMillis(500))),
        Arguments.of("2us", Optional.of(Duration.ofNanos(2000))),
        Arguments.of("-5m", Optional.of(Duration.ofMinutes(-5))),
        Arguments.of("0", Optional.of(Duration.ZERO)),
        Arguments.of("30", Optional.empty()),
        Arguments.of("1d", Optional.empty()),
        Arguments.of("", Optional.empty()),
        Arguments.of("5 m", Optional.empty()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("cases")
  void parsesGoDurations(String text, Optional<Duration> expected) {
    assertEquals(expected, Durations.parse(text));
  }
}
