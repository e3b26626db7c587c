package dev.reflex.metrics.ingest;

import java.util.Objects;

/**
 * One decoded series before routing: labels as two index-aligned arrays (cheaper than a map for the few lookups
 * routing makes) and its samples as two index-aligned arrays.
 *
 * @param names label names
 * @param values label values
 * @param timestamps sample timestamps, milliseconds since the epoch
 * @param samples sample values
 * @param seriesId the series identity ({@code name=value,…} of every label but {@code __name__}) when the decoder
 *     already built it, else null and routing builds it
 */
public record RawSeries(String[] names, String[] values, long[] timestamps, double[] samples, String seriesId) {

  /** A series whose identity routing will build. */
  public RawSeries(String[] names, String[] values, long[] timestamps, double[] samples) {
    this(names, values, timestamps, samples, null);
  }

  public RawSeries {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(timestamps, "timestamps");
    Objects.requireNonNull(samples, "samples");
    if (names.length != values.length) {
      throw new IllegalArgumentException("label names and values differ in length");
    }
    if (timestamps.length != samples.length) {
      throw new IllegalArgumentException("timestamps and values differ in length");
    }
  }

  /** Number of samples. */
  public int size() {
    return samples.length;
  }
}
