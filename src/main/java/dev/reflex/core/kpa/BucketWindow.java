package dev.reflex.core.kpa;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A time window of 1-second buckets holding the sum of the values recorded in each second, averaged the way
 * Knative's metric buckets are.
 *
 * <p><b>Immutable, copied on write.</b> Every recording returns a new window; the bucket array is copied once per
 * {@link #recordAll} batch (a 60-bucket stable window is 480 bytes, about as much as one cache-friendly memcpy of
 * a few tens of nanoseconds), and reading an average copies nothing. That keeps the whole KPA state a plain value
 * that can be replayed and compared, while a decision still costs well under a microsecond; a mutable ring would
 * save only that single copy at the price of state that callers could corrupt by holding on to an old value.
 *
 * <p>Recording a value at second {@code t} (bucket {@code t mod n}) follows Knative:
 * <ul>
 *   <li>same second as the last write: added to that bucket;</li>
 *   <li>at least a whole window older than the last write: ignored;</li>
 *   <li>a whole window or more newer than the last write (or the very first write): all buckets are cleared and
 *       the first write restarts at {@code t};</li>
 *   <li>newer by less than a window: the buckets between the last write and {@code t} are zeroed first;</li>
 *   <li>older but inside the window: added to its bucket, moving the first write back if needed.</li>
 * </ul>
 * Linear average at second N with d = N − lastWrite: d ≤ 0 → total / min(lastWrite − firstWrite + 1, n);
 * 0 &lt; d &lt; n → (total − the d buckets after lastWrite) / min(lastWrite − firstWrite + 1, n − d); d ≥ n → 0;
 * rounded down to 6 decimals. A window written for only 6 s of a 60-s window averages over those 6 buckets, so a
 * new revision is not diluted by zeros: buckets 10, 20, 30 at t = 0, 1, 2 read 20 at t = 2, and at t = 3 read
 * (60 − 0) / min(3, 60 − 1) = 20.
 * Weighted average: m = max(1 − 0.0001^(1/n), 0.2), value = Σ bucket(lastWrite − i) · m(1 − m)^(i + d) over the
 * n − d newest buckets; 0 when nothing was written for more than a window.
 */
public final class BucketWindow {

  private static final double WEIGHT_PRECISION = 0.9999;
  private static final double MIN_SMOOTHING = 0.2;
  private static final double ROUNDING = 1e6;

  private final Aggregation aggregation;
  private final double[] buckets;
  private final boolean written;
  private final long firstWrite;
  private final long lastWrite;
  private final double total;

  private BucketWindow(Aggregation aggregation, double[] buckets, boolean written, long firstWrite, long lastWrite,
      double total) {
    this.aggregation = aggregation;
    this.buckets = buckets;
    this.written = written;
    this.firstWrite = firstWrite;
    this.lastWrite = lastWrite;
    this.total = total;
  }

  /** An empty window of {@code seconds} 1-second buckets. */
  public static BucketWindow empty(int seconds, Aggregation aggregation) {
    if (seconds < 1) {
      throw new IllegalArgumentException("window must have at least one bucket, was " + seconds);
    }
    return new BucketWindow(Objects.requireNonNull(aggregation), new double[seconds], false, 0, 0, 0);
  }

