package dev.reflex.core.kpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scale-down-delay maximum over the last {@code size} indexes. */
class MaxWindowTest {

  /** Records {index, value} in order and expects the maximum after each. */
  record Case(String name, int size, long[][] records, int[] wantAfterEach) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static long[][] r(long... pairs) {
    long[][] out = new long[pairs.length / 2][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
    }
    return out;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("a single value is the maximum", 3, r(0, 5), new int[] {5}),
        new Case("a larger value replaces the maximum at once", 3, r(0, 5, 1, 9), new int[] {5, 9}),
        new Case("a smaller value waits until the larger leaves the window", 3, r(0, 5, 1, 3, 2, 4, 3, 1, 4, 0, 5, 0),
            new int[] {5, 5, 5, 4, 4, 1}),
        new Case("values in one index keep the larger", 2, r(0, 5, 0, 3, 0, 7), new int[] {5, 5, 7}),
        new Case("a jump longer than the window forgets everything older", 3, r(0, 9, 10, 1), new int[] {9, 1}),
        new Case("an increasing series follows the newest value", 4, r(0, 1, 1, 2, 2, 3), new int[] {1, 2, 3}),
        new Case("a window of one index is just the latest value", 1, r(0, 8, 1, 2, 2, 5), new int[] {8, 2, 5}),
        new Case("equal values refresh the entry's age", 2, r(0, 5, 1, 5, 2, 1), new int[] {5, 5, 5}),
        new Case("10 s delay at 2 s ticks: 8 holds for 5 ticks", 5, r(0, 8, 1, 3, 2, 3, 3, 3, 4, 3, 5, 3),
            new int[] {8, 8, 8, 8, 8, 3}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tracksTheMaximum(Case c) {
    MaxWindow w = MaxWindow.empty(c.size());
    int[] got = new int[c.records().length];
    for (int i = 0; i < got.length; i++) {
      w = w.record(c.records()[i][0], (int) c.records()[i][1]);
      got[i] = w.current();
    }
    assertArrayEquals(c.wantAfterEach(), got);
  }

  @Test
  void emptyWindowReadsZero() {
    assertEquals(0, MaxWindow.empty(3).current());
  }

  @Test
  void restoreKeepsTheEntriesAndRejectsUnsortedOnes() {
    MaxWindow w = MaxWindow.empty(3).record(0, 5).record(1, 3);
    assertEquals(w, MaxWindow.restore(3, w.indexes(), w.values()));
    assertThrows(IllegalArgumentException.class, () -> MaxWindow.restore(3, new long[] {0, 1}, new int[] {3, 5}));
    assertThrows(IllegalArgumentException.class, () -> MaxWindow.restore(1, new long[] {0, 1}, new int[] {5, 3}));
  }
}
