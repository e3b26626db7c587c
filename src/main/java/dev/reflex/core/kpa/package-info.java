/**
 * Knative's Pod Autoscaler (KPA) as a pure function: 1-second bucketed metric windows (linear and weighted
 * exponential averaging), the stable/panic decider with its rate limits, panic high-water mark, scale-down delay
 * and excess burst capacity, and the scaler step that applies min/max/initial scale and the scale-to-zero grace.
 * Configuration is read from Knative's {@code config-autoscaler} keys ({@link dev.reflex.core.kpa.KpaConfig}) and
 * resolved per target into a {@link dev.reflex.core.kpa.DeciderSpec}; {@link dev.reflex.core.kpa.Kpa#decide} is
 * the single entry point and returns the decision with the next {@link dev.reflex.core.kpa.KpaState}.
 */
package dev.reflex.core.kpa;
