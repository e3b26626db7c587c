package dev.reflex.core.pods;

import java.util.ArrayList;
import java.util.List;

/**
 * A stable top-down merge sort driven by a "less" predicate. It never throws on an inconsistent order (the
 * result is then some permutation consistent with the pairwise decisions it made), which is what the
 * ReplicaSet controller's own sort gives as well.
 */
final class StableSort {

  private StableSort() {
  }

  static List<PodInfo> sort(List<PodInfo> pods, PodLess order) {
    List<PodInfo> items = new ArrayList<>(pods);
    if (items.size() < 2) {
      return items;
    }
    List<PodInfo> buffer = new ArrayList<>(items);
    mergeSort(items, buffer, 0, items.size(), order);
    return items;
  }

  private static void mergeSort(List<PodInfo> items, List<PodInfo> buffer, int from, int to, PodLess order) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(items, buffer, from, mid, order);
    mergeSort(items, buffer, mid, to, order);
    int left = from;
    int right = mid;
    for (int i = from; i < to; i++) {
      // Take from the right half only when it is strictly "less": equal pods keep their input order.
      if (left < mid && (right >= to || !order.less(items.get(right), items.get(left)))) {
        buffer.set(i, items.get(left++));
      } else {
        buffer.set(i, items.get(right++));
      }
    }
    for (int i = from; i < to; i++) {
      items.set(i, buffer.get(i));
    }
  }
}
