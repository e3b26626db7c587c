package dev.reflex.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Values on a regular time grid: value {@code i} is at {@code start + i * step}; {@code NaN} marks a missing value.
 * The array is copied in and out, so instances are immutable.
 *
 * @param start time of the first value
 * @param step grid spacing, positive
 * @param values the values
 */
public record RegularSeries(Instant start, Duration step, double[] values) {

  public RegularSeries {
    Objects.requireNonNull(start, "start");
    if (step == null || step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("step: must be positive, got " + step);
    }
    values = values.clone();
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  public double get(int i) {
    return values[i];
  }

  /** Time of value {@code i}. */
  public Instant timeAt(int i) {
    return start.plus(step.multipliedBy(i));
  }

  /**
   * Puts (time, value) points on the grid {@code start + i * step}, {@code i < count}: each point goes to the nearest
   * grid slot; several points in one slot are averaged; slots without a point are {@code NaN}.
   */
  public static RegularSeries onGrid(Instant start, Duration step, int count, long[] timesMillis, double[] values) {
    double[] sum = new double[count];
    int[] n = new int[count];
    long s = start.toEpochMilli();
    long st = step.toMillis();
    for (int k = 0; k < timesMillis.length; k++) {
      long i = Math.round((timesMillis[k] - s) / (double) st);
      if (i >= 0 && i < count && Double.isFinite(values[k])) {
        sum[(int) i] += values[k];
        n[(int) i]++;
      }
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i];
    }
    return new RegularSeries(start, step, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegularSeries r && start.equals(r.start) && step.equals(r.step)
        && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, step, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "RegularSeries[start=" + start + ", step=" + step + ", size=" + values.length + "]";
  }
}
