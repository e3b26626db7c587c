/**
 * Who is calling Reflex's HTTP endpoints: bearer tokens checked with the cluster's TokenReview API
 * ({@code http.auth: kubernetes}), as kube-rbac-proxy and metrics-server check theirs, with the answers cached for a
 * while so that a Prometheus writing every second costs one review per TTL, not one per batch.
 *
 * <p>{@link BearerAuthHandler} is the Vert.x handler in front of every route but the probes; {@link TokenCache} is
 * the pure, clock-driven cache; {@link TokenReviewer} the one call to the API server.
 */
package dev.reflex.http.auth;
