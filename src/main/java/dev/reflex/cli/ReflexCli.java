package dev.reflex.cli;

import dev.reflex.config.ConfigException;
import dev.reflex.config.ReflexConfig;
import dev.reflex.metrics.load.TrafficProfile;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Dispatches subcommands; turns user errors into one line on stderr and exit code 2. */
public final class ReflexCli {

  private ReflexCli() {
  }

  /**
   * Runs a command. Server commands return only after shutdown; the returned value is the exit code.
   */
  public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
    List<String> args = Arrays.asList(argv);
    if (args.isEmpty()) {
      err.print(Usage.MAIN);
      return 2;
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (command) {
        case "help", "--help", "-h" -> print(out, Usage.MAIN);
        case "embedded" -> server(rest, env, out, true);
        case "run" -> server(rest, env, out, false);
        case "tap" -> {
          Options options = Options.parse("tap", rest, Set.of("target", "url", "token-file"),
              Set.of("sse", "list", "help"));
          yield options.flag("help") ? print(out, Usage.TAP) : TapCommand.run(options, out, err);
        }
        case "decide" -> DecideCommand.run(rest, System.in, out, err);
        case "backtest" -> {
          Options options = Options.parse("backtest", rest, BacktestCommand.VALUED, BacktestCommand.FLAGS);
          yield options.flag("help") ? print(out, Usage.BACKTEST) : BacktestCommand.run(options, env, out, err);
        }
        case "write" -> {
          Options options = Options.parse("write", rest, Set.of("url", "every", "file", "token-file"), Set.of("help"));
          yield options.flag("help") ? print(out, Usage.WRITE) : WriteCommand.run(options, System.in, out, err);
        }
        default -> throw new UsageException("unknown command '" + command + "' (reflex help lists them)");
      };
    } catch (UsageException | ConfigException e) {
      err.println("reflex: " + e.getMessage());
      return 2;
    }
  }

  private static int print(PrintStream out, String text) {
    out.print(text);
    return 0;
  }

  private static int server(List<String> args, Map<String, String> env, PrintStream out, boolean embedded) {
    String name = embedded ? "embedded" : "run";
    Options options = Options.parse(name, args, embedded ? Set.of("config", "load") : Set.of("config"),
        Set.of("help"));
    if (options.flag("help")) {
      return print(out, embedded ? Usage.EMBEDDED : Usage.RUN);
    }
    if (!options.positional().isEmpty()) {
      throw new UsageException("'" + name + "' takes no arguments, got " + options.positional());
    }
    ReflexConfig config = ServerCommand.config(options, env);
    Logging.configure(config.logLevel());
    TrafficProfile load = null;
    if (options.get("load", null) != null) {
      try {
        load = TrafficProfile.named(options.get("load", null), config.embedded().loadSpeed());
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new UsageException("--load: " + e.getMessage());
      }
    }
    ServerCommand.Started started = ServerCommand.start(config, embedded, load);
    CountDownLatch stopped = new CountDownLatch(1);
    java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      started.close();
      stopped.countDown();
    }, "reflex-shutdown"));
    ServerCommand.printBanner(out, started, config);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
