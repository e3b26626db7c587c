package dev.reflex.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * metav1.Duration fields are checked with the same Go parser the controllers read them with
 * ({@link dev.reflex.core.GoDuration}), here with a lower bound of zero as for {@code cpuInitializationPeriod}.
 */
class DurationFieldsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("1.5h", Optional.of(Duration.ofMinutes(90)), List.of()),
        Arguments.of("90s", Optional.of(Duration.ofSeconds(90)), List.of()),
        Arguments.of("1h30m", Optional.of(Duration.ofMinutes(90)), List.of()),
        Arguments.of("0", Optional.of(Duration.ZERO), List.of()),
        Arguments.of("-5m", Optional.empty(), List.of("f: must be at least 0s, got -5m")),
        Arguments.of("7d", Optional.empty(), List.of("f: \"7d\" is not a duration such as 30s, 5m or 1h30m")),
        Arguments.of("", Optional.empty(), List.of("f: \"\" is not a duration such as 30s, 5m or 1h30m")),
        Arguments.of(" 5m", Optional.empty(), List.of("f: \" 5m\" is not a duration such as 30s, 5m or 1h30m")));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("cases")
  void checksGoDurations(String text, Optional<Duration> parsed, List<String> violations) {
    Checks checks = new Checks();
    assertEquals(parsed, DurationFields.check(checks, "f", text, Duration.ZERO, null, false));
    assertEquals(violations, checks.result().violations().stream().map(v -> v.field() + ": " + v.problem())
        .toList());
  }
}
