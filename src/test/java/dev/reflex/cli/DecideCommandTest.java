package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code reflex decide} command: dispatch, exit codes and error documents. */
class DecideCommandTest {

  record Result(int code, String out) {
  }

  static Result decide(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = DecideCommand.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    return new Result(code, out.toString(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not JSON", "{nope", "$"),
        Arguments.of("a JSON array", "[1,2]", "$"),
        Arguments.of("no algorithm", "{\"now\":\"2026-01-01T00:00:00Z\"}", "algorithm"),
        Arguments.of("algorithm not a string", "{\"algorithm\":3}", "algorithm"),
        Arguments.of("unknown algorithm", "{\"algorithm\":\"Magic\"}", "algorithm"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedDocumentGetsAJsonErrorNamingTheFieldAndExitTwo(String label, String input, String field) {
    Result result = decide(input);
    assertEquals(2, result.code());
    JsonObject error = new JsonObject(result.out()).getJsonObject("inputError");
    assertEquals(field, error.getString("field"));
    assertTrue(error.getString("message").startsWith(field + ": "), error.encode());
  }

  @Test
  void knativeWorkedExampleGivesFifteenPods() {
    String doc = """
        {"algorithm":"KPA","now":"2026-01-01T00:00:00Z","readyPods":1,
         "kpa":{"target":"10","target-utilization-percentage":"70"},
         "observedStableValue":100,"observedPanicValue":100}""";
    Result result = decide(doc);
    assertEquals(0, result.code(), result.out());
    assertEquals(15, new JsonObject(result.out()).getInteger("desiredPodCount"));
  }

  @Test
  void jsonLinesAnswerEveryLineAndReportTheBadOnes() {
    String lines = """
        {"algorithm":"KPA","now":"2026-01-01T00:00:00Z","readyPods":1,"observedStableValue":10,"observedPanicValue":10}
        not json
        {"algorithm":"KPA","now":"2026-01-01T00:00:00Z","readyPods":2,"observedStableValue":0,"observedPanicValue":0}
        """;
    Result result = decide(lines, "--jsonl");
    List<String> out = result.out().lines().toList();
    assertEquals(3, out.size(), result.out());
    assertTrue(new JsonObject(out.get(0)).containsKey("desiredPodCount"));
    assertTrue(new JsonObject(out.get(1)).containsKey("inputError"));
    assertTrue(new JsonObject(out.get(2)).containsKey("desiredPodCount"));
    assertEquals(2, result.code());
  }
}
