package dev.reflex.metrics.hpa;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One resource usage of one pod (or container) as the decision needs it.
 *
 * @param milli the usage in milli-units (millicores, milli-bytes)
 * @param at when it was sampled
 * @param window the span it was computed over, in Go duration syntax ({@code 1s}, {@code 180s}, {@code 1m0s})
 */
record Reading(long milli, Instant at, String window) {

  Reading {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(window, "window");
  }

  /** A duration in the Go syntax the decide document reads: 3 minutes → {@code 180s}, 1.5 s → {@code 1.5s}. */
  static String goDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
