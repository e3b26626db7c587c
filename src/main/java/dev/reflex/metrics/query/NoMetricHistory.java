package dev.reflex.metrics.query;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The metric source when none is configured: every query fails as unavailable, saying which key to set. */
public final class NoMetricHistory implements MetricHistory {

  private final String reason;

  /** @param reason why there is no source, e.g. {@code prometheus.address is not set} */
  public NoMetricHistory(String reason) {
    this.reason = reason;
  }

  @Override
  public Future<List<MetricSample>> queryLatest(MetricQuery query) {
    return Future.failedFuture(new MetricQueryException(MetricQueryException.Kind.UNAVAILABLE,
        "no metric source: " + reason));
  }

  @Override
  public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
    return queryLatest(query).map(x -> List.of());
  }
}
