package dev.reflex.core.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortraitValueTest {

  private static final Instant T = Instant.parse("2024-01-01T10:00:00Z");

  static Stream<Arguments> desires() {
    PortraitValue cron5 = new PortraitValue("Cron", 5, Optional.of(T));
    return Stream.of(
        Arguments.of("same provider and replicas, different expiry", cron5,
            new PortraitValue("Cron", 5, Optional.of(T.plusSeconds(600))), true),
        Arguments.of("expiry dropped", cron5, PortraitValue.of("Cron", 5), true),
        Arguments.of("different replicas", cron5, PortraitValue.of("Cron", 4), false),
        Arguments.of("different provider", cron5, PortraitValue.of("Static", 5), false),
        Arguments.of("no previous value", cron5, null, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("desires")
  void sameDesireIgnoresOnlyTheExpiry(String name, PortraitValue a, PortraitValue b, boolean expected) {
    assertEquals(expected, a.sameDesire(b));
  }

  static Stream<Arguments> validity() {
    return Stream.of(
        Arguments.of("no expiry is always valid", PortraitValue.of("Static", 1), T, true),
        Arguments.of("before expiry", new PortraitValue("Cron", 1, Optional.of(T)), T.minusSeconds(1), true),
        Arguments.of("at expiry it no longer holds", new PortraitValue("Cron", 1, Optional.of(T)), T, false),
        Arguments.of("after expiry", new PortraitValue("Cron", 1, Optional.of(T)), T.plusSeconds(1), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validity")
  void valueIsValidStrictlyBeforeItsExpiry(String name, PortraitValue value, Instant now, boolean expected) {
    assertEquals(expected, value.isValidAt(now));
  }
}
