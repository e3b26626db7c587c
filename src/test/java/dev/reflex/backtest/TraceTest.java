package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TraceTest {

  private final Trace minutes = new Trace("m", TraceParser.RELATIVE_START, Duration.ofMinutes(1),
      new double[] {1, 2, 3, 4});

  @Test
  void aWindowIsCutToWholeSteps() {
    Trace w = minutes.window(Duration.ofSeconds(90), Duration.ofMinutes(2));
    assertEquals(120, w.seconds());
    assertEquals(2, w.rpsAt(0));
    assertEquals(3, w.rpsAt(119));
    assertEquals(TraceParser.RELATIVE_START.plusSeconds(60), w.start());
  }

  @Test
  void aWindowPastTheEndIsRefusedAndOneTooLongStopsAtTheEnd() {
    assertEquals("offset: PT4M is outside the trace, which lasts PT4M", assertThrows(IllegalArgumentException.class,
        () -> minutes.window(Duration.ofMinutes(4), null)).getMessage());
    assertEquals(60, minutes.window(Duration.ofMinutes(3), Duration.ofHours(1)).seconds());
    assertThrows(IllegalArgumentException.class, () -> minutes.window(Duration.ZERO, Duration.ofSeconds(30)));
  }

  @Test
  void scalingMultipliesEveryValueAndTheTotals() {
    Trace doubled = minutes.scaled(2);
    assertEquals(8, doubled.peakRps());
    assertEquals(2 * minutes.totalRequests(), doubled.totalRequests());
    assertEquals(60 * (1 + 2 + 3 + 4), minutes.totalRequests());
  }
}
