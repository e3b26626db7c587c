/**
 * Streamed values for KubeHPA portraits: the newest sample of each pod for the metrics those portraits read, and
 * the trigger that asks for an HPA decision at once when a batch pushes the values past a watched target's
 * scale-up tolerance. The decision itself stays with the HPA algorithm in the portrait controller; this package
 * only says "now", and with which values.
 */
package dev.reflex.metrics.kubehpa;
