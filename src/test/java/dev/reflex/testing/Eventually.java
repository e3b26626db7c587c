package dev.reflex.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds; for asynchronous outcomes in integration tests, never for timing claims. */
public final class Eventually {

  private Eventually() {
  }

  public static void until(Duration timeout, String what, Supplier<Boolean> condition) {
    until(timeout, what, condition, () -> "");
  }

  /**
   * As {@link #until(Duration, String, Supplier)}; on a timeout the message ends with {@code state}, read then, so
   * that a failure on a loaded CI machine says what the system looked like instead of only what was missing.
   */
  public static void until(Duration timeout, String what, Supplier<Boolean> condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
    String seen;
    try {
      seen = state.get();
    } catch (RuntimeException e) {
      seen = "(state unreadable: " + e + ")";
    }
    throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
        + (seen.isEmpty() ? "" : "; state: " + seen), last);
  }
}
