package dev.reflex.core.forecast;

import dev.reflex.core.portrait.TimeSeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in forecaster: history in, replica portrait out.
 *
 * <ol>
 *   <li>Gaps in the history are filled by linear interpolation (more than half missing is an error).</li>
 *   <li>Each traffic metric is forecast with additive Holt-Winters ({@link HoltWinters}) from the end of the
 *       history to {@code now + horizon}; negative forecasts are clipped to 0.</li>
 *   <li>{@link ReplicaModel} turns forecast traffic into replicas for the per-replica target.</li>
 *   <li>Each forecast step is raised to what the history needed at similar traffic (every traffic metric within 5%):
 *       the replicas that would have held usage at the target then, {@code ceil(usage / target)}.</li>
 *   <li>Steps are grouped into {@code scalingFreq} buckets aligned to the epoch, from the bucket holding
 *       {@code now}, and each bucket takes its maximum, at least 1. With a lead time, a step also counts in every
 *       bucket that overlaps the lead before it, so its replicas are asked for that much earlier.</li>
 * </ol>
 *
 * <p>Example: 1-minute history, scalingFreq 10m, horizon 1h, now 11:04: buckets 11:00, 11:10, ... 12:00, each the
 * largest of its ten per-minute replica forecasts; the portrait expires at 12:10. With a lead time of 2m, the
 * forecast for 11:21 also counts in the bucket of 11:10 (11:19 falls in it), so pods that take two minutes to start
 * serve at 11:21.
 */
public final class Forecaster {

  /** How close traffic must be (relative) for a history point to set the floor of a forecast step. */
  public static final double SIMILAR_TRAFFIC = 0.05;

  private Forecaster() {
  }

  /**
   * Forecasts the replicas.
   *
   * @throws IllegalArgumentException naming the problem: too little history, a season that is not a whole number
   *     of steps, a target at or below an idle replica's usage, too many gaps
   */
  public static Forecast forecast(ForecastInput input, ForecastSpec spec, Instant now) {
    Duration step = input.usage().step();
    if (spec.seasonality().toMillis() % step.toMillis() != 0) {
      throw new IllegalArgumentException("seasonalityPeriod: " + spec.seasonality() + " is not a whole number of "
          + "history steps (" + step + ")");
    }
    if (spec.scalingFreq().compareTo(step) < 0) {
      throw new IllegalArgumentException("scalingFreq: must be at least the history step " + step);
    }
    int m = (int) (spec.seasonality().toMillis() / step.toMillis());
    int n = input.usage().size();
    if (n < 2 * m) {
      throw new IllegalArgumentException("historyLength: the forecaster needs at least two seasonality periods of "
          + "history (" + 2 * m + " steps of " + step + "), got " + n);
    }
    Instant lastTime = input.usage().timeAt(n - 1);
    Instant end = now.plus(spec.horizon());
    if (!end.isAfter(lastTime)) {
      throw new IllegalArgumentException("history: ends at " + lastTime + ", after the forecast horizon " + end);
    }
    // A lead time asks for the steps up to one lead past the horizon in the last buckets.
    int steps = (int) Math.ceil((double) Duration.between(lastTime, end.plus(spec.lead())).toMillis()
        / step.toMillis());
    int h = (int) Math.min(Integer.MAX_VALUE, Math.max(1, spec.horizon().toMillis() / step.toMillis()));

    List<double[]> history = new ArrayList<>();
    List<RegularSeries> trafficForecast = new ArrayList<>();
    List<Double> fitErrors = new ArrayList<>();
    for (int i = 0; i < input.traffic().size(); i++) {
      double[] x = filled(input.traffic().get(i).values(), "traffic metric " + i);
      history.add(x);
      HoltWinters.Fit fit = HoltWinters.fit(x, m, h);
      double[] f = new double[steps];
      for (int k = 1; k <= steps; k++) {
        f[k - 1] = Math.max(0, fit.forecast(k));
      }
      trafficForecast.add(new RegularSeries(lastTime.plus(step), step, f));
      fitErrors.add(fit.mape());
    }
    double[] usage = input.usage().values();
    double[] replicas = input.replicas().values();
    ReplicaModel model = ReplicaModel.fit(history, usage, replicas);

    long freq = spec.scalingFreq().toMillis();
    long lead = spec.lead().toMillis();
    long firstBucket = Math.floorDiv(now.toEpochMilli(), freq) * freq;
    int buckets = (int) ((end.toEpochMilli() - firstBucket + freq - 1) / freq);
    int[] bucketMax = new int[buckets];
    double[] x = new double[history.size()];
    for (int k = 0; k < steps; k++) {
      long t = lastTime.plus(step.multipliedBy(k + 1L)).toEpochMilli();
      int b = (int) Math.floorDiv(t - firstBucket, freq);
      int earliest = (int) Math.max(0, Math.floorDiv(t - lead - firstBucket, freq));
      if (b < 0 || earliest >= buckets) {
        continue;
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = trafficForecast.get(i).get(k);
      }
      int r = Math.max(model.replicasFor(x, spec.targetPerReplica()), neededAtSimilarTraffic(history, usage, x,
          spec.targetPerReplica()));
      for (int a = earliest; a <= Math.min(b, buckets - 1); a++) {
        bucketMax[a] = Math.max(bucketMax[a], r);
      }
    }
    List<TimeSeriesPoint> points = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      points.add(new TimeSeriesPoint(Instant.ofEpochMilli(firstBucket + b * freq), Math.max(1, bucketMax[b])));
    }
    return new Forecast(points, Instant.ofEpochMilli(firstBucket + buckets * freq), trafficForecast, model,
        fitErrors);
  }

  /**
   * The most replicas any history point with traffic within {@link #SIMILAR_TRAFFIC} of {@code x} needed to keep
   * usage at the target; 0 when no point is that close.
   */
  public static int neededAtSimilarTraffic(List<double[]> history, double[] usage, double[] x, double target) {
    int most = 0;
    int n = usage.length;
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(usage[t])) {
        continue;
      }
      boolean similar = true;
      for (int i = 0; i < x.length && similar; i++) {
        double tolerance = SIMILAR_TRAFFIC * Math.max(Math.abs(x[i]), 1e-9);
        similar = Math.abs(history.get(i)[t] - x[i]) <= tolerance;
      }
      if (similar) {
        most = Math.max(most, (int) Math.ceil(usage[t] / target - 1e-9));
      }
    }
    return most;
  }

  // Linear interpolation over gaps; leading and trailing gaps take the nearest value.
  static double[] filled(double[] values, String what) {
    int n = values.length;
    int missing = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        missing++;
      }
    }
    if (missing * 2 > n) {
      throw new IllegalArgumentException("history: " + what + " is missing " + missing + " of " + n + " values");
    }
    double[] out = values.clone();
    int previous = -1;
    for (int i = 0; i <= n; i++) {
      if (i < n && !Double.isFinite(out[i])) {
        continue;
      }
      int gapFrom = previous + 1;
      for (int j = gapFrom; j < i; j++) {
        if (previous < 0) {
          out[j] = out[i];
        } else if (i == n) {
          out[j] = out[previous];
        } else {
          out[j] = out[previous] + (out[i] - out[previous]) * (j - previous) / (i - previous);
        }
      }
      previous = i;
    }
    return out;
  }
}
