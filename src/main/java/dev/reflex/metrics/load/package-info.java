/**
 * Simulated traffic for the embedded default: a {@link dev.reflex.metrics.load.TrafficProfile} says how much demand
 * a workload sees over time, and the {@link dev.reflex.metrics.load.LoadGenerator} turns it into per-pod
 * concurrency, rps and CPU samples sent through Reflex's own remote-write receiver, the same path Prometheus uses.
 */
package dev.reflex.metrics.load;
