/**
 * The Kubernetes HorizontalPodAutoscaler algorithm ("KubeHPA") as a pure function: per-metric replica
 * calculation for the five metric sources, tolerance, pod readiness rules, the legacy and the {@code behavior}
 * normalization, and the conditions and events the upstream controller reports. {@link dev.reflex.core.hpa.KubeHpa}
 * is the entry point; everything it needs arrives as records and everything it remembers between reconciles travels
 * in {@link dev.reflex.core.hpa.HpaState}. Quantities are whole milli-units ({@code long}), as upstream exchanges
 * them, so that the rounding matches; parsing Kubernetes quantity strings happens outside the core.
 */
package dev.reflex.core.hpa;
