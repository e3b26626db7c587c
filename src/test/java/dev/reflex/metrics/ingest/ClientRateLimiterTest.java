package dev.reflex.metrics.ingest;

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

/** The token bucket per client: batches at given times, each passed or told how long to wait. */
class ClientRateLimiterTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  /** A batch of {@code samples} from {@code client} {@code atMillis} after the start. */
  private record Batch(String client, long atMillis, int samples, Duration waitFor) {
  }

  private static Batch passes(String client, long atMillis, int samples) {
    return new Batch(client, atMillis, samples, null);
  }

  private static Batch waits(String client, long atMillis, int samples, Duration wait) {
    return new Batch(client, atMillis, samples, wait);
  }

  static Stream<Arguments> sequences() {
    return Stream.of(
        Arguments.of("at the rate, never refused", 1000, List.of(passes("a", 0, 1000), passes("a", 1000, 1000),
            passes("a", 1500, 500), passes("a", 2000, 500))),
        Arguments.of("a burst waits for the missing samples' time", 1000, List.of(passes("a", 0, 600),
            waits("a", 0, 600, Duration.ofMillis(200)), passes("a", 200, 600))),
        Arguments.of("a refused batch takes nothing", 1000, List.of(passes("a", 0, 900),
            waits("a", 0, 500, Duration.ofMillis(400)), passes("a", 0, 100))),
        Arguments.of("clients have buckets of their own", 1000, List.of(passes("a", 0, 1000),
            waits("a", 0, 1, Duration.ofMillis(1)), passes("b", 0, 1000))),
        Arguments.of("a batch above the bucket passes when it is full and leaves a debt", 100, List.of(
            passes("a", 0, 500), waits("a", 1000, 100, Duration.ofSeconds(4)), passes("a", 5000, 100))),
        Arguments.of("a batch above the bucket waits for it to fill", 100, List.of(passes("a", 0, 50),
            waits("a", 0, 500, Duration.ofMillis(500)), passes("a", 500, 500))),
        Arguments.of("no limit", 0, List.of(passes("a", 0, 1_000_000), passes("a", 0, 1_000_000))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sequences")
  void eachBatchPassesOrWaits(String name, int perSecond, List<Batch> batches) {
    MutableClock clock = new MutableClock(T0);
    ClientRateLimiter limiter = new ClientRateLimiter(perSecond, 10, clock);
    for (Batch b : batches) {
      clock.set(T0.plusMillis(b.atMillis()));
      assertEquals(Optional.ofNullable(b.waitFor()), limiter.take(b.client(), b.samples()), b.toString());
    }
  }

  @Test
  void aForgottenClientStartsWithAFullBucket() {
    ClientRateLimiter limiter = new ClientRateLimiter(10, 1, new MutableClock(T0));
    assertEquals(Optional.empty(), limiter.take("a", 10));
    assertEquals(Optional.empty(), limiter.take("b", 10));
    assertEquals(Optional.empty(), limiter.take("a", 10), "a was pushed out by b");
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ClientRateLimiter(-1, 1, new MutableClock(T0)));
    assertThrows(IllegalArgumentException.class, () -> new ClientRateLimiter(1, 0, new MutableClock(T0)));
  }
}
