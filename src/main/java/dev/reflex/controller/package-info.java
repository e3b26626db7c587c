/**
 * The controllers that make Reflex scale: IntelligentHorizontalPodAutoscaler (portraits merged by priority, gray
 * planning, the ReplicaProfile it owns), HorizontalPortrait (one {@link dev.reflex.controller.PortraitGenerator}
 * per algorithm: KubeHPA, KPA, Forecast, ExternalJob) and ReplicaProfile (online/cutoff/standby realised on the
 * workload through {@code /scale}, pod labels and the readiness-gate condition).
 *
 * <p>Each controller is level-triggered: informer events, timers and resyncs only enqueue a key into a
 * {@link dev.reflex.controller.KeyedWorkQueue}, which runs at most one reconcile per key at a time and coalesces
 * triggers that arrive meanwhile. Reconciles read the informer caches, decide with the pure core, and write through
 * asynchronous REST calls; a reconcile that changes nothing writes nothing. The mapping from the API's typed model and
 * JSON to the core's records lives in {@link dev.reflex.controller.ApiMapping} alone.
 */
package dev.reflex.controller;
