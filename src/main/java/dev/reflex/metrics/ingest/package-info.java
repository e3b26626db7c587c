/**
 * Ingest paths: the Prometheus remote-write receiver ({@code POST /api/v1/write}) and the Kafka consumer, the
 * payload decoders they share, and {@link dev.reflex.metrics.ingest.SampleIngest}, which validates, routes and
 * publishes accepted samples on {@code reflex.metrics.sample}.
 */
package dev.reflex.metrics.ingest;
