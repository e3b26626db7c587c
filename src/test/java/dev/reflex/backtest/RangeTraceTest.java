package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RangeTraceTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void missingStepsHoldThePreviousValueAndLeadingOnesTheFirst() {
    long s = 1000;
    RangeTrace.Filled f = RangeTrace.of("q", T0, T0.plusSeconds(75), Duration.ofSeconds(15),
        new long[] {T0.toEpochMilli() + 15 * s, T0.toEpochMilli() + 30 * s, T0.toEpochMilli() + 60 * s},
        new double[] {10, 20, 40});
    assertEquals(3, f.filledSteps());
    assertEquals(90, f.trace().seconds());
    double[] expected = {10, 10, 20, 20, 40, 40};
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], f.trace().rpsAt(k * 15L), "step " + k);
    }
  }

  @Test
  void noPointIsAnError() {
    assertEquals("the query returned no points between " + T0 + " and " + T0.plusSeconds(60),
        assertThrows(IllegalArgumentException.class, () -> RangeTrace.of("q", T0, T0.plusSeconds(60),
            Duration.ofSeconds(15), new long[0], new double[0])).getMessage());
  }
}
