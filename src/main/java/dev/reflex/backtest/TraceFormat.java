package dev.reflex.backtest;

import java.util.Locale;

/** How a trace file is written. */
public enum TraceFormat {
  /** {@code time,rps} lines: time in seconds from the start or RFC 3339; a header line is allowed. */
  CSV,
  /** Whitespace-separated request counts, one per step. */
  COUNTS;

  /** The format named {@code csv} or {@code counts}. */
  public static TraceFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trace-format: must be csv or counts, was '" + name + "'");
    }
  }
}
