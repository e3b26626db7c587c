/**
 * Wiring: builds the Vert.x instance with its metrics registry, the Kubernetes client and worker pool, and deploys
 * Reflex's verticles in dependency order, by constructor, with no container and no lookups.
 */
package dev.reflex.app;
