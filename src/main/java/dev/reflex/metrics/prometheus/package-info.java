/**
 * Prometheus as a metric source: the prometheus-adapter compatible rules file ({@code resourceRules}, {@code rules},
 * {@code externalRules}, Kapacity's {@code workloadPodNamePatterns}), its parser, the pure pieces that turn a
 * {@link dev.reflex.metrics.query.MetricQuery} into PromQL (template rendering, resource-to-label mapping, metric
 * naming), the non-blocking HTTP API client, and {@link dev.reflex.metrics.prometheus.PrometheusMetricHistory} which
 * puts them together.
 */
package dev.reflex.metrics.prometheus;
