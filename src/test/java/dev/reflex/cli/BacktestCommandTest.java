package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code reflex backtest} as typed: the table, the JSON line, and one line on stderr for each mistake. */
class BacktestCommandTest {

  @TempDir
  static Path dir;
  private static Path trace;

  @BeforeEach
  void writeTrace() throws IOException {
    trace = dir.resolve("step.csv");
    StringBuilder csv = new StringBuilder("time,rps\n");
    for (int s = 0; s < 600; s++) {
      csv.append(s).append(',').append(s < 120 ? 100 : 500).append('\n');
    }
    Files.writeString(trace, csv);
  }

  @Test
  void theJsonLineCarriesTheTraceTheWorkloadAndEveryPolicysFigures() {
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--trace", trace.toString(), "--json",
        "--pod-capacity", "100", "--policies", "reflex-kubehpa,hpa");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    JsonObject json = new JsonObject(lines.get(lines.size() - 1));
    assertEquals(600, json.getJsonObject("trace").getLong("seconds"));
    assertEquals(500.0, json.getJsonObject("trace").getDouble("peakRps"));
    assertEquals(70.0, json.getJsonObject("workload").getDouble("target"));
    assertEquals(2, json.getJsonObject("workload").getInteger("initial"));
    JsonObject policies = json.getJsonObject("policies");
    assertEquals(List.of("reflex-kubehpa", "hpa"), List.copyOf(policies.fieldNames()));
    assertEquals(3300.0, policies.getJsonObject("reflex-kubehpa").getDouble("unservedRequests"));
    assertEquals(40, policies.getJsonObject("hpa").getJsonObject("reactionSeconds").getInteger("p50"));
    for (String key : List.of("unservedRequests", "underProvisionedSeconds", "podSeconds",
        "overProvisionedPodSeconds", "scalingActions", "reactionSeconds", "elasticity")) {
      assertTrue(policies.getJsonObject("hpa").containsKey(key), key);
    }
  }

  @Test
  void theTableNamesEveryPolicy() {
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--trace", trace.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("trace     step.csv: 10m0s from 2000-01-01T00:00:00Z, 252,000 requests, peak 500.0 "
        + "rps"), r.out());
    for (String policy : List.of("reflex-kpa", "reflex-kubehpa", "hpa", "kpa", "keda")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(policy + " ")), policy + "\n" + r.out());
    }
  }

  @Test
  void aWindowOfACountsTraceAtMinuteSteps() throws IOException {
    Path counts = dir.resolve("minutes.txt");
    Files.writeString(counts, "6000 6000\n30000 30000 6000\n");
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--trace", counts.toString(), "--trace-format",
        "counts", "--step", "1m", "--offset", "1m", "--duration", "3m", "--trace-scale", "2", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject t = new JsonObject(r.out().strip()).getJsonObject("trace");
    assertEquals(180, t.getLong("seconds"));
    assertEquals(1000.0, t.getDouble("peakRps"));
    assertEquals(2 * (6000 + 30000 + 30000.0), t.getDouble("totalRequests"));
  }

  @Test
  void aReportIsWrittenBesideTheJsonLine() {
    Path out = dir.resolve("report");
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--trace", trace.toString(), "--policies",
        "kpa", "--report", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("backtest: report written to " + out.resolve("report.html")), r.err());
    assertTrue(Files.exists(out.resolve("demand-kpa.png")) && Files.exists(out.resolve("pods.png")));
    assertTrue(new JsonObject(r.out().strip()).getJsonObject("policies").containsKey("kpa"));
  }

  @Test
  void theReadmesExamplePrintsTheReadmesTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String block = readme.substring(readme.indexOf("```sh\nscripts/reflex backtest "));
    block = block.substring(6, block.indexOf("```", 6));
    List<String> lines = block.lines().toList();
    String command = lines.get(0);
    List<String> args = List.of(command.substring("scripts/reflex ".length()).split(" "));
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    List<String> table = lines.stream().filter(l -> l.startsWith("# ") && !l.startsWith("# ...")).map(l ->
        l.substring(2)).toList();
    assertEquals(7, table.size(), block);
    for (String row : table) {
      assertTrue(r.out().lines().anyMatch(row::equals), row + "\n" + r.out());
    }
    assertTrue(Files.exists(Path.of("target/backtest-report/report.html")));
  }

  @Test
  void theSamplesReadmesExampleRacesTheSample() throws IOException {
    String readme = Files.readString(Path.of("deploy/samples/README.md"));
    String command = readme.substring(readme.indexOf("scripts/reflex backtest "));
    command = command.substring(0, command.indexOf('\n'));
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), command.substring("scripts/reflex ".length()).split(" "));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("reflex ")), r.out());
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(new String[] {}, "--trace FILE or --prometheus URL is required"),
        Arguments.of(new String[] {"--trace", "@", "--prometheus", "http://127.0.0.1:9"}, "pick one"),
        Arguments.of(new String[] {"--prometheus", "http://127.0.0.1:9"}, "--query is required with --prometheus"),
        Arguments.of(new String[] {"--trace", "/nonexistent.csv"}, "--trace: cannot read /nonexistent.csv"),
        Arguments.of(new String[] {"--trace", "@", "--policies", "hpa,vpa"}, "policies: unknown policy 'vpa'"),
        Arguments.of(new String[] {"--trace", "@", "--pod-startup", "10"},
            "--pod-startup: time: missing unit in duration \"10\""),
        Arguments.of(new String[] {"--trace", "@", "--target", "150"},
            "target: must be positive and at most the pod capacity (100.0), was 150.0"),
        Arguments.of(new String[] {"--trace", "@", "--min", "0"}, "min: must be at least 1, was 0"),
        Arguments.of(new String[] {"--trace", "@", "--trace-format", "tsv"}, "trace-format: must be csv or counts"),
        Arguments.of(new String[] {"--trace", "@", "--offset", "1h"}, "offset: PT1H is outside the trace"),
        Arguments.of(new String[] {"--trace", "@", "--max", "many"}, "--max: not a whole number: many"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void aMistakeIsOneLineOnStderr(String[] args, String expected) {
    String[] argv = Stream.concat(Stream.of("backtest"), Stream.of(args).map(a -> a.equals("@") ? trace.toString()
        : a)).toArray(String[]::new);
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), argv);
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().startsWith("reflex: ") && r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void helpListsEveryOptionTheCommandTakes() {
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--help");
    assertEquals(0, r.code());
    BacktestCommand.VALUED.forEach(o -> assertTrue(r.out().contains("--" + o + " "), o));
    BacktestCommand.FLAGS.forEach(o -> assertTrue(r.out().contains("--" + o), o));
  }
}
