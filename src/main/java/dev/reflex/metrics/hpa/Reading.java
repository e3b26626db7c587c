package dev.reflex.metrics.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One resource usage of one pod (or container) as the decision needs it.
 *
 * @param milli the usage in milli-units (millicores, milli-bytes)
 * @param at when it was sampled
 * @param window the span it was computed over
 */
record Reading(long milli, Instant at, Duration window) {

  Reading {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(window, "window");
  }

}
