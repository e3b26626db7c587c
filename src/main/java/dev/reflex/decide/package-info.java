/**
 * {@code reflex decide}: the what-if command that feeds one JSON document to a core algorithm and prints its
 * decision as JSON. Each algorithm has a {@link dev.reflex.decide.DecideAlgorithm} that maps the user's
 * Kubernetes-shaped JSON onto core records and back; the command itself only reads, dispatches and prints.
 */
package dev.reflex.decide;
