package dev.reflex.core.kpa;

import java.util.Arrays;

/**
 * The maximum of the values recorded over the last {@code size} indexes, as Knative's scale-down-delay window
 * keeps it (2-second indexes: index = floor(epochSecond / 2), size = ceil(delay / 2 s)).
 *
 * <p>It stores only the "descending maxima": entries with ascending index and strictly descending value. A new
 * value first evicts every newer-or-equal-but-smaller entry from the tail (they can never be the maximum again),
 * then entries {@code size} or more indexes old leave from the head; a value recorded twice at one index keeps the
 * larger. The head is the current maximum. Example (size 3): record 5@0, 3@1, 4@2 → entries [5@0, 4@2], max 5;
 * record 1@3 → 5@0 is 3 indexes old and leaves: [4@2, 1@3], max 4.
 *
 * <p>Immutable: {@link #record} returns a new window (at most {@code size} entries are copied).
 */
public final class MaxWindow {

  private final int size;
  private final long[] indexes;
  private final int[] values;

  private MaxWindow(int size, long[] indexes, int[] values) {
    this.size = size;
    this.indexes = indexes;
    this.values = values;
  }

  /** An empty window covering {@code size} indexes. */
  public static MaxWindow empty(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    return new MaxWindow(size, new long[0], new int[0]);
  }

  /**
   * Rebuilds a window from its entries (as {@link #indexes()} and {@link #values()} return them).
   *
   * @throws IllegalArgumentException when the values are not strictly descending or the entries are more than
   *     {@code size}
   */
  public static MaxWindow restore(int size, long[] indexes, int[] values) {
    if (size < 1 || indexes.length != values.length || indexes.length > size) {
      throw new IllegalArgumentException("entries do not fit a window of size " + size);
    }
    for (int i = 1; i < indexes.length; i++) {
      if (values[i] >= values[i - 1]) {
        throw new IllegalArgumentException("entries must have strictly descending values");
      }
    }
    return new MaxWindow(size, indexes.clone(), values.clone());
  }

  /** The number of indexes the window covers. */
  public int size() {
    return size;
  }

  /** The kept entries' indexes, oldest first (a copy). */
  public long[] indexes() {
    return indexes.clone();
  }

  /** The kept entries' values, largest (oldest) first (a copy). */
  public int[] values() {
    return values.clone();
  }

  /** The window with {@code value} recorded at {@code index}. */
  public MaxWindow record(long index, int value) {
    int length = indexes.length;
    while (length > 0 && value >= values[length - 1]) {
      length--;
    }
    int first = 0;
    while (first < length && index - indexes[first] >= size) {
      first++;
    }
    int v = value;
    if (length > first && indexes[length - 1] == index) {
      v = Math.max(v, values[length - 1]);
      length--;
    }
    int kept = length - first;
    long[] newIndexes = Arrays.copyOfRange(indexes, first, first + kept + 1);
    int[] newValues = Arrays.copyOfRange(values, first, first + kept + 1);
    newIndexes[kept] = index;
    newValues[kept] = v;
    if (newIndexes.length > size) {
      // Only reachable when indexes go backwards; keep the newest entries so the window stays bounded.
      int drop = newIndexes.length - size;
      newIndexes = Arrays.copyOfRange(newIndexes, drop, newIndexes.length);
      newValues = Arrays.copyOfRange(newValues, drop, newValues.length);
    }
    return new MaxWindow(size, newIndexes, newValues);
  }

  /** The maximum over the window; 0 when nothing was recorded. */
  public int current() {
    return values.length == 0 ? 0 : values[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaxWindow w && w.size == size && Arrays.equals(w.indexes, indexes)
        && Arrays.equals(w.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * size + Arrays.hashCode(indexes)) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "MaxWindow[size=" + size + ", indexes=" + Arrays.toString(indexes) + ", values="
        + Arrays.toString(values) + "]";
  }
}
