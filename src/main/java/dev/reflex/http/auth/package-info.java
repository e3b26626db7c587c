/**
 * Who is calling Reflex's HTTP endpoints and what they may do: bearer tokens checked with the cluster's TokenReview
 * API ({@code http.auth: kubernetes}) and remote-write checked per namespace with SubjectAccessReview, as
 * kube-rbac-proxy and metrics-server check theirs, with the answers cached for a while so that a Prometheus writing
 * every second costs one review per TTL, not one per batch.
 *
 * <p>{@link BearerAuthHandler} is the Vert.x handler in front of every route but the probes; {@link VerdictCache}
 * is the pure, clock-driven cache of both reviews; {@link TokenReviewer} and {@link AccessReviewer} the calls to the
 * API server; {@link SamplesAuthorizer} decides which namespaces a remote-write caller may write.
 */
package dev.reflex.http.auth;
