/**
 * The gRPC server of Kapacity's metric ProviderService ({@code io.kapacitystack.metric.ProviderService}), which
 * predictive algorithm jobs call for history: the mapping between the wire messages and the metric query model,
 * the service implementation on a {@link dev.reflex.metrics.query.MetricHistory}, and the verticle that serves it.
 */
package dev.reflex.grpc;
