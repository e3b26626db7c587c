package dev.reflex.metrics.prometheus;

import dev.reflex.metrics.query.MetricQueryException;

/** Builders of the failures the Prometheus client reports. */
final class PrometheusException {

  private PrometheusException() {
  }

  static MetricQueryException unavailable(String address, String reason, Throwable cause) {
    return new MetricQueryException(MetricQueryException.Kind.UNAVAILABLE, "Prometheus at " + address
        + " is unavailable: " + reason, cause);
  }

  static MetricQueryException rejected(String promql, String reason) {
    return new MetricQueryException(MetricQueryException.Kind.INVALID, "Prometheus rejected the query " + promql
        + ": " + reason);
  }

  static MetricQueryException failed(String reason) {
    return new MetricQueryException(MetricQueryException.Kind.FAILED, "failed to query metrics: " + reason);
  }
}
