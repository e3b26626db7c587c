/**
 * The metric query model shared by the gRPC ProviderService, KubeHPA metrics and the built-in forecaster: the seven
 * query types of Kapacity's metric provider as records, the plain result records (samples, series, points), the
 * {@link dev.reflex.metrics.query.MetricHistory} interface that backends implement, and the Kubernetes
 * label-selector parser used by pod, object and metric selectors.
 */
package dev.reflex.metrics.query;
