package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Trace files as users write them, and the errors for what they get wrong. */
class TraceParserTest {

  record Good(String name, String text, TraceFormat format, Duration step, long stepSeconds, Instant start,
      double[] perSecond) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Good> good() {
    Instant rel = TraceParser.RELATIVE_START;
    return Stream.of(
        new Good("csv with a header, one point per second", "time,rps\n0,10\n1,20\n2,30\n", TraceFormat.CSV, null,
            1, rel, new double[] {10, 20, 30}),
        new Good("csv points hold until the next; the last for the interval before it", "0,10\n2,20\n",
            TraceFormat.CSV, null, 2, rel, new double[] {10, 10, 20, 20}),
        new Good("csv intervals of 2 s and 3 s lie on a 1 s grid", "0,1\n2,2\n5,3\n", TraceFormat.CSV, null, 1, rel,
            new double[] {1, 1, 2, 2, 2, 3, 3, 3}),
        new Good("csv relative times need not start at 0", "10,5\n11,6\n", TraceFormat.CSV, null, 1,
            rel.plusSeconds(10), new double[] {5, 6}),
        new Good("csv RFC 3339 times, a space for the T, comments skipped",
            "# from the gateway\n1998-06-26T00:00:00Z,100\n1998-06-26 00:01:00+00:00,200\n", TraceFormat.CSV, null,
            60, Instant.parse("1998-06-26T00:00:00Z"), perSecond(60, 100, 200)),
        new Good("counts per minute are divided by 60", "600 1200\n60\n", TraceFormat.COUNTS, Duration.ofMinutes(1),
            60, rel, perSecond(60, 10, 20, 1)),
        new Good("counts per second as they are", "3\n4 5", TraceFormat.COUNTS, Duration.ofSeconds(1), 1, rel,
            new double[] {3, 4, 5}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void reads(Good c) {
    Trace trace = TraceParser.parse("t.txt", c.text(), c.format(), c.step() == null ? Duration.ofSeconds(1)
        : c.step());
    assertEquals(c.stepSeconds(), trace.step().getSeconds());
    assertEquals(c.start(), trace.start());
    assertArrayEquals(c.perSecond(), LongStream.range(0, trace.seconds()).mapToDouble(trace::rpsAt).toArray());
  }

  record Bad(String name, String text, TraceFormat format, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> bad() {
    return Stream.of(
        new Bad("a value that is not a number", "0,10\n1,lots\n", TraceFormat.CSV,
            "t.txt:2: rps 'lots' is not a number"),
        new Bad("a negative rate", "0,-1\n", TraceFormat.CSV, "t.txt:1: rps -1 must be finite and not negative"),
        new Bad("NaN", "0,NaN\n", TraceFormat.CSV, "t.txt:1: rps NaN must be finite and not negative"),
        new Bad("three fields", "0,1,2\n", TraceFormat.CSV, "t.txt:1: expected 'time,rps', got '0,1,2'"),
        new Bad("times that go back", "0,1\n5,1\n3,1\n", TraceFormat.CSV, "t.txt:3: times must increase"),
        new Bad("a time between seconds", "0,1\n0.5,1\n", TraceFormat.CSV,
            "t.txt:2: time 0.5 is not on a whole second"),
        new Bad("times of both kinds", "0,1\n1998-06-26T00:00:00Z,1\n", TraceFormat.CSV,
            "t.txt:2: '1998-06-26T00:00:00Z' mixes RFC 3339 times and seconds from the start"),
        new Bad("a time without its offset", "1998-06-26T00:00:00,1\n", TraceFormat.CSV,
            "t.txt:1: '1998-06-26T00:00:00' is not an RFC 3339 time (for example 1998-06-26T00:00:00Z)"),
        new Bad("only a header", "time,rps\n", TraceFormat.CSV, "t.txt: no 'time,rps' points"),
        new Bad("an empty counts file", "\n# nothing\n", TraceFormat.COUNTS, "t.txt: no request counts"),
        new Bad("a count that is not a number", "1 2 x\n", TraceFormat.COUNTS,
            "t.txt:1: request count 'x' is not a number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void refuses(Bad c) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TraceParser.parse("t.txt", c.text(), c.format(), Duration.ofSeconds(1)));
    assertEquals(c.message(), e.getMessage());
  }

  private static double[] perSecond(int seconds, double... values) {
    double[] out = new double[seconds * values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i / seconds];
    }
    return out;
  }
}
