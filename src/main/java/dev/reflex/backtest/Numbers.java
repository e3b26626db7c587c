package dev.reflex.backtest;

/** How the backtest's reports write numbers. */
public final class Numbers {

  private Numbers() {
  }

  /** A whole number without its {@code .0} (100), anything else as Java writes it (0.5). */
  public static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
  }
}
