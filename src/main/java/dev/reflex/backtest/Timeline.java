package dev.reflex.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * One policy's run over time for plots: the seconds gathered into at most {@code maxPoints} equal buckets, each
 * with the means of its seconds, so a week of seconds draws as fast as an hour.
 */
public final class Timeline {

  /**
   * One bucket.
   *
   * @param startSecond its first second since the start
   * @param demand mean requests per second
   * @param capacity mean requests per second the serving pods could take
   * @param pods mean pods, starting and parked ones included
   * @param unserved mean requests per second left unserved
   */
  public record Point(long startSecond, double demand, double capacity, double pods, double unserved) {
  }

  private final long bucketSeconds;
  private final List<Point> points = new ArrayList<>();
  private long bucketStart;
  private int count;
  private double demand;
  private double capacity;
  private double pods;
  private double unserved;

  /** A timeline of a run of {@code seconds}, in at most {@code maxPoints} buckets. */
  public Timeline(long seconds, int maxPoints) {
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be at least 1");
    }
    this.bucketSeconds = Math.max(1, (seconds + maxPoints - 1) / maxPoints);
  }

  /** The length of one bucket, in seconds. */
  public long bucketSeconds() {
    return bucketSeconds;
  }

  void second(long second, double secondDemand, double secondCapacity, int secondPods) {
    if (count > 0 && second >= bucketStart + bucketSeconds) {
      flush();
    }
    if (count == 0) {
      bucketStart = second - second % bucketSeconds;
    }
    count++;
    demand += secondDemand;
    capacity += secondCapacity;
    pods += secondPods;
    unserved += Math.max(0, secondDemand - secondCapacity);
  }

  private void flush() {
    points.add(new Point(bucketStart, demand / count, capacity / count, pods / count, unserved / count));
    count = 0;
    demand = 0;
    capacity = 0;
    pods = 0;
    unserved = 0;
  }

  /** The buckets so far, the last one possibly partial. */
  public List<Point> points() {
    List<Point> out = new ArrayList<>(points);
    if (count > 0) {
      out.add(new Point(bucketStart, demand / count, capacity / count, pods / count, unserved / count));
    }
    return out;
  }
}
