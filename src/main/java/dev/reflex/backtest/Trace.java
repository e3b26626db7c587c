package dev.reflex.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Requests per second over time: one value per {@code step}, held for the whole step.
 *
 * <p>Example: a counts trace "600 1200" with a 1-minute step is 10 rps for the first minute, 20 for the second;
 * {@link #rpsAt} answers for every second of those two minutes.
 */
public final class Trace {

  private final String name;
  private final Instant start;
  private final long stepSeconds;
  private final double[] rps;

  /**
   * @param name what the trace is called in reports (a file name)
   * @param start the instant of the first step (virtual time starts there)
   * @param step the length of one value, whole seconds, at least 1 s
   * @param rps requests per second of each step, finite and not negative; at least one
   */
  public Trace(String name, Instant start, Duration step, double[] rps) {
    this.name = Objects.requireNonNull(name, "name");
    this.start = Objects.requireNonNull(start, "start");
    if (step.toMillis() % 1000 != 0 || step.getSeconds() < 1) {
      throw new IllegalArgumentException("step: must be whole seconds, at least 1s, was " + step);
    }
    this.stepSeconds = step.getSeconds();
    if (rps.length == 0) {
      throw new IllegalArgumentException("a trace needs at least one value");
    }
    for (double v : rps) {
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException("requests per second must be finite and not negative, was " + v);
      }
    }
    this.rps = rps.clone();
  }

  public String name() {
    return name;
  }

  public Instant start() {
    return start;
  }

  public Duration step() {
    return Duration.ofSeconds(stepSeconds);
  }

  /** How many seconds the trace covers. */
  public long seconds() {
    return stepSeconds * rps.length;
  }

  /** The demand during second {@code second} since the start (0 ≤ second &lt; {@link #seconds()}). */
  public double rpsAt(long second) {
    return rps[(int) (second / stepSeconds)];
  }

  /** The requests of the whole trace. */
  public double totalRequests() {
    double total = 0;
    for (double v : rps) {
      total += v * stepSeconds;
    }
    return total;
  }

  /** The highest requests per second of any step. */
  public double peakRps() {
    double peak = 0;
    for (double v : rps) {
      peak = Math.max(peak, v);
    }
    return peak;
  }

  /** The same trace with every value multiplied by {@code factor} (finite, not negative). */
  public Trace scaled(double factor) {
    if (!Double.isFinite(factor) || factor < 0) {
      throw new IllegalArgumentException("trace-scale: must be a finite number, not negative, was " + factor);
    }
    double[] out = new double[rps.length];
    for (int i = 0; i < rps.length; i++) {
      out[i] = rps[i] * factor;
    }
    return new Trace(name, start, step(), out);
  }

  /**
   * The part from {@code offset} on, {@code duration} long (null: to the end). Both are cut to whole steps: an
   * offset of 90 s in a 1-minute trace starts at its second minute.
   *
   * @throws IllegalArgumentException when the window starts at or after the end, or is shorter than one step
   */
  public Trace window(Duration offset, Duration duration) {
    long from = offset.getSeconds() / stepSeconds;
    if (offset.isNegative() || from >= rps.length) {
      throw new IllegalArgumentException("offset: " + offset + " is outside the trace, which lasts "
          + Duration.ofSeconds(seconds()));
    }
    long to = rps.length;
    if (duration != null) {
      long steps = duration.getSeconds() / stepSeconds;
      if (steps < 1) {
        throw new IllegalArgumentException("duration: " + duration + " is shorter than one step of the trace ("
            + step() + ")");
      }
      to = Math.min(rps.length, from + steps);
    }
    double[] out = new double[(int) (to - from)];
    System.arraycopy(rps, (int) from, out, 0, out.length);
    return new Trace(name, start.plusSeconds(from * stepSeconds), step(), out);
  }
}
