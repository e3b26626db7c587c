package dev.reflex.cli;

import dev.reflex.decide.DecideAlgorithm;
import dev.reflex.objects.InvalidFieldException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code reflex decide}: one JSON document on stdin → one decision on stdout ({@code --jsonl}: one per line).
 * Malformed documents get a JSON error naming the field and exit code 2; in {@code --jsonl} mode the error is that
 * line's output and the rest go on.
 */
final class DecideCommand {

  static final String USAGE = """
      Usage: reflex decide [--jsonl] < input.json

      Reads one JSON document from stdin, runs the algorithm it names ("algorithm": "KubeHPA" or "KPA")
      at the instant it names ("now", RFC 3339), and prints the decision as JSON. With --jsonl every input
      line is a document and every output line its decision. The README documents the fields.

      Options:
        --jsonl   One document per line
        --help    Show this help
      """;

  private DecideCommand() {
  }

  static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Options options = Options.parse("decide", args, Set.of(), Set.of("jsonl", "help"));
    if (options.flag("help")) {
      out.print(USAGE);
      return 0;
    }
    Map<String, DecideAlgorithm> algorithms = DecideAlgorithms.ALL.stream()
        .collect(Collectors.toMap(DecideAlgorithm::name, Function.identity()));
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (options.flag("jsonl")) {
        int status = 0;
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonObject result = decideOne(line, algorithms);
          status = result.containsKey("inputError") ? 2 : status;
          out.println(result.encode());
        }
        return status;
      }
      String text = reader.lines().collect(Collectors.joining("\n"));
      JsonObject result = decideOne(text, algorithms);
      out.println(result.encodePrettily());
      return result.containsKey("inputError") ? 2 : 0;
    } catch (IOException e) {
      err.println("reflex decide: cannot read stdin: " + e.getMessage());
      return 2;
    }
  }

  static JsonObject decideOne(String text, Map<String, DecideAlgorithm> algorithms) {
    JsonObject document;
    try {
      document = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return inputError("$", "not a JSON object");
    }
    Object name = document.getValue("algorithm");
    if (!(name instanceof String algorithmName)) {
      return inputError("algorithm", name == null ? "missing (expected one of " + algorithms.keySet() + ")"
          : "must be a string");
    }
    DecideAlgorithm algorithm = algorithms.get(algorithmName);
    if (algorithm == null) {
      return inputError("algorithm", "unknown algorithm '" + algorithmName + "' (expected one of "
          + algorithms.keySet().stream().sorted().toList() + ")");
    }
    try {
      return algorithm.decide(document);
    } catch (InvalidFieldException e) {
      return inputError(e.field(), e.getMessage().substring(e.field().length() + 2));
    } catch (RuntimeException e) {
      return inputError("$", "cannot decide: " + e);
    }
  }

  private static JsonObject inputError(String field, String problem) {
    return new JsonObject().put("inputError", new JsonObject().put("field", field).put("message",
        field + ": " + problem));
  }
}
