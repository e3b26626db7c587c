package dev.reflex.cli;

import dev.reflex.backtest.Backtest;
import dev.reflex.backtest.IhpaSetup;
import dev.reflex.backtest.Numbers;
import dev.reflex.backtest.PolicyFigures;
import dev.reflex.backtest.PolicyKind;
import dev.reflex.backtest.Trace;
import dev.reflex.backtest.TraceFormat;
import dev.reflex.backtest.TraceParser;
import dev.reflex.backtest.Workload;
import dev.reflex.backtest.report.BacktestReport;
import dev.reflex.core.GoDuration;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code reflex backtest}: replays a traffic trace in virtual time through several autoscaling policies and prints,
 * per policy, the traffic left unserved and what the pods cost (a table, or one JSON line with {@code --json}).
 */
final class BacktestCommand {

  static final Set<String> VALUED = Set.of("trace", "trace-format", "step", "trace-scale", "offset", "duration",
      "pod-capacity", "target", "pod-startup", "pod-startup-jitter", "min", "max", "initial", "policies", "seed",
      "ihpa", "report", "prometheus", "query", "start", "end");
  static final Set<String> FLAGS = Set.of("json", "help");

  private BacktestCommand() {
  }

  /** Set by {@code scripts/reflex} when stderr is a terminal ({@code [ -t 2 ]}), which Java 17 cannot tell. */
  static final String STDERR_TTY = "REFLEX_STDERR_TTY";

  static int run(Options options, Map<String, String> env, PrintStream out, PrintStream err) {
    if (!options.positional().isEmpty()) {
      throw new UsageException("'backtest' takes no arguments, got " + options.positional());
    }
    Trace trace = trace(options, err);
    Workload workload = workload(options);
    String ihpaFile = options.get("ihpa", null);
    IhpaSetup ihpa = ihpaFile == null ? null
        : IhpaFile.read(Path.of(ihpaFile), workload, note -> err.println("backtest: " + note));
    List<PolicyKind> policies = parse("policies", () -> PolicyKind.parseList(options.get("policies", "all"),
        ihpa != null));
    // Redrawn with carriage returns, the bar is for a terminal only: piped, it would fill a log.
    ProgressBar bar = new ProgressBar(err, trace.seconds() >= 86_400 && "1".equals(env.get(STDERR_TTY)));
    String report = options.get("report", null);
    int points = report == null ? 0 : BacktestReport.TIMELINE_POINTS;
    Backtest.Result result = parse("policies", () -> Backtest.run(trace, workload, policies, ihpa, points,
        bar::show));
    bar.done();
    if (report != null) {
      try {
        err.println("backtest: report written to " + BacktestReport.write(result, Path.of(report)).get(0));
      } catch (IOException e) {
        throw new UsageException("--report: cannot write " + report + ": " + e.getMessage());
      }
    }
    if (options.flag("json")) {
      out.println(BacktestJson.of(result).encode());
    } else {
      printTable(result, out);
    }
    return 0;
  }

