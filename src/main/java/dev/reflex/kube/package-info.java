/**
 * Adapters to the Kubernetes API. Reads come from fabric8 informers whose callbacks only hop onto a Vert.x context
 * and publish to the bus; writes are asynchronous HTTP calls through {@link dev.reflex.kube.KubeRest} on the real
 * API contract (JSON merge patches on {@code /scale} and {@code /status}); the few blocking fabric8 calls left run
 * on the one bounded pool of {@link dev.reflex.kube.KubeOps}. Nothing in this package may block an event loop.
 */
package dev.reflex.kube;
