package dev.reflex.backtest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trace file in either {@link TraceFormat}. Errors name the file, the line and what was wrong.
 *
 * <p>CSV: each {@code time,rps} point holds its value until the next point's time; the last one for as long as the
 * interval before it. The points are laid on a grid of the greatest common divisor of their intervals (a minute
 * trace stays one value per minute). Times are seconds from the start (0, 60, ...) or RFC 3339 instants
 * ({@code 1998-06-26T00:00:00Z}, a space allowed for the {@code T}); all of one kind, increasing, on whole seconds.
 * Lines starting with {@code #} and blank lines are skipped, and so is a first line that is not a point (a header).
 */
public final class TraceParser {

  /** Where virtual time starts when the trace's times are relative. */
  public static final Instant RELATIVE_START = Instant.parse("2000-01-01T00:00:00Z");

  private TraceParser() {
  }

  /**
   * Parses a trace.
   *
   * @param name the file name, for errors and reports
   * @param text the file's content
   * @param format how it is written
   * @param step the length of one count ({@link TraceFormat#COUNTS} only)
   * @throws IllegalArgumentException naming the file and line
   */
  public static Trace parse(String name, String text, TraceFormat format, Duration step) {
    return format == TraceFormat.COUNTS ? counts(name, text, step) : csv(name, text);
  }

  private static Trace counts(String name, String text, Duration step) {
    if (step.toMillis() % 1000 != 0 || step.getSeconds() < 1) {
      throw new IllegalArgumentException("step: must be whole seconds, at least 1s, was " + step);
    }
    List<Double> values = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String field : line.split("\\s+")) {
        double count = number(field, name, i + 1, "request count");
        values.add(count / step.getSeconds());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + ": no request counts");
    }
    return new Trace(name, RELATIVE_START, step, values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static Trace csv(String name, String text) {
    List<long[]> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    Boolean absolute = null;
    boolean first = true;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean header = first && !Character.isDigit(line.charAt(0));
      first = false;
      if (header) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 2) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'time,rps', got '" + line + "'");
      }
      String time = fields[0].strip();
      boolean isInstant = time.indexOf('-') > 0;
      if (absolute != null && absolute != isInstant) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": '" + time + "' mixes RFC 3339 times and "
            + "seconds from the start");
      }
      absolute = isInstant;
      times.add(new long[] {isInstant ? instant(time, name, i + 1) : wholeSeconds(time, name, i + 1), i + 1});
      values.add(number(fields[1].strip(), name, i + 1, "rps"));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + ": no 'time,rps' points");
    }
    long grid = 0;
    for (int i = 1; i < times.size(); i++) {
      long interval = times.get(i)[0] - times.get(i - 1)[0];
      if (interval <= 0) {
        throw new IllegalArgumentException(name + ":" + times.get(i)[1] + ": times must increase");
      }
      grid = gcd(grid, interval);
    }
    if (grid == 0) {
      grid = 1;
    }
    long lastInterval = times.size() > 1 ? times.get(times.size() - 1)[0] - times.get(times.size() - 2)[0] : grid;
    long origin = times.get(0)[0];
    int size = (int) ((times.get(times.size() - 1)[0] + lastInterval - origin) / grid);
    double[] rps = new double[size];
    for (int i = 0; i < times.size(); i++) {
      long from = (times.get(i)[0] - origin) / grid;
      long to = i + 1 < times.size() ? (times.get(i + 1)[0] - origin) / grid : size;
      for (long k = from; k < to; k++) {
        rps[(int) k] = values.get(i);
      }
    }
    Instant start = Boolean.TRUE.equals(absolute) ? Instant.ofEpochSecond(origin) : RELATIVE_START.plusSeconds(origin);
    return new Trace(name, start, Duration.ofSeconds(grid), rps);
  }

  private static long instant(String text, String name, int line) {
    try {
      return parseInstant(text).getEpochSecond();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ":" + line + ": " + e.getMessage());
    }
  }

  /**
   * An RFC 3339 instant ({@code 1998-06-26T00:00:00Z}, {@code 1998-06-26 02:00:00+02:00}).
   *
   * @throws IllegalArgumentException saying what an RFC 3339 time looks like
   */
  public static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 time (for example 1998-06-26T00:00:00Z)");
    }
  }

  private static long wholeSeconds(String text, String name, int line) {
    double seconds = number(text, name, line, "time");
    if (seconds != Math.rint(seconds)) {
      throw new IllegalArgumentException(name + ":" + line + ": time " + text + " is not on a whole second");
    }
    return (long) seconds;
  }

  private static double number(String text, String name, int line, String what) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ":" + line + ": " + what + " '" + text + "' is not a number");
    }
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + ":" + line + ": " + what + " " + text + " must be finite and not "
          + "negative");
    }
    return value;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
