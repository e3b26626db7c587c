package dev.reflex.metrics.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.core.kpa.Sample;
import dev.reflex.metrics.routing.DropReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeriesWindowTest {

  /** One offered sample: series, timestamp (ms), value. */
  record Offer(String series, long ts, double value) {
  }

  static Offer o(String series, long ts, double value) {
    return new Offer(series, ts, value);
  }

  /** Expected drained entry: second, value. */
  static double[] e(long second, double value) {
    return new double[] {second, value};
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("two pods in one second add up", 3, 10_000, 60,
            List.of(o("a", 10_100, 3), o("b", 10_500, 4)), Arrays.asList((DropReason) null, null),
            List.of(e(10, 7))),
        Arguments.of("a silent pod holds its value into the next second", 3, 10_000, 60,
            List.of(o("a", 10_100, 3), o("b", 10_500, 4), o("a", 11_100, 5)), Arrays.asList(null, null, null),
            List.of(e(10, 7), e(11, 9))),
        Arguments.of("a gap is filled with the held total", 3, 10_000, 60,
            List.of(o("a", 10_000, 2), o("a", 13_000, 2)), Arrays.asList(null, null),
            List.of(e(10, 2), e(11, 2), e(12, 2), e(13, 2))),
        Arguments.of("same timestamp twice is a duplicate", 3, 10_000, 60,
            List.of(o("a", 10_000, 2), o("a", 10_000, 2)), Arrays.asList(null, DropReason.DUPLICATE),
            List.of(e(10, 2))),
        Arguments.of("an older timestamp of the same series is out of order", 3, 10_000, 60,
            List.of(o("a", 10_500, 2), o("a", 10_400, 9)), Arrays.asList(null, DropReason.OUT_OF_ORDER),
            List.of(e(10, 2))),
        Arguments.of("a sample older than the horizon is out of order", 3, 100_000, 5,
            List.of(o("a", 20_000, 2), o("b", 15_000, 9)), Arrays.asList(null, DropReason.OUT_OF_ORDER),
            List.of(e(20, 2))),
        Arguments.of("a late sample of another series counts from the newest second", 3, 10_000, 60,
            List.of(o("a", 11_000, 2), o("b", 10_900, 3)), Arrays.asList(null, null),
            List.of(e(11, 5))),
        Arguments.of("a series beyond the cap is refused", 2, 10_000, 60,
            List.of(o("a", 10_000, 1), o("b", 10_000, 1), o("c", 10_000, 1)),
            Arrays.asList(null, null, DropReason.SERIES_LIMIT), List.of(e(10, 2))),
        Arguments.of("a stale series is evicted and frees its slot", 2, 3_000, 60,
            List.of(o("a", 10_000, 1), o("b", 10_000, 1), o("b", 14_000, 1), o("c", 14_000, 5)),
            Arrays.asList(null, null, null, null),
            List.of(e(10, 2), e(11, 2), e(12, 2), e(13, 2), e(14, 6))),
        Arguments.of("a gap longer than the horizon emits only the horizon", 3, 100_000, 3,
            List.of(o("a", 10_000, 4), o("a", 30_000, 6)), Arrays.asList(null, null),
            List.of(e(10, 4), e(28, 4), e(29, 4), e(30, 6))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void offersAndTotals(String name, int maxSeries, long staleMillis, int horizon, List<Offer> offers,
      List<DropReason> outcomes, List<double[]> expected) {
    SeriesWindow window = new SeriesWindow(maxSeries, staleMillis, horizon);
    List<DropReason> got = new ArrayList<>();
    for (Offer offer : offers) {
      got.add(window.offer(offer.series(), offer.ts(), offer.value()));
    }
    assertEquals(outcomes, got, "drop reasons");
    List<Sample> drained = window.drain();
    // Buckets as the KPA window will hold them: sum of the drained entries per second.
    List<String> totals = new ArrayList<>();
    java.util.Map<Long, Double> perSecond = new java.util.TreeMap<>();
    drained.forEach(s -> perSecond.merge(s.time().getEpochSecond(), s.value(), Double::sum));
    perSecond.forEach((sec, v) -> totals.add(sec + "=" + v));
    List<String> want = expected.stream().map(x -> (long) x[0] + "=" + x[1]).toList();
    assertEquals(want, totals, "per-second totals");
    assertEquals(List.of(), window.drain(), "a second drain is empty");
  }
}
