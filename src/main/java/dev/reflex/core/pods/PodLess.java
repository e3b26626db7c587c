package dev.reflex.core.pods;

/**
 * "Should {@code a} be removed before {@code b}?". A predicate rather than a {@code Comparator} because the
 * ReplicaSet order is not guaranteed transitive (pods in the same age bucket are ordered by UID while pods with
 * equal timestamps fall through to restart counts), and {@code List.sort} may throw on such orders.
 */
@FunctionalInterface
interface PodLess {

  boolean less(PodInfo a, PodInfo b);
}
