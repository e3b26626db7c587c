package dev.reflex.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the review cache answers after a verdict and some time, by TTL and capacity. */
class VerdictCacheTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  private static final TokenVerdict ACCEPTED = new TokenVerdict.Accepted(
      new Caller("system:serviceaccount:monitoring:prometheus", List.of("system:serviceaccounts")));
  private static final TokenVerdict REJECTED = new TokenVerdict.Rejected("token expired");

  static Stream<Arguments> lookups() {
    return Stream.of(
        Arguments.of("accepted, within the TTL", ACCEPTED, Duration.ofMinutes(2), Duration.ofSeconds(119), true),
        Arguments.of("accepted, at the TTL", ACCEPTED, Duration.ofMinutes(2), Duration.ofMinutes(2), false),
        Arguments.of("rejected, within 10 s", REJECTED, Duration.ofMinutes(2), Duration.ofSeconds(9), true),
        Arguments.of("rejected, after 10 s even with a long TTL", REJECTED, Duration.ofMinutes(2),
            Duration.ofSeconds(10), false),
        Arguments.of("a TTL of 0 remembers nothing", ACCEPTED, Duration.ZERO, Duration.ZERO, false),
        Arguments.of("a TTL of 0 remembers no rejection either", REJECTED, Duration.ZERO, Duration.ZERO, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void aVerdictIsAnsweredUntilItExpires(String name, TokenVerdict verdict, Duration ttl, Duration later,
      boolean remembered) {
    MutableClock clock = new MutableClock(T0);
    VerdictCache<TokenVerdict> cache = new VerdictCache<>(ttl, v -> v instanceof TokenVerdict.Accepted, 10, clock);
    cache.put("token-a", verdict);
    clock.advance(later);
    assertEquals(remembered ? Optional.of(verdict) : Optional.empty(), cache.get("token-a"));
    assertEquals(Optional.empty(), cache.get("token-b"), "another token is never answered");
  }

  @Test
  void theLeastRecentlyUsedTokenIsForgottenFirst() {
    VerdictCache<Boolean> cache = new VerdictCache<>(Duration.ofMinutes(2), b -> b, 2, new MutableClock(T0));
    cache.put("a", true);
    cache.put("b", true);
    cache.get("a");
    cache.put("c", false);
    assertEquals(2, cache.size());
    assertEquals(Optional.of(true), cache.get("a"));
    assertEquals(Optional.empty(), cache.get("b"));
    assertEquals(Optional.of(false), cache.get("c"));
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new VerdictCache<Boolean>(Duration.ofSeconds(-1), b -> b, 1,
        new MutableClock(T0)));
    assertThrows(IllegalArgumentException.class, () -> new VerdictCache<Boolean>(Duration.ofMinutes(2), b -> b, 0,
        new MutableClock(T0)));
  }
}
