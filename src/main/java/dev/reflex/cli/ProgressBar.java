package dev.reflex.cli;

import dev.reflex.backtest.Backtest;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr for long runs: one line, redrawn with a carriage return when the percentage moves, ended
 * with a newline.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean enabled;
  private String lastPolicy;
  private int lastPercent = -1;

  /** A bar that draws only when {@code enabled}. */
  ProgressBar(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void show(Backtest.Progress progress) {
    if (!enabled) {
      return;
    }
    int percent = (int) Math.floor(progress.done() * 100);
    String policy = progress.policy().label();
    if (percent == lastPercent && policy.equals(lastPolicy)) {
      return;
    }
    if (lastPolicy != null && !policy.equals(lastPolicy)) {
      err.println();
    }
    lastPercent = percent;
    lastPolicy = policy;
    int filled = percent * WIDTH / 100;
    err.printf(Locale.ROOT, "\r%-15s [%s%s] %3d%%", policy, "#".repeat(filled), ".".repeat(WIDTH - filled), percent);
    err.flush();
  }

  void done() {
    if (enabled && lastPolicy != null) {
      err.println();
    }
  }
}
