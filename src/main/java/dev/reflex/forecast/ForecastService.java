package dev.reflex.forecast;

import dev.reflex.api.v1alpha1.ForecastPortraitAlgorithm;
import dev.reflex.core.GoDuration;
import dev.reflex.core.forecast.Forecast;
import dev.reflex.core.forecast.ForecastInput;
import dev.reflex.core.forecast.ForecastSpec;
import dev.reflex.core.forecast.Forecaster;
import dev.reflex.core.forecast.RegularSeries;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricSeries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a portrait's history and fits the forecaster off the event loop. Like Kapacity's algorithm job it asks
 * for {@code historyLength} up to {@code now} at a one-minute step and uses the first series of each answer.
 */
public final class ForecastService {

  /** Step of the history queries. */
  public static final Duration STEP = Duration.ofMinutes(1);

  private final MetricHistory history;
  private final WorkerExecutor workers;

  /** Uses a shared worker pool named {@code reflex-forecast} of {@code threads} threads for fitting. */
  public ForecastService(Vertx vertx, MetricHistory history, int threads) {
    this.history = history;
    this.workers = vertx.createSharedWorkerExecutor("reflex-forecast", threads);
  }

  /**
   * Forecasts replicas for the planned queries with the algorithm's fields (defaults: history 168h, season 24h,
   * scalingFreq 10m, horizon 1h). Fails with an {@link IllegalArgumentException} whose message names the problem
   * (too little history, a metric with no data), or with the metric source's own failure.
   */
  public Future<Forecast> forecast(PredictiveQueries queries, ForecastPortraitAlgorithm algorithm, Instant now) {
    Duration historyLength;
    ForecastSpec spec;
    try {
      historyLength = historyLength(algorithm);
      spec = spec(algorithm, queries.targetPerReplica());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), STEP.toMillis()) * STEP.toMillis());
    Instant start = end.minus(historyLength);
    int count = (int) (historyLength.toMillis() / STEP.toMillis()) + 1;
    List<MetricQuery> all = new ArrayList<>();
    all.add(queries.usage());
    all.add(queries.replicas());
    all.addAll(queries.traffic());
    List<Future<List<MetricSeries>>> answers = new ArrayList<>();
    for (MetricQuery q : all) {
      answers.add(history.query(q, start, end, STEP));
    }
    return Future.all(answers).compose(done -> {
      List<RegularSeries> grids = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        List<MetricSeries> series = answers.get(i).result();
        if (series.isEmpty()) {
          String which = i == 0 ? "metrics[0] (resource usage)" : i == 1 ? "metrics[1] (ready pods)"
              : "metrics[" + i + "] (traffic)";
          return Future.failedFuture(new IllegalArgumentException("history: no data for " + which + " between "
              + start + " and " + end));
        }
        grids.add(grid(series.get(0), start, count));
      }
      ForecastInput input = new ForecastInput(grids.subList(2, grids.size()), grids.get(0), grids.get(1));
      return workers.executeBlocking(() -> Forecaster.forecast(input, spec, now), false);
    });
  }

  /**
   * The history a fit reads: {@code forecast.historyLength}, default 168h.
   *
   * @param algorithm the portrait's {@code algorithm.forecast}, or null for the defaults
   * @throws IllegalArgumentException naming the field that is not a Go duration
   */
  public static Duration historyLength(ForecastPortraitAlgorithm algorithm) {
    return duration(algorithm == null ? null : algorithm.historyLength(), "168h", "forecast.historyLength");
  }

  /**
   * The fit's settings: season (default 24h), scalingFreq (10m), horizon (1h) and lead time (0s) of the algorithm,
   * and the per-replica target.
   *
   * @throws IllegalArgumentException naming the field that is not a Go duration
   */
  public static ForecastSpec spec(ForecastPortraitAlgorithm algorithm, double targetPerReplica) {
    ForecastPortraitAlgorithm a = algorithm == null
        ? new ForecastPortraitAlgorithm(null, null, null, null, null) : algorithm;
    return new ForecastSpec(duration(a.seasonalityPeriod(), "24h", "forecast.seasonalityPeriod"),
        duration(a.scalingFreq(), "10m", "forecast.scalingFreq"),
        duration(a.forecastHorizon(), "1h", "forecast.forecastHorizon"),
        duration(a.leadTime(), "0s", "forecast.leadTime"), targetPerReplica);
  }

  /** Releases the worker pool. */
  public Future<Void> close() {
    return workers.close();
  }

  private static RegularSeries grid(MetricSeries series, Instant start, int count) {
    List<MetricPoint> points = series.points();
    long[] times = new long[points.size()];
    double[] values = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      times[i] = points.get(i).timestampMillis();
      values[i] = points.get(i).value();
    }
    return RegularSeries.onGrid(start, STEP, count, times, values);
  }

  /** Reads a metav1.Duration field with the same Go parser validation uses, so what passed validation parses. */
  private static Duration duration(String text, String fallback, String field) {
    try {
      return GoDuration.parse(text == null || text.isBlank() ? fallback : text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }
}
