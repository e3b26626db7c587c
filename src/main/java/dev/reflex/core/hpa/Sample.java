package dev.reflex.core.hpa;

import java.time.Duration;
import java.time.Instant;

/**
 * One pod's metric value during a calculation, with the sample's time and window (only cpu readiness reads them).
 * Filled-in values for missing or unready pods have no time.
 */
record Sample(long value, Instant timestamp, Duration window) {

  static Sample filled(long value) {
    return new Sample(value, null, null);
  }
}
