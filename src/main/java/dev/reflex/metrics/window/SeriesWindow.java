package dev.reflex.metrics.window;

import dev.reflex.core.kpa.Sample;
import dev.reflex.metrics.routing.DropReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The live series of one (workload, metric) and the per-second revision totals they add up to.
 *
 * <p><b>Sample and hold.</b> The KPA wants, for every second, the workload's total (say, concurrent requests over
 * all pods). Pods are scraped at their own moments and not necessarily every second, so each series holds its newest
 * value until it reports again or goes stale; the total of a second is the sum of the held values at the end of
 * that second. Example: pods a and b report 3 and 4 at second 10, a reports 5 at second 11 and b is silent: second
 * 10 totals 7, second 11 totals 5 + 4 = 9.
 *
 * <p><b>Emitted as deltas.</b> The KPA's bucket window adds what is recorded in a second, so this window emits, per
 * second, the held total when the second opens and then the change each sample makes: for the example, (10, 3),
 * (10, 4), (11, 7) then (11, +2); buckets read 7 and 9. {@link #drain()} hands out what accumulated since the last
 * call, merged per second, so a decision never receives more entries than seconds passed.
 *
 * <p>Rules per sample: a timestamp equal to its series' newest is a {@link DropReason#DUPLICATE}; an older one is
 * {@link DropReason#OUT_OF_ORDER}, as is one older than the window's horizon. A sample for an older second than the
 * window's newest (pods interleave within a remote-write batch) changes the held total from the newest second on,
 * because earlier seconds were already handed to the KPA. Series that did not report for {@code staleAfterMillis}
 * are evicted when time moves on, and a new series beyond {@code maxSeries} live ones is refused
 * ({@link DropReason#SERIES_LIMIT}), which bounds memory per target.
 */
public final class SeriesWindow {

  private static final class Series {
    long timestamp;
    double value;
  }

  private final int maxSeries;
  private final long staleAfterMillis;
  private int horizonSeconds;
  private final Map<String, Series> series = new HashMap<>();
  private double heldTotal;
  private boolean started;
  private long newestSecond;
  private final List<Sample> pending = new ArrayList<>();

  /**
   * @param maxSeries live series at most
   * @param staleAfterMillis a series silent this long is evicted
   * @param horizonSeconds seconds of history that matter (the KPA stable window); older samples are refused
   */
  public SeriesWindow(int maxSeries, long staleAfterMillis, int horizonSeconds) {
    if (maxSeries < 1 || staleAfterMillis < 1 || horizonSeconds < 1) {
      throw new IllegalArgumentException("maxSeries, staleAfterMillis and horizonSeconds must be positive");
    }
    this.maxSeries = maxSeries;
    this.staleAfterMillis = staleAfterMillis;
    this.horizonSeconds = horizonSeconds;
  }

  /** Changes the horizon (the stable window changed). */
  public void horizon(int seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("horizon must be at least one second");
    }
    horizonSeconds = seconds;
  }

  /**
   * Offers one sample.
   *
   * @param seriesId the series identity
   * @param timestampMillis the sample time
   * @param value finite, not negative
   * @return null when accepted, else why not
   */
  public DropReason offer(String seriesId, long timestampMillis, double value) {
    long second = Math.floorDiv(timestampMillis, 1000L);
    Series s = series.get(seriesId);
    if (s != null) {
      if (timestampMillis == s.timestamp) {
        return DropReason.DUPLICATE;
      }
      if (timestampMillis < s.timestamp) {
        return DropReason.OUT_OF_ORDER;
      }
    }
    if (started && second <= newestSecond - horizonSeconds) {
      return DropReason.OUT_OF_ORDER;
    }
    if (!started || second > newestSecond) {
      advance(second);
      s = series.get(seriesId); // advancing may have evicted it
    }
    if (s == null) {
      if (series.size() >= maxSeries) {
        evictOlderThan(timestampMillis - staleAfterMillis);
        if (series.size() >= maxSeries) {
          return DropReason.SERIES_LIMIT;
        }
      }
      s = new Series();
      series.put(seriesId, s);
    }
    double delta = value - s.value;
    s.timestamp = timestampMillis;
    s.value = value;
    heldTotal += delta;
    if (delta != 0) {
      emit(newestSecond, delta);
    }
    return null;
  }

  /** Moves the newest second forward: evicts stale series and opens every new second with the held total. */
  private void advance(long second) {
    long from = started ? Math.max(newestSecond + 1, second - horizonSeconds + 1) : second;
    for (long s = from; s <= second; s++) {
      // A series holds its value while it is not stale at that second: reported at 10.0 s with 3 s staleness,
      // it still counts in second 13 and is gone in second 14.
      evictOlderThan(s * 1000L - staleAfterMillis);
      emit(s, heldTotal);
    }
    newestSecond = second;
    started = true;
  }

  private void evictOlderThan(long cutoffMillis) {
    boolean removed = false;
    for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
      if (it.next().timestamp < cutoffMillis) {
        it.remove();
        removed = true;
      }
    }
    if (removed) {
      // Recomputing (instead of subtracting) also clears the rounding error that running sums collect.
      double total = 0;
      for (Series s : series.values()) {
        total += s.value;
      }
      heldTotal = total;
    }
  }

  private void emit(long second, double value) {
    int last = pending.size() - 1;
    if (last >= 0 && pending.get(last).time().getEpochSecond() == second) {
      Sample merged = pending.get(last);
      pending.set(last, new Sample(merged.time(), merged.value() + value));
      return;
    }
    pending.add(new Sample(Instant.ofEpochSecond(second), value));
  }

  /** The per-second entries accumulated since the last drain, oldest first; clears them. */
  public List<Sample> drain() {
    List<Sample> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  /** The accumulated entries without clearing them. */
  public List<Sample> peek() {
    return List.copyOf(pending);
  }

  /** The sum of the held values of the live series. */
  public double heldTotal() {
    return heldTotal;
  }

  /** Live series. */
  public int seriesCount() {
    return series.size();
  }

  /** Epoch second of the newest sample, or {@link Long#MIN_VALUE} before the first. */
  public long newestSecond() {
    return started ? newestSecond : Long.MIN_VALUE;
  }
}
