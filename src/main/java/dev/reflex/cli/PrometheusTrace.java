package dev.reflex.cli;

import dev.reflex.backtest.RangeTrace;
import dev.reflex.backtest.Trace;
import dev.reflex.metrics.prometheus.PromResult;
import dev.reflex.metrics.prometheus.PrometheusClient;
import dev.reflex.metrics.query.MetricPoint;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The trace of {@code --prometheus URL --query Q --start T --end T}: one range query (split as Prometheus needs)
 * whose single series is the demand in requests per second, e.g. {@code sum(rate(http_requests_total[1m]))}.
 */
final class PrometheusTrace {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private PrometheusTrace() {
  }

  /**
   * @param notes told how many steps had no point
   * @throws UsageException naming what went wrong: Prometheus unreachable, an error it answered, not exactly one
   *     series
   */
  static Trace read(String url, String query, Instant start, Instant end, Duration step, Consumer<String> notes) {
    if (!end.isAfter(start)) {
      throw new UsageException("--end: must be after --start (" + start + ")");
    }
    Vertx vertx = Vertx.vertx();
    List<PromResult.Series> series;
    try {
      PrometheusClient client = new PrometheusClient(vertx, url, TIMEOUT);
      series = client.rangeAll(query, start, end, step).toCompletionStage().toCompletableFuture()
          .get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new UsageException("--prometheus: " + url + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new UsageException("--prometheus: " + url + " did not answer within " + TIMEOUT.toSeconds() * 2 + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("--prometheus: interrupted");
    } finally {
      vertx.close();
    }
    if (series.size() != 1) {
      throw new UsageException("--query: returned " + series.size() + " series; the demand is one series (sum it, "
          + "e.g. sum(rate(http_requests_total[1m])))");
    }
    List<MetricPoint> points = series.get(0).points();
    long[] times = points.stream().mapToLong(MetricPoint::timestampMillis).toArray();
    double[] values = points.stream().mapToDouble(MetricPoint::value).toArray();
    RangeTrace.Filled filled;
    try {
      filled = RangeTrace.of("prometheus: " + query, start, end, step, times, values);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--query: " + e.getMessage());
    }
    if (filled.filledSteps() > 0) {
      notes.accept(filled.filledSteps() + " of " + (filled.trace().seconds() / step.getSeconds()) + " steps had no "
          + "point and hold the value before them");
    }
    return filled.trace();
  }
}
