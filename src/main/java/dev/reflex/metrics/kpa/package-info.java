/**
 * Event-driven KPA on streamed samples: {@link dev.reflex.metrics.kpa.StreamedKpaEngine} (plain Java, time passed
 * in) keeps a window and a KPA state per registered workload and decides at once when a batch crosses the panic
 * threshold or raises the recommendation, otherwise at most once per decision interval;
 * {@link dev.reflex.metrics.kpa.StreamedKpa} is the verticle around it that reads {@code reflex.metrics.sample} and
 * publishes {@link dev.reflex.bus.MetricsPortrait}s on {@code reflex.metrics.portrait}.
 */
package dev.reflex.metrics.kpa;
