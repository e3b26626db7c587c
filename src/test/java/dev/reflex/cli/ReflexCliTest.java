package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** User mistakes end in one line on stderr and exit code 2; help goes to stdout with exit code 0. */
class ReflexCliTest {

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {
  }

  static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReflexCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("unknown command", new String[] {"serve"}, "unknown command 'serve'"),
        Arguments.of("unknown option", new String[] {"embedded", "--port", "1"}, "unknown option --port"),
        Arguments.of("option without value", new String[] {"run", "--config"}, "option --config of 'run' needs"),
        Arguments.of("stray argument", new String[] {"embedded", "now"}, "takes no arguments"),
        Arguments.of("missing config file", new String[] {"run", "--config", "/nonexistent/reflex.yaml"},
            "cannot read configuration file /nonexistent/reflex.yaml"),
        Arguments.of("tap without address", new String[] {"tap"}, "tap needs exactly one ADDRESS"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakeIsOneLineAndExitCodeTwo(String label, String[] args, String expected) {
    Result result = run(Map.of(), args);
    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("reflex: "), result.err());
    assertTrue(result.err().contains(expected), result.err());
    assertEquals(1, result.err().strip().lines().count(), result.err());
  }

  @Test
  void badEnvironmentValueStopsWithTheKeyNamed() {
    Result result = run(Map.of("REFLEX_HTTP_PORT", "http"), "run");
    assertEquals(2, result.code());
    assertTrue(result.err().contains("'http.port'"), result.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedMetricsSettings")
  void malformedMetricsMappingStopsWithTheKeyAndEntryNamed(String key, String value, String expected) {
    Map<String, String> env = new HashMap<>();
    env.put(key, value);
    env.put("REFLEX_HTTP_PORT", "0");
    env.put("REFLEX_GRPC_PORT", "0");
    env.put("REFLEX_CUSTOM_METRICS_PORT", "0");
    env.put("REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString());
    Result result = run(env, "embedded");
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains(expected), result.err());
    assertEquals(1, result.err().strip().lines().count(), result.err());
  }

  static Stream<Arguments> malformedMetricsSettings() {
    return Stream.of(
        Arguments.of("REFLEX_METRICS_RESOURCE_SERIES", "cpu", "'metrics.resource-series': entry 'cpu'"),
        Arguments.of("REFLEX_METRICS_LABEL_OVERRIDES", "pod", "'metrics.label-overrides': label override 'pod'"));
  }

  @Test
  void unreadableKubeconfigIsAConfigurationError() {
    Result result = run(Map.of("REFLEX_KUBE_KUBECONFIG", dir.resolve("missing").toString(), "REFLEX_HTTP_PORT",
        "0"), "run");
    assertEquals(2, result.code());
    assertTrue(result.err().contains("cannot read kubeconfig"), result.err());
  }

  @Test
  void invalidKubeconfigIsAConfigurationError() throws IOException {
    Path bad = dir.resolve("kubeconfig");
    Files.writeString(bad, "clusters: [unclosed");
    Result result = run(Map.of("REFLEX_KUBE_KUBECONFIG", bad.toString(), "REFLEX_HTTP_PORT", "0"), "run");
    assertEquals(2, result.code());
    assertTrue(result.err().contains("kubeconfig " + bad), result.err());
  }

  @Test
  void portInUseIsReportedAndNothingKeepsRunning() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Map<String, String> env = new HashMap<>();
      env.put("REFLEX_HTTP_PORT", String.valueOf(taken.getLocalPort()));
      env.put("REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString());
      Result result = run(env, "embedded");
      assertEquals(2, result.code());
      assertTrue(result.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"),
          result.err());
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"embedded", "run", "tap", "decide"}) {
      Result result = run(Map.of(), command, "--help");
      assertEquals(0, result.code(), command);
      assertTrue(result.out().startsWith("Usage: reflex " + command), result.out());
    }
    Result help = run(Map.of(), "help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("embedded") && help.out().contains("decide"), help.out());
  }
}
