package dev.reflex.bench;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * A latency histogram in nanoseconds (HdrHistogram, 3 significant digits), safe to record into from several event
 * loops; values above five minutes are clamped rather than lost, so a collapsing server still shows in p99.
 */
final class Latencies {

  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(5);

  private final Histogram histogram = new SynchronizedHistogram(MAX_NANOS, 3);

  void record(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos, MAX_NANOS)));
  }

  long count() {
    return histogram.getTotalCount();
  }

  /** The value at the percentile (0–100) in milliseconds, 0 when nothing was recorded. */
  double millisAt(double percentile) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
  }

  /** {@code {"count":N,"p50Ms":..,"p99Ms":..,"maxMs":..}} with the given name prefix on the percentile keys. */
  JsonObject summary(String prefix) {
    return new JsonObject().put(prefix + "P50Ms", BenchCluster.round(millisAt(50), 3))
        .put(prefix + "P99Ms", BenchCluster.round(millisAt(99), 3))
        .put(prefix + "MaxMs", BenchCluster.round(count() == 0 ? 0 : histogram.getMaxValue() / 1e6, 3));
  }
}
