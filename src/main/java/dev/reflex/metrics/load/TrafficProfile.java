package dev.reflex.metrics.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
   * A recorded trace: points (seconds since start, demand), each level held until the next point; the trace loops
   * after its last point plus the gap before it (a trace of 0 s, 10 s, 20 s repeats every 30 s).
   */
  record Trace(List<double[]> points) implements TrafficProfile {
    public Trace {
      points = List.copyOf(points);
      if (points.isEmpty()) {
        throw new IllegalArgumentException("trace: needs at least one point");
      }
      double previous = -1;
      for (double[] p : points) {
        if (p.length != 2 || !(p[0] > previous)) {
          throw new IllegalArgumentException("trace: times must increase from 0");
        }
        requireLevel("trace value", p[1]);
        previous = p[0];
      }
    }

    @Override
    public double at(Duration elapsed) {
      double seconds = elapsed.toMillis() / 1000.0;
      double[] last = points.get(points.size() - 1);
      double gap = points.size() > 1 ? last[0] - points.get(points.size() - 2)[0] : 1;
      double length = last[0] + gap;
      double t = seconds % length;
      double level = points.get(0)[1];
      for (double[] p : points) {
        if (p[0] <= t) {
          level = p[1];
        } else {
          break;
        }
      }
      return level;
    }
  }

  /**
   * A profile by name, as {@code --load NAME} takes it: {@code constant} (10), {@code constant:N}, {@code step}
   * (5 → 50 after 20 s), {@code spike} (5, bursting to 80 from 15 s to 35 s of every minute), {@code periodic}
   * (30 ± 25 over two minutes) or {@code csv:PATH} (lines {@code seconds,demand}; {@code #} comments).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static TrafficProfile named(String name) {
    String n = name.trim();
    String lower = n.toLowerCase(Locale.ROOT);
    if (lower.startsWith("csv:")) {
      Path path = Path.of(n.substring(4));
      try {
        return parseCsv(Files.readString(path));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read load trace " + path, e);
      }
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
          + "' (want constant, constant:N, step, spike, periodic or csv:PATH)");
    };
  }

  /**
   * Parses a CSV trace: one {@code seconds,demand} pair per line; blank lines and {@code #} comments are skipped.
   *
   * @throws IllegalArgumentException naming the line
   */
  static Trace parseCsv(String text) {
    List<double[]> points = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException("want two columns");
        }
        points.add(new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("load trace line " + (i + 1) + " '" + line
            + "': want seconds,demand", e);
      }
    }
    return new Trace(points);
  }

  private static void requireLevel(String field, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(field + " must be a finite number ≥ 0, was " + value);
    }
  }
}