  /**
   * Rebuilds a window from its parts, as {@link #bucketsInRingOrder()} and the accessors expose them (used to
   * restore a serialized state).
   *
   * @param buckets the ring, index {@code second mod length}
   * @param total the running total Knative keeps (the sum of all buckets, accumulated in recording order)
   */
  public static BucketWindow restore(Aggregation aggregation, double[] buckets, long firstWrite, long lastWrite,
      double total) {
    if (buckets.length < 1) {
      throw new IllegalArgumentException("window must have at least one bucket");
    }
    if (firstWrite > lastWrite) {
      throw new IllegalArgumentException("firstWrite must not be after lastWrite");
    }
    for (double b : buckets) {
      if (!Double.isFinite(b)) {
        throw new IllegalArgumentException("buckets must be finite");
      }
    }
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("total must be finite");
    }
    return new BucketWindow(Objects.requireNonNull(aggregation), buckets.clone(), true, firstWrite, lastWrite,
        total);
  }

  /** Number of 1-second buckets (the window length in seconds). */
  public int seconds() {
    return buckets.length;
  }

  public Aggregation aggregation() {
    return aggregation;
  }

  /** Whether anything was ever recorded (a restored window always was). */
  public boolean written() {
    return written;
  }

  /** Epoch second of the earliest bucket counted in the linear average; meaningful only when {@link #written()}. */
  public long firstWrite() {
    return firstWrite;
  }

  /** Epoch second of the newest write; meaningful only when {@link #written()}. */
  public long lastWrite() {
    return lastWrite;
  }

  /** Knative's running total over all buckets. */
  public double total() {
    return total;
  }

  /** A copy of the ring of buckets, index {@code second mod seconds()}. */
  public double[] bucketsInRingOrder() {
    return buckets.clone();
  }

  /** The same data read with another algorithm. */
  public BucketWindow withAggregation(Aggregation other) {
    return other == aggregation ? this : new BucketWindow(other, buckets, written, firstWrite, lastWrite, total);
  }

  /**
   * The window resized to {@code seconds} buckets, as Knative resizes on a spec change: when data was written
   * within the old window before {@code nowSecond}, the newest min(old, new) buckets are kept and the first write
   * moves back to lastWrite − (old − 1); otherwise the window starts empty.
   */
  public BucketWindow resized(int seconds, long nowSecond) {
    if (seconds == buckets.length) {
      return this;
    }
    if (!written || nowSecond - lastWrite > buckets.length) {
      return empty(seconds, aggregation);
    }
    double[] resized = new double[seconds];
    double newTotal = 0;
    long second = lastWrite;
    for (int i = 0; i < Math.min(seconds, buckets.length); i++, second--) {
      double value = buckets[index(second, buckets.length)];
      resized[index(second, seconds)] = value;
      newTotal += value;
    }
    return new BucketWindow(aggregation, resized, true, lastWrite - (buckets.length - 1), lastWrite, newTotal);
  }

  /** This window with one more value recorded at {@code second} (epoch seconds). */
  public BucketWindow record(long second, double value) {
    Recorder recorder = new Recorder(this);
    recorder.record(second, value);
    return recorder.result(this);
  }

  /** This window with all samples recorded in order; the bucket array is copied at most once. */
  public BucketWindow recordAll(List<Sample> samples) {
    if (samples.isEmpty()) {
      return this;
    }
    Recorder recorder = new Recorder(this);
    for (Sample sample : samples) {
      recorder.record(sample.time().getEpochSecond(), sample.value());
    }
    return recorder.result(this);
  }

  /** True when nothing was recorded during the last window before {@code nowSecond} (Knative's "no data"). */
  public boolean isEmpty(long nowSecond) {
    return !written || nowSecond - lastWrite > buckets.length;
  }

  /** The window's value at {@code nowSecond} with this window's algorithm. */
  public double average(long nowSecond) {
    return aggregation == Aggregation.LINEAR ? linearAverage(nowSecond) : weightedAverage(nowSecond);
  }

  private double linearAverage(long now) {
    if (!written) {
      return 0;
    }
    int n = buckets.length;
    long d = now - lastWrite;
    long span = lastWrite - firstWrite + 1;
    if (d <= 0) {
      return floor6(total / Math.min(span, n));
    }
    if (d < n) {
      double sum = total;
      for (long s = lastWrite + 1; s <= now; s++) {
        sum -= buckets[index(s, n)];
      }
      return floor6(sum / Math.min(span, n - d));
    }
    return 0;
  }

  private double weightedAverage(long now) {
    if (isEmpty(now)) {
      return 0;
    }
    int n = buckets.length;
    double m = smoothing(n);
    double multiplier = m;
    int count = n;
    if (now > lastWrite) {
      long zeros = now - lastWrite;
      multiplier = m * Math.pow(1 - m, zeros);
      count -= (int) zeros;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += buckets[index(lastWrite - i, n)] * multiplier;
      multiplier *= 1 - m;
    }
    return sum;
  }

  /**
   * Knative's smoothing coefficient: the largest weight decay that still gives the newest n buckets a weight sum
   * of 0.9999, but at least 0.2 (60 buckets → 0.2; 6 buckets → 1 − 0.0001^(1/6) ≈ 0.7846).
   */
  static double smoothing(int n) {
    return Math.max(1 - Math.pow(1 - WEIGHT_PRECISION, 1.0 / n), MIN_SMOOTHING);
  }

  private static double floor6(double value) {
    return Math.floor(value * ROUNDING) / ROUNDING;
  }

  private static int index(long second, int n) {
    return (int) Math.floorMod(second, (long) n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketWindow w && w.aggregation == aggregation && w.written == written
        && w.firstWrite == firstWrite && w.lastWrite == lastWrite && Double.compare(w.total, total) == 0
        && Arrays.equals(w.buckets, buckets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(aggregation, written, firstWrite, lastWrite, total, Arrays.hashCode(buckets));
  }

  @Override
  public String toString() {
    return "BucketWindow[" + aggregation.wireName() + ", " + buckets.length + "s, first=" + firstWrite + ", last="
        + lastWrite + ", total=" + total + "]";
  }

  /**
   * The only mutable piece: a private working copy used while one batch is recorded; it never escapes, and the
   * array it fills becomes the new window's.
   */
  private static final class Recorder {
    private double[] buckets;
    private boolean copied;
    private boolean written;
    private long firstWrite;
    private long lastWrite;
    private double total;

    Recorder(BucketWindow from) {
      this.buckets = from.buckets;
      this.written = from.written;
      this.firstWrite = from.firstWrite;
      this.lastWrite = from.lastWrite;
      this.total = from.total;
    }

    void record(long second, double value) {
      int n = buckets.length;
      if (!written || second != lastWrite) {
        if (written && second + n <= lastWrite) {
          return; // a whole window older than the newest data
        }
        ensureCopied();
        if (!written || firstWrite > second) {
          firstWrite = second;
        }
        if (!written || second > lastWrite) {
          if (!written || second - lastWrite >= n) {
            Arrays.fill(buckets, 0);
            total = 0;
            firstWrite = second;
          } else {
            for (long s = lastWrite + 1; s <= second; s++) {
              int i = index(s, n);
              total -= buckets[i];
              buckets[i] = 0;
            }
          }
          lastWrite = second;
        }
        written = true;
      }
      ensureCopied();
      buckets[index(second, n)] += value;
      total += value;
    }

    private void ensureCopied() {
      if (!copied) {
        buckets = buckets.clone();
        copied = true;
      }
    }

    BucketWindow result(BucketWindow from) {
      if (!copied) {
        return from;
      }
      return new BucketWindow(from.aggregation, buckets, written, firstWrite, lastWrite, total);
    }
  }
}
