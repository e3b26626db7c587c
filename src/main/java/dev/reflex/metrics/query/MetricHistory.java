package dev.reflex.metrics.query;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A source of metric values and history: Prometheus through adapter-style rules today, Reflex's own in-memory
 * windows later. Calls never block; failures are {@link MetricQueryException}s whose
 * {@link MetricQueryException#kind()} tells a bad query from an unavailable backend.
 */
public interface MetricHistory {

  /** The latest value of each series the query selects. */
  Future<List<MetricSample>> queryLatest(MetricQuery query);

  /** Each selected series over {@code [start, end]} at {@code step}. */
  Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step);
}
