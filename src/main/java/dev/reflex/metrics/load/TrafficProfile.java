package dev.reflex.metrics.load;

import dev.reflex.backtest.Trace;
import dev.reflex.backtest.TraceFormat;
import dev.reflex.backtest.TraceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Demand over time for one workload: total concurrent requests (summed over its pods) at a time since the start.
 * Pure: the same elapsed time always gives the same demand.
 */
public sealed interface TrafficProfile {

  /** Total concurrent requests at {@code elapsed} since the generator started; finite and not negative. */
  double at(Duration elapsed);

  /** The same demand all the time. */
  record Constant(double level) implements TrafficProfile {
    public Constant {
      requireLevel("level", level);
    }

    @Override
    public double at(Duration elapsed) {
      return level;
    }
  }

  /** {@code before} until {@code at}, {@code after} from then on. */
  record Step(double before, double after, Duration at) implements TrafficProfile {
    public Step {
      requireLevel("before", before);
      requireLevel("after", after);
    }

    @Override
    public double at(Duration elapsed) {
      return elapsed.compareTo(at) < 0 ? before : after;
    }
  }

  /**
   * {@code base}, with a burst to {@code peak} that starts {@code start} into every {@code period} and lasts
   * {@code length}. Example: base 5, peak 80, start 15 s, length 20 s, period 60 s: 80 from 15 s to 35 s, 75 s to
   * 95 s, and so on.
   */
  record Spike(double base, double peak, Duration start, Duration length, Duration period) implements TrafficProfile {
    public Spike {
      requireLevel("base", base);
      requireLevel("peak", peak);
      if (period.isZero() || period.isNegative() || start.plus(length).compareTo(period) > 0) {
        throw new IllegalArgumentException("spike: start + length must fit in a positive period");
      }
    }

    @Override
    public double at(Duration elapsed) {
      long inPeriod = Math.floorMod(elapsed.toMillis(), period.toMillis());
      return inPeriod >= start.toMillis() && inPeriod < start.plus(length).toMillis() ? peak : base;
    }
  }

  /** {@code mean + amplitude · sin(2π t / period)}, never below 0. */
  record Periodic(double mean, double amplitude, Duration period) implements TrafficProfile {
    public Periodic {
      requireLevel("mean", mean);
      if (!Double.isFinite(amplitude) || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("periodic: amplitude must be finite and the period positive");
      }
    }

    @Override
    public double at(Duration elapsed) {
      double phase = 2 * Math.PI * elapsed.toMillis() / period.toMillis();
      return Math.max(0, mean + amplitude * Math.sin(phase));
    }
  }

  /**
   * A recorded trace replayed in a loop, {@code speed} of its seconds per real second, each value times
   * {@code perValue}: 1 for a trace of concurrent requests, {@link PodLoad#REQUEST_SECONDS} for one of requests per
   * second (the unit of {@code reflex backtest}'s traces). Example: a trace of 0 s, 10 s and 20 s lasts 30 s and then
   * starts again; at speed 2 it lasts 15 real seconds.
   */
  record Replay(Trace trace, double perValue, double speed) implements TrafficProfile {
    public Replay {
      Objects.requireNonNull(trace, "trace");
      requireLevel("perValue", perValue);
      if (!(speed > 0) || Double.isInfinite(speed)) {
        throw new IllegalArgumentException("load speed must be a number above 0, was " + speed);
      }
    }

    @Override
    public double at(Duration elapsed) {
      long second = (long) Math.floor(elapsed.toMillis() * speed / 1000.0);
      return trace.rpsAt(Math.floorMod(second, trace.seconds())) * perValue;
    }
  }

  /**
   * A profile by name, as {@code --load NAME} takes it: {@code constant} (10), {@code constant:N}, {@code step}
   * (5 → 50 after 20 s), {@code spike} (5, bursting to 80 from 15 s to 35 s of every minute), {@code periodic}
   * (30 ± 25 over two minutes), {@code csv:PATH} (lines {@code seconds,demand}: concurrent requests; {@code #}
   * comments) or {@code trace:PATH} (a {@code reflex backtest} CSV trace of requests per second, replayed at
   * {@code speed}); both traces loop.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static TrafficProfile named(String name) {
    return named(name, 1);
  }

  /** {@link #named(String)}, a {@code trace:PATH} replayed {@code speed} of its seconds per real second. */
  public static TrafficProfile named(String name, double speed) {
    String n = name.trim();
    String lower = n.toLowerCase(Locale.ROOT);
    if (lower.startsWith("csv:")) {
      return new Replay(parse(Path.of(n.substring(4))), 1, 1);
    }
    if (lower.startsWith("trace:")) {
      return new Replay(parse(Path.of(n.substring(6))), PodLoad.REQUEST_SECONDS, speed);
    }
    if (lower.startsWith("constant:")) {
      try {
        return new Constant(Double.parseDouble(n.substring(9)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("load profile '" + name + "': constant:N needs a number", e);
      }
    }
    return switch (lower) {
      case "constant" -> new Constant(10);
      case "step" -> new Step(5, 50, Duration.ofSeconds(20));
      case "spike" -> new Spike(5, 80, Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(60));
      case "periodic" -> new Periodic(30, 25, Duration.ofMinutes(2));
      default -> throw new IllegalArgumentException("unknown load profile '" + name
          + "' (want constant, constant:N, step, spike, periodic, csv:PATH or trace:PATH)");
    };
  }

  private static Trace parse(Path path) {
    try {
      return parseCsv(path.getFileName().toString(), Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read load trace " + path, e);
    }
  }

  /**
   * Parses a CSV trace with the backtest's parser: {@code seconds,value} lines, each value held until the next;
   * blank lines and {@code #} comments are skipped.
   *
   * @throws IllegalArgumentException naming the line
   */
  static Trace parseCsv(String name, String text) {
    return TraceParser.parse(name, text, TraceFormat.CSV, Duration.ofSeconds(1));
  }

  private static void requireLevel(String field, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(field + " must be a finite number ≥ 0, was " + value);
    }
  }
}
