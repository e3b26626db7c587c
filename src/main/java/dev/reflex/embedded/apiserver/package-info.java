/**
 * Reflex's own in-memory Kubernetes API server, on Vert.x: the ground the embedded default, the end-to-end tests
 * and the benchmarks stand on. It serves the documented API contract (objects with one monotonic resourceVersion,
 * get/list/watch/create/update/patch/delete with their preconditions and errors, subresources, discovery, OpenAPI,
 * tables, custom resources with structural schemas, garbage collection) so that kubectl, client-go and fabric8
 * cannot tell it from kube-apiserver for what Reflex and the seeds use.
 *
 * <p>Layout: pure pieces (schemas, validation, defaulting, patches, printing, apply) are plain functions over
 * {@code JsonObject}s with table-driven tests; {@code ApiServerVerticle} owns the store on one event loop and
 * turns HTTP requests into calls of them.
 */
package dev.reflex.embedded.apiserver;
