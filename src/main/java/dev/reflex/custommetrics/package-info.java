/**
 * The custom and external metrics APIs ({@code custom.metrics.k8s.io} v1beta2 and v1beta1,
 * {@code external.metrics.k8s.io} v1beta1) served from what Reflex already holds: the newest streamed sample of
 * each series first, then Prometheus through the prometheus-adapter rules of {@code prometheus.metrics-config}. A
 * plain HorizontalPodAutoscaler on a Pods, Object or External metric then reads values seconds old instead of a
 * scrape interval plus a rate window behind.
 *
 * <p>The request grammar ({@link MetricsApiPaths}), the answers ({@link MetricsApiJson}) and the streamed store
 * ({@link StreamedSamples}) are plain code; {@link MetricsApiSource} picks the source of each answer and
 * {@link MetricsApiVerticle} is the HTTPS server the aggregation layer proxies to. {@link MetricsApiHistory} is
 * the client side, reading those APIs through an API server as the HPA controller does.
 */
package dev.reflex.custommetrics;
