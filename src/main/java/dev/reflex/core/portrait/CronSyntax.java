package dev.reflex.core.portrait;

import dev.reflex.core.GoDuration;
import dev.reflex.core.GoText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cron grammar of robfig/cron's standard parser, which kube's CronJobs and Kapacity's cron portraits both use:
 * an optional {@code CRON_TZ=} or {@code TZ=} zone, then five fields (ranges, lists, steps, month and weekday
 * names, {@code ?}) or an {@code @} descriptor, {@code @every <Go duration>} included. The one reader of that
 * grammar: it says whether an expression parses and, if not, words the first problem as that parser does.
 * {@link CronSchedule} evaluates what it accepts.
 */
public final class CronSyntax {

  private record Bounds(int min, int max, Map<String, Integer> names) {
  }

  private static final List<Bounds> FIELDS = List.of(
      new Bounds(0, 59, Map.of()),
      new Bounds(0, 23, Map.of()),
      new Bounds(1, 31, Map.of()),
      new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
          Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
          Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12))),
      new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6)));

  /** The descriptors and the five fields each stands for. */
  static final Map<String, String> DESCRIPTORS = Map.of(
      "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *",
      "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *",
      "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");

  private CronSyntax() {
  }

  /** Empty when the expression parses, else the parser's message. */
  public static Optional<String> problem(String expression) {
    return Optional.ofNullable(firstProblem(expression));
  }

  private static String firstProblem(String expression) {
    String spec = expression;
    if (spec.isEmpty()) {
      return "empty spec string";
    }
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      String zone = spec.substring(spec.indexOf('=') + 1, space < 0 ? spec.length() : space);
      if (!knownZone(zone)) {
        return "provided bad location " + zone + ": unknown time zone " + zone;
      }
      spec = space < 0 ? "" : spec.substring(space).trim();
    }
    if (spec.startsWith("@")) {
      return descriptorProblem(spec);
    }
    String[] fields = spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+");
    if (fields.length != 5) {
      return "expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]";
    }
    for (int i = 0; i < 5; i++) {
      for (String range : fields[i].split(",", -1)) {
        String problem = rangeProblem(range, FIELDS.get(i));
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /** Go's {@code time.LoadLocation}: {@code Local}, {@code UTC} or an IANA region name (not an offset). */
  static boolean knownZone(String zone) {
    return zone.equals("Local") || CronSchedule.isKnownZone(zone);
  }

  private static String descriptorProblem(String spec) {
    if (DESCRIPTORS.containsKey(spec)) {
      return null;
    }
    String every = "@every ";
    if (spec.startsWith(every)) {
      String duration = spec.substring(every.length());
      return GoDuration.tryParse(duration).isPresent() ? null
          : "failed to parse duration " + spec + ": time: invalid duration " + GoText.quote(duration);
    }
    return "unrecognized descriptor: " + spec;
  }

  private static String rangeProblem(String expr, Bounds bounds) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    long start;
    long end;
    try {
      if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
        start = bounds.min();
        end = bounds.max();
      } else {
        start = intOrName(lowAndHigh[0], bounds);
        if (lowAndHigh.length == 1) {
          end = start;
        } else if (lowAndHigh.length == 2) {
          end = intOrName(lowAndHigh[1], bounds);
        } else {
          return "too many hyphens: " + expr;
        }
      }
      long step;
      if (rangeAndStep.length == 1) {
        step = 1;
      } else if (rangeAndStep.length == 2) {
        step = positiveInt(rangeAndStep[1]);
        if (lowAndHigh.length == 1) {
          // "N/step" means from N to the field's end
          end = bounds.max();
        }
      } else {
        return "too many slashes: " + expr;
      }
      if (start < bounds.min()) {
        return "beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr;
      }
      if (end > bounds.max()) {
        return "end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr;
      }
      if (start > end) {
        return "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr;
      }
      if (step == 0) {
        return "step of range should be a positive number: " + expr;
      }
      return null;
    } catch (IllegalArgumentException bad) {
      return bad.getMessage();
    }
  }

  private static long intOrName(String expr, Bounds bounds) {
    Integer named = bounds.names().get(expr.toLowerCase(Locale.ROOT));
    return named != null ? named : positiveInt(expr);
  }

  /** Go's strconv.Atoi, then the parser's refusal of negatives; failures carry the parser's message. */
  private static long positiveInt(String expr) {
    if (!expr.matches("[+-]?[0-9]+")) {
      throw new IllegalArgumentException("failed to parse int from " + expr + ": strconv.Atoi: parsing "
          + GoText.quote(expr) + ": invalid syntax");
    }
    long value;
    try {
      value = Long.parseLong(expr);
    } catch (NumberFormatException tooBig) {
      throw new IllegalArgumentException("failed to parse int from " + expr + ": strconv.Atoi: parsing "
          + GoText.quote(expr) + ": value out of range");
    }
    if (value < 0) {
      throw new IllegalArgumentException("negative number (" + value + ") not allowed: " + expr);
    }
    return value;
  }
}
