package dev.reflex.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One row of the kubectl conformance matrix: a command line and what kube-apiserver would make kubectl print for
 * it. stdout and stderr are each matched as a whole against a pattern; the exit code is checked too.
 *
 * @param args the kubectl arguments (no {@code --kubeconfig})
 * @param expected what the run must end with
 * @param limit how long the command may run before it is killed (a kill fails the row)
 * @param retried whether to re-run the command until it matches (within {@code limit}), for state the
 *     simulated controllers reach asynchronously
 */
record KubectlRow(List<String> args, Expected expected, Duration limit, boolean retried) {

  static final Duration DEFAULT_LIMIT = Duration.ofSeconds(20);

  /** The end of a run: exit code, stdout and stderr patterns (each must match the whole text). */
  record Expected(int exitCode, Pattern stdout, Pattern stderr) {

    Expected andStderr(String regex) {
      return new Expected(exitCode, stdout, Pattern.compile(regex, Pattern.DOTALL));
    }

    boolean matches(Kubectl.Result result) {
      return !result.timedOut() && result.exitCode() == exitCode && stdout.matcher(result.stdout()).matches()
          && stderr.matcher(result.stderr()).matches();
    }

    String describe() {
      return "[exit " + exitCode + "]\n--- stdout must match ---\n" + stdout.pattern()
          + "\n--- stderr must match ---\n" + stderr.pattern();
    }
  }

  static KubectlRow of(Expected expected, String... args) {
    return new KubectlRow(List.of(args), expected, DEFAULT_LIMIT, false);
  }

  KubectlRow eventually() {
    return new KubectlRow(args, expected, limit, true);
  }

  KubectlRow limit(Duration value) {
    return new KubectlRow(args, expected, value, retried);
  }

  String name() {
    return "kubectl " + String.join(" ", args);
  }

  // ---- expectations ------------------------------------------------------------------------------------------

  private static final Pattern EMPTY = Pattern.compile("");

  /** Exit 0, stdout exactly {@code text}, nothing on stderr. */
  static Expected exactly(String text) {
    return new Expected(0, Pattern.compile(Pattern.quote(text)), EMPTY);
  }

  /** Exit 0, stdout matching {@code regex} as a whole (DOTALL off: {@code .} stays within a line). */
  static Expected stdout(String regex) {
    return new Expected(0, Pattern.compile(regex), EMPTY);
  }

  /** Exit 0, stdout holding a line matching each regex (in any order), nothing on stderr. */
  static Expected lines(String... lineRegexes) {
    String lookaheads = Arrays.stream(lineRegexes).map(r -> "(?=.*^" + r + "$)").collect(Collectors.joining());
    return new Expected(0, Pattern.compile(lookaheads + ".*", Pattern.DOTALL | Pattern.MULTILINE), EMPTY);
  }

  /** Exit 0, stdout holding the literal pieces in this order (anything between them), nothing on stderr. */
  static Expected inOrder(String... pieces) {
    String regex = Arrays.stream(pieces).map(Pattern::quote).collect(Collectors.joining(".*", ".*", ".*"));
    return new Expected(0, Pattern.compile(regex, Pattern.DOTALL), EMPTY);
  }

  /** Exit {@code exitCode}, nothing on stdout, stderr exactly {@code text}. */
  static Expected fails(int exitCode, String text) {
    return new Expected(exitCode, EMPTY, Pattern.compile(Pattern.quote(text)));
  }

  /** Exit 0, nothing on stdout, stderr exactly {@code text} (kubectl's "No resources found" goes there). */
  static Expected nothingButStderr(String text) {
    return new Expected(0, EMPTY, Pattern.compile(Pattern.quote(text)));
  }
}
