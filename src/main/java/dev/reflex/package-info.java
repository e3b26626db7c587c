/**
 * Reflex, an event-driven horizontal autoscaler compatible with the IntelligentHorizontalPodAutoscaler API.
 *
 * <p>{@link dev.reflex.Main} wires everything by constructor; the packages below it each have one job and say so
 * in their own {@code package-info.java}.
 */
package dev.reflex;
