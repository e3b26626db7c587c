package dev.reflex.api;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real kubectl binary, run against one kubeconfig. Every run is bounded: a command that outlives its limit is
 * killed and reported as timed out, so a server that never answers fails the row instead of hanging the build.
 * Output goes to files rather than pipes, so a chatty process can never block on a full pipe.
 */
final class Kubectl {

  /** What one run printed and how it ended. */
  record Result(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {

    String describe() {
      return "$ " + String.join(" ", command) + "\n"
          + (timedOut ? "[killed: timed out]\n" : "[exit " + exitCode + "]\n")
          + "--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
  }

  /** A kubectl left running (a watch); its output so far can be read at any time. */
  record Background(Process process, List<String> command, Path stdout, Path stderr) implements AutoCloseable {

    String stdoutSoFar() throws IOException {
      return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderrSoFar() throws IOException {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private final Path binary;
  private final Path kubeconfig;
  private final Path scratch;
  private final AtomicInteger runs = new AtomicInteger();

  Kubectl(Path binary, Path kubeconfig, Path scratch) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.scratch = scratch;
  }

  /** The kubectl on the PATH, or null where there is none. */
  static Path find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  Result run(Duration limit, List<String> args) throws IOException, InterruptedException {
    try (Background started = start(args)) {
      boolean done = started.process().waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        started.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      return new Result(started.command(), done ? started.process().exitValue() : -1, !done,
          started.stdoutSoFar(), started.stderrSoFar());
    }
  }

  Background start(List<String> args) throws IOException {
    return start(args, ProcessBuilder.Redirect.from(new File("/dev/null")));
  }

  /** As {@link #start(List)}, its stdin a pipe ({@code process().getOutputStream()}): what a user types. */
  Background startWithInput(List<String> args) throws IOException {
    return start(args, ProcessBuilder.Redirect.PIPE);
  }

  private Background start(List<String> args, ProcessBuilder.Redirect input) throws IOException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(args);
    int n = runs.incrementAndGet();
    Path out = scratch.resolve("run-" + n + ".out");
    Path err = scratch.resolve("run-" + n + ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(input);
    // A KUBECONFIG or kubectl preferences of the person running the build must not leak into the rows.
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("KUBECTL_INTERACTIVE_DELETE", "false");
    return new Background(builder.start(), List.copyOf(command), out, err);
  }
}