  private static Trace trace(Options options, PrintStream err) {
    String file = options.get("trace", null);
    String prometheus = options.get("prometheus", null);
    if (file != null && prometheus != null) {
      throw new UsageException("--trace and --prometheus both give the trace; pick one");
    }
    if (prometheus != null) {
      return window(options, PrometheusTrace.read(prometheus, required(options, "query"),
          instant(options, "start"), instant(options, "end"), duration(options, "step", "15s"),
          note -> err.println("backtest: " + note)));
    }
    if (file == null) {
      throw new UsageException("--trace FILE or --prometheus URL is required (reflex backtest --help)");
    }
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("--trace: cannot read " + file + ": " + e.getMessage());
    }
    TraceFormat format = parse("trace-format", () -> TraceFormat.parse(options.get("trace-format", "csv")));
    Duration step = duration(options, "step", "1s");
    return window(options, parse("trace", () -> TraceParser.parse(Path.of(file).getFileName().toString(), text,
        format, step)));
  }

  /** The trace scaled and cut as --trace-scale, --offset and --duration say. */
  private static Trace window(Options options, Trace trace) {
    double scale = number(options, "trace-scale", 1);
    Duration offset = duration(options, "offset", "0s");
    Duration length = options.get("duration", null) == null ? null : duration(options, "duration", "0s");
    return parse("trace", () -> trace.window(offset, length).scaled(scale));
  }

  private static Workload workload(Options options) {
    double capacity = number(options, "pod-capacity", 100);
    double target = number(options, "target", Workload.defaultTarget(capacity));
    int min = (int) whole(options, "min", 1);
    int max = (int) whole(options, "max", 100);
    int initial = options.get("initial", null) == null ? -1 : (int) whole(options, "initial", 0);
    return parse("workload", () -> new Workload(capacity, target, duration(options, "pod-startup", "10s"),
        duration(options, "pod-startup-jitter", "0s"), min, max, initial, whole(options, "seed", 1)));
  }

  private static void printTable(Backtest.Result result, PrintStream out) {
    Trace t = result.trace();
    Workload w = result.workload();
    out.printf(Locale.ROOT, "trace     %s: %s from %s, %,.0f requests, peak %,.1f rps, mean %,.1f rps%n", t.name(),
        GoDuration.format(Duration.ofSeconds(t.seconds())), t.start(),
        t.totalRequests(), t.peakRps(), t.totalRequests() / t.seconds());
    out.printf(Locale.ROOT, "workload  %s rps per pod, target %s, startup %s ±%s, %d..%d pods%n%n",
        Numbers.plain(w.podCapacity()), Numbers.plain(w.target()), GoDuration.format(w.podStartup()),
        GoDuration.format(w.podStartupJitter()), w.minReplicas(), w.maxReplicas());
    out.printf(Locale.ROOT, "%-15s %14s %9s %10s %14s %14s %8s %12s%n", "POLICY", "UNSERVED", "UNSERVED%",
        "SHORT-S", "POD-SECONDS", "OVER-POD-S", "ACTIONS", "REACT p50/99");
    for (Map.Entry<PolicyKind, PolicyFigures> e : result.figures().entrySet()) {
      PolicyFigures f = e.getValue();
      out.printf(Locale.ROOT, "%-15s %,14.0f %8.3f%% %,10d %,14.0f %,14.0f %,8d %12s%n", e.getKey().label(),
          f.unservedRequests(), 100 * f.unservedShare(), f.underProvisionedSeconds(), f.podSeconds(),
          f.overProvisionedPodSeconds(), f.scalingActions(),
          f.reactions().p50Seconds() + "s/" + f.reactions().p99Seconds() + "s");
    }
    out.printf(Locale.ROOT, "%n%-15s %10s %10s %10s %10s %12s%n", "ELASTICITY", "ACC-UNDER%", "ACC-OVER%",
        "TIME-UNDER%", "TIME-OVER%", "JITTER/H");
    for (Map.Entry<PolicyKind, PolicyFigures> e : result.figures().entrySet()) {
      PolicyFigures.Elasticity x = e.getValue().elasticity();
      out.printf(Locale.ROOT, "%-15s %10.2f %10.2f %11.2f %10.2f %12.1f%n", e.getKey().label(), x.accuracyUnder(),
          x.accuracyOver(), x.timeshareUnder(), x.timeshareOver(), x.jitterPerHour());
    }
  }

  private interface Parse<T> {
    T get();
  }

  /** Runs a parse and turns its IllegalArgumentException into a usage error prefixed with the option. */
  private static <T> T parse(String option, Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new UsageException(message.startsWith(option) || message.contains(": ") ? message
          : option + ": " + message);
    }
  }

  private static String required(Options options, String name) {
    String value = options.get(name, null);
    if (value == null) {
      throw new UsageException("--" + name + " is required with --prometheus");
    }
    return value;
  }

  private static java.time.Instant instant(Options options, String name) {
    try {
      return TraceParser.parseInstant(required(options, name));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + name + ": " + e.getMessage());
    }
  }

  private static Duration duration(Options options, String name, String fallback) {
    String text = options.get(name, fallback);
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + name + ": " + e.getMessage());
    }
  }

  private static double number(Options options, String name, double fallback) {
    String text = options.get(name, null);
    if (text == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + ": not a number: " + text);
    }
  }

  private static long whole(Options options, String name, long fallback) {
    String text = options.get(name, null);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + ": not a whole number: " + text);
    }
  }
}
