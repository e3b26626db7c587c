/**
 * Streamed metrics: samples pushed by Prometheus remote-write or read from Kafka are decoded ({@code ingest}),
 * routed to the workload they describe ({@code routing}), kept in per-target 1-second windows ({@code window}) and
 * turned into event-driven KPA recommendations ({@code kpa}); {@code load} generates traffic for the embedded
 * cluster through the same remote-write path. Verticles here are thin; the logic lives in plain classes that take
 * the time as an argument.
 */
package dev.reflex.metrics;
