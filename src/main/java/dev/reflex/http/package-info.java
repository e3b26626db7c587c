/**
 * Reflex's HTTP server: liveness ({@code /healthz}), readiness ({@code /readyz}, true once every registered check
 * passes, e.g. informers synced), Prometheus metrics ({@code /metrics}) and the event-bus taps. Other packages add
 * their routes through {@link dev.reflex.http.HttpVerticle}'s route contributors.
 */
package dev.reflex.http;
