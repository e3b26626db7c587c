package dev.reflex.metrics.hpa;

import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link MetricHistory} that records every query and answers from a function: canned samples, a failure, or a
 * promise left pending until the test completes it.
 */
final class FakeHistory implements MetricHistory {

  static final Instant SAMPLED = Instant.parse("2026-01-01T11:59:30Z");

  final List<MetricQuery> queries = new ArrayList<>();
  final List<Promise<List<MetricSample>>> pending = new ArrayList<>();
  private final Function<MetricQuery, Future<List<MetricSample>>> answer;

  FakeHistory(Function<MetricQuery, Future<List<MetricSample>>> answer) {
    this.answer = answer;
  }

  /** Answers every query with the same samples. */
  static FakeHistory answering(List<MetricSample> samples) {
    return new FakeHistory(q -> Future.succeededFuture(samples));
  }

  /** Leaves every query pending in {@link #pending}. */
  static FakeHistory pendingForever() {
    FakeHistory[] self = new FakeHistory[1];
    self[0] = new FakeHistory(q -> {
      Promise<List<MetricSample>> promise = Promise.promise();
      self[0].pending.add(promise);
      return promise.future();
    });
    return self[0];
  }

  /** A sample of a pod's series, as resource and pods rules group them. */
  static MetricSample pod(String pod, double value) {
    return sample(Map.of("pod", pod), value, Optional.empty());
  }

  static MetricSample sample(Map<String, String> labels, double value, Optional<Duration> window) {
    return new MetricSample(new MetricPoint(SAMPLED.toEpochMilli(), value), labels, window);
  }

  @Override
  public Future<List<MetricSample>> queryLatest(MetricQuery query) {
    queries.add(query);
    return answer.apply(query);
  }

  @Override
  public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
    throw new AssertionError("a KubeHPA read never asks for a range");
  }
}
