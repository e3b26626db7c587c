package dev.reflex.backtest;

import java.time.Duration;
import java.time.Instant;

/**
 * A trace from a range query's points (a user's Prometheus): one value per {@code step} from {@code start} to
 * {@code end}. A step without a point holds the value before it (the first ones take the first point), as
 * Prometheus' own lookback holds a series; how many were filled is reported.
 */
public final class RangeTrace {

  /** The trace and how many of its steps had no point. */
  public record Filled(Trace trace, int filledSteps) {
  }

  private RangeTrace() {
  }

  /**
   * @param timesMillis the points' times, increasing
   * @param values requests per second at those times
   * @throws IllegalArgumentException when there is no point, or a value is negative or not finite
   */
  public static Filled of(String name, Instant start, Instant end, Duration step, long[] timesMillis,
      double[] values) {
    if (timesMillis.length == 0) {
      throw new IllegalArgumentException("the query returned no points between " + start + " and " + end);
    }
    long stepMillis = step.toMillis();
    int steps = (int) ((end.toEpochMilli() - start.toEpochMilli()) / stepMillis) + 1;
    double[] rps = new double[steps];
    boolean[] seen = new boolean[steps];
    for (int i = 0; i < timesMillis.length; i++) {
      long offset = timesMillis[i] - start.toEpochMilli();
      if (offset < 0 || offset % stepMillis != 0 || offset / stepMillis >= steps) {
        continue;
      }
      if (!Double.isFinite(values[i]) || values[i] < 0) {
        throw new IllegalArgumentException("the query returned " + values[i] + " at " + Instant.ofEpochMilli(
            timesMillis[i]) + "; requests per second must be finite and not negative");
      }
      rps[(int) (offset / stepMillis)] = values[i];
      seen[(int) (offset / stepMillis)] = true;
    }
    int first = 0;
    while (first < steps && !seen[first]) {
      first++;
    }
    if (first == steps) {
      throw new IllegalArgumentException("the query returned no points on the " + step + " grid from " + start);
    }
    int filled = 0;
    for (int k = 0; k < steps; k++) {
      if (!seen[k]) {
        rps[k] = k < first ? rps[first] : rps[k - 1];
        filled++;
      }
    }
    return new Filled(new Trace(name, start, step, rps), filled);
  }
}
