package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * The watch cache of one resource: its latest changes in a ring. A watch or consistent list from a
 * resourceVersion the ring no longer reaches back to is answered 410 Gone, as kube-apiserver answers once its
 * cache has moved on; clients then list afresh.
 */
final class WatchLog {

  private final Change[] ring;
  private int start;
  private int size;
  /** The highest resourceVersion whose change has left the ring (0: nothing lost yet). */
  private long evictedThrough;

  WatchLog(int capacity) {
    this.ring = new Change[capacity];
  }

  void add(Change change) {
    if (size == ring.length) {
      evictedThrough = ring[start].resourceVersion();
      ring[start] = change;
      start = (start + 1) % ring.length;
    } else {
      ring[(start + size) % ring.length] = change;
      size++;
    }
  }

  /** Drops every change kept: nothing before {@code resourceVersion} can be replayed any more. */
  void expire(long resourceVersion) {
    java.util.Arrays.fill(ring, null);
    start = 0;
    size = 0;
    evictedThrough = resourceVersion;
  }

  /** Whether every change after {@code resourceVersion} is still here. */
  boolean reaches(long resourceVersion) {
    return resourceVersion >= evictedThrough;
  }

  long evictedThrough() {
    return evictedThrough;
  }

  /** The changes after {@code resourceVersion}, oldest first; callers check {@link #reaches} first. */
  List<Change> since(long resourceVersion) {
    List<Change> result = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Change change = ring[(start + i) % ring.length];
      if (change.resourceVersion() > resourceVersion) {
        result.add(change);
      }
    }
    return result;
  }
}
