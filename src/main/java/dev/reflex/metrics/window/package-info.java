/**
 * Per-target windows of streamed samples: {@link dev.reflex.metrics.window.SeriesWindow} keeps the newest value of
 * each live series of one (workload, metric) and turns arriving samples into per-second revision totals for the
 * KPA's 1-second bucket windows, with a cap on series, eviction of stale series and rejection of duplicate and
 * out-of-order samples. Single-threaded plain Java; the caller passes the time.
 */
package dev.reflex.metrics.window;
