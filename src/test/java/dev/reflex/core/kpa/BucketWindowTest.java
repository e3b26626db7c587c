package dev.reflex.core.kpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recording and averaging of 1-second bucket windows, linear and weighted, with Knative's edge rules. */
class BucketWindowTest {

  /** Records given as {second, value} pairs, then the window is read at {@code now}. */
  record Case(String name, int seconds, Aggregation aggregation, double[][] records, long now, double want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case linear(String name, int seconds, double[][] records, long now, double want) {
    return new Case(name, seconds, Aggregation.LINEAR, records, now, want);
  }

  private static Case weighted(String name, int seconds, double[][] records, long now, double want) {
    return new Case(name, seconds, Aggregation.WEIGHTED_EXPONENTIAL, records, now, want);
  }

  private static double[][] r(double... pairs) {
    double[][] out = new double[pairs.length / 2][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {pairs[2 * i], pairs[2 * i + 1]};
    }
    return out;
  }

  static Stream<Case> cases() {
    double m6 = 1 - Math.pow(0.0001, 1.0 / 6);
    return Stream.of(
        linear("empty window averages 0", 60, r(), 100, 0),
        linear("a single bucket averages to itself", 60, r(100, 10), 100, 10),
        linear("a partly filled window averages over the written buckets only", 60, r(0, 10, 1, 20, 2, 30), 2, 20),
        linear("values recorded in the same second add up", 60, r(5, 3, 5, 4), 5, 7),
        linear("a missing second inside the data counts as zero", 60, r(0, 10, 2, 20), 2, 10),
        linear("reading one second after the last write shrinks nothing yet", 60, r(0, 10, 1, 20, 2, 30), 3, 20),
        linear("a full window averages over all buckets", 5, r(0, 10, 1, 10, 2, 10, 3, 10, 4, 10), 4, 10),
        linear("reading later drops the seconds that left the window", 5, r(0, 1, 1, 2, 2, 3, 3, 4, 4, 5), 6, 4),
        linear("a whole window after the last write reads 0", 5, r(0, 10), 5, 0),
        linear("just under a window after the last write still reads the data", 5, r(0, 10), 4, 10),
        linear("averages are rounded down to 6 decimals", 60, r(0, 1, 1, 1, 2, 0), 2, 0.666666),
        linear("a long gap inside the window is zeros: 120 over 31 s", 60, r(0, 60, 30, 60), 30, 3.870967),
        linear("the ring wraps and a new second replaces the oldest", 5, r(0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 10), 5,
            2.8),
        linear("a write a whole window after the last one restarts the window", 5, r(0, 10, 5, 20), 5, 20),
        linear("a write a window older than the newest data is ignored", 5, r(10, 10, 5, 100), 10, 10),
        linear("an older write inside the window moves the first write back", 5, r(10, 10, 8, 20), 10, 10),
        linear("reading before the last write divides the whole total", 60, r(10, 10, 11, 20), 9, 15),
        linear("negative seconds map into the ring like positive ones", 5, r(-3, 4, -2, 6), -2, 5),
        linear("one-bucket window holds only the current second", 1, r(0, 5, 1, 7), 1, 7),
        linear("one-bucket window reads 0 a second later", 1, r(0, 5), 1, 0),
        linear("six-bucket panic window sees only the last six seconds", 6,
            r(0, 100, 1, 100, 2, 100, 3, 100, 4, 100, 5, 100, 6, 10, 7, 10), 7, 70),
        weighted("weighted: one bucket of 10 with m = 0.2 is 2", 60, r(0, 10), 0, 2),
        weighted("weighted: newest bucket weighs m, the one before m(1-m)", 60, r(0, 10, 1, 20), 1, 5.6),
        weighted("weighted: each empty second since the last write decays by 1-m", 60, r(0, 10), 1, 1.6),
        weighted("weighted: exactly a window since the last write is 0", 60, r(0, 10), 60, 0),
        weighted("weighted: more than a window since the last write is 0", 60, r(0, 10), 61, 0),
        weighted("weighted: 6-bucket window uses m = 1 - 0.0001^(1/6)", 6, r(0, 10), 0, 10 * m6),
        weighted("weighted: recent lows weigh more (10,10,5,5 -> 5.049 with m = 0.9)", 4, r(0, 10, 1, 10, 2, 5, 3, 5),
            3, 5.049),
        weighted("weighted: recent highs weigh more (5,5,10,10 -> 9.9495 with m = 0.9)", 4,
            r(0, 5, 1, 5, 2, 10, 3, 10), 3, 9.9495),
        weighted("weighted: empty window is 0", 60, r(), 0, 0),
        weighted("weighted: values in one second add before weighting", 60, r(3, 4, 3, 6), 3, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void averages(Case c) {
    BucketWindow window = BucketWindow.empty(c.seconds(), c.aggregation());
    for (double[] rec : c.records()) {
      window = window.record((long) rec[0], rec[1]);
    }
    assertEquals(c.want(), window.average(c.now()), 1e-9);
  }

  @ParameterizedTest(name = "{0} (batch)")
  @MethodSource("cases")
  void batchRecordingMatchesOneByOne(Case c) {
    BucketWindow oneByOne = BucketWindow.empty(c.seconds(), c.aggregation());
    List<Sample> samples = new ArrayList<>();
    for (double[] rec : c.records()) {
      oneByOne = oneByOne.record((long) rec[0], rec[1]);
      samples.add(new Sample(Instant.ofEpochSecond((long) rec[0], 250_000_000), rec[1]));
    }
    BucketWindow batch = BucketWindow.empty(c.seconds(), c.aggregation()).recordAll(samples);
    assertEquals(oneByOne, batch);
  }

  @Test
  void smoothingCoefficientFollowsTheWindowLength() {
    assertEquals(0.2, BucketWindow.smoothing(60), 0);
    assertEquals(0.2, BucketWindow.smoothing(600), 0);
    assertEquals(0.9, BucketWindow.smoothing(4), 1e-12);
    assertEquals(0.784556, BucketWindow.smoothing(6), 1e-6);
  }

  @Test
  void emptinessMeansNothingWrittenForMoreThanAWindow() {
    BucketWindow w = BucketWindow.empty(5, Aggregation.LINEAR);
    assertTrue(w.isEmpty(0));
    w = w.record(0, 10);
    assertFalse(w.isEmpty(5));
    assertTrue(w.isEmpty(6));
  }

  @Test
  void recordingNeverChangesTheOriginal() {
    BucketWindow before = BucketWindow.empty(5, Aggregation.LINEAR).record(0, 10);
    BucketWindow after = before.record(1, 20);
    assertNotSame(before, after);
    assertEquals(10, before.average(0), 0);
    assertEquals(15, after.average(1), 0);
    double[] ring = after.bucketsInRingOrder();
    ring[0] = 1000;
    assertEquals(15, after.average(1), 0);
  }

  @Test
  void anIgnoredWriteReturnsTheSameWindow() {
    BucketWindow w = BucketWindow.empty(5, Aggregation.LINEAR).record(10, 1);
    assertSame(w, w.record(2, 5));
  }

  @Test
  void shrinkingKeepsTheNewestBuckets() {
    BucketWindow w = BucketWindow.empty(10, Aggregation.LINEAR);
    for (int s = 0; s < 10; s++) {
      w = w.record(s, s + 1);
    }
    BucketWindow shrunk = w.resized(5, 9);
    assertEquals(5, shrunk.seconds());
    assertEquals(40, shrunk.total(), 0);
    assertEquals(0, shrunk.firstWrite());
    assertEquals(8, shrunk.average(9), 0);
  }

  @Test
  void growingKeepsAllBuckets() {
    BucketWindow w = BucketWindow.empty(5, Aggregation.LINEAR);
    for (int s = 0; s < 5; s++) {
      w = w.record(s, s + 1);
    }
    BucketWindow grown = w.resized(10, 4);
    assertEquals(10, grown.seconds());
    assertEquals(3, grown.average(4), 0);
  }

  @Test
  void resizingStaleDataStartsEmpty() {
    BucketWindow w = BucketWindow.empty(5, Aggregation.LINEAR).record(0, 10).resized(10, 100);
    assertTrue(w.isEmpty(100));
    assertEquals(0, w.average(100), 0);
  }

  @Test
  void restoreRoundTripsTheParts() {
    BucketWindow w = BucketWindow.empty(5, Aggregation.WEIGHTED_EXPONENTIAL).record(3, 1.5).record(4, 2.25);
    BucketWindow back = BucketWindow.restore(w.aggregation(), w.bucketsInRingOrder(), w.firstWrite(),
        w.lastWrite(), w.total());
    assertEquals(w, back);
    assertEquals(w.average(6), back.average(6), 0);
  }
}
