/**
 * Runs the built-in forecaster for a HorizontalPortrait: turns its metrics (the predictive conventions: resource
 * target, ready pods, traffic) into history queries on a {@link dev.reflex.metrics.query.MetricHistory}, aligns the
 * answers, and fits the pure {@link dev.reflex.core.forecast.Forecaster} on a worker thread, never the event loop.
 */
package dev.reflex.forecast;
