package dev.reflex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("unknown top-level key", "htp:\n  port: 1\n", "unknown configuration key 'htp.port'"),
        Arguments.of("unknown nested key", "http:\n  prot: 1\n", "unknown configuration key 'http.prot'"),
        Arguments.of("port not a number", "http:\n  port: eighty\n",
            "invalid value 'eighty' for configuration key 'http.port': not an integer"),
        Arguments.of("port too large", "http:\n  port: 70000\n",
            "invalid value '70000' for configuration key 'http.port': a port must be between 0 and 65535"),
        Arguments.of("negative port", "embedded:\n  api-port: -1\n",
            "invalid value '-1' for configuration key 'embedded.api-port'"),
        Arguments.of("duration without unit", "kube:\n  resync-period: 30\n",
            "invalid value '30' for configuration key 'kube.resync-period': not a duration"),
        Arguments.of("zero worker pool", "kube:\n  worker-pool-size: 0\n",
            "invalid value '0' for configuration key 'kube.worker-pool-size': must be at least 1"),
        Arguments.of("negative load", "embedded:\n  load-millicores: -5\n",
            "invalid value '-5' for configuration key 'embedded.load-millicores': must not be negative"),
        Arguments.of("tolerance not a number", "embedded:\n  horizontal-pod-autoscaler-tolerance: ten\n",
            "invalid value 'ten' for configuration key 'embedded.horizontal-pod-autoscaler-tolerance': must be a"
                + " number such as 0.1"),
        Arguments.of("negative tolerance", "embedded:\n  horizontal-pod-autoscaler-tolerance: -0.1\n",
            "invalid value '-0.1' for configuration key 'embedded.horizontal-pod-autoscaler-tolerance': must be a"
                + " finite number, not negative"),
        Arguments.of("unknown log level", "log:\n  level: loud\n",
            "invalid value 'loud' for configuration key 'log.level': must be one of trace, debug, info, warn, error"),
        Arguments.of("cron clock start past the hour", "embedded:\n  cron-clock-start: \"61:00\"\n",
            "invalid value '61:00' for configuration key 'embedded.cron-clock-start': must be a minute of the hour"
                + " as MM:SS"),
        Arguments.of("not YAML", "http: [unclosed\n", "is not valid YAML"),
        Arguments.of("not a mapping", "- a\n- b\n", "must hold a YAML mapping at the top"),
        Arguments.of("nested where a value belongs", "log:\n  level:\n    x: 1\n",
            "unknown configuration key 'log.level.x'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileNamesTheKey(String label, String yaml, String expected) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertContains(e.getMessage(), expected);
    assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
  }

  @Test
  void missingFileIsReportedWithItsPath() {
    Path missing = dir.resolve("absent.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of()));
    assertContains(e.getMessage(), "cannot read configuration file " + missing);
  }

  @Test
  void environmentOverridesFileWhichOverridesDefaults() throws IOException {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "http:\n  port: 9000\nkube:\n  resync-period: 5m\n");
    ReflexConfig config = ConfigLoader.load(file, Map.of("REFLEX_HTTP_PORT", "9100", "PATH", "/usr/bin",
        "REFLEX_EMBEDDED_WORKLOADS", "a.yaml, b.yaml"));
    assertEquals(9100, config.http().port());
    assertEquals(Duration.ofMinutes(5), config.kube().resyncPeriod());
    assertEquals(List.of("a.yaml", "b.yaml"), config.embedded().workloads());
    assertEquals(Duration.ofSeconds(10), config.kube().requestTimeout());
  }

  @Test
  void unknownReflexEnvironmentVariableIsAnError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("REFLEX_HTTP_PROT", "1")));
    assertContains(e.getMessage(), "unknown environment variable REFLEX_HTTP_PROT");
  }

  @Test
  void badEnvironmentValueNamesTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("REFLEX_EMBEDDED_POD_STARTUP_DELAY", "soon")));
    assertContains(e.getMessage(), "configuration key 'embedded.pod-startup-delay'");
  }

  @Test
  void durationsAcceptEveryUnit() {
    assertEquals(Duration.ofMillis(250), ValueKind.parseDuration("250ms"));
    assertEquals(Duration.ofSeconds(30), ValueKind.parseDuration("30s"));
    assertEquals(Duration.ofMinutes(5), ValueKind.parseDuration("5m"));
    assertEquals(Duration.ofHours(1), ValueKind.parseDuration("1h"));
    // Settings are Go durations like every other duration Reflex reads.
    assertEquals(Duration.ofMinutes(90), ValueKind.parseDuration("1h30m"));
    assertEquals(Duration.ofMinutes(90), ValueKind.parseDuration("1.5h"));
    assertEquals(Duration.ZERO, ValueKind.parseDuration("0"));
  }

  @Test
  void durationsRefuseDaysAndNegativeValues() {
    assertEquals("not a duration (use e.g. 500ms, 30s, 5m, 1h30m): time: unknown unit \"d\" in duration \"7d\"",
        assertThrows(IllegalArgumentException.class, () -> ValueKind.parseDuration("7d")).getMessage());
    assertEquals("must not be negative",
        assertThrows(IllegalArgumentException.class, () -> ValueKind.parseDuration("-5m")).getMessage());
  }

  static Stream<Arguments> cronClockStarts() {
    return Stream.of(
        Arguments.of("", "2024-01-01T10:05:00Z", Duration.ZERO),
        Arguments.of("29:30", "2024-01-01T10:05:00Z", Duration.ofMinutes(24).plusSeconds(30)),
        Arguments.of("29:30", "2024-01-01T10:29:30Z", Duration.ZERO),
        Arguments.of("09:00", "2024-01-01T10:40:15Z", Duration.ofMinutes(28).plusSeconds(45)),
        Arguments.of("00:00", "2024-01-01T10:59:59Z", Duration.ofSeconds(1)));
  }

  @ParameterizedTest(name = "cron-clock-start {0} at {1}: {2} ahead")
  @MethodSource("cronClockStarts")
  void cronClockStartIsTheOffsetToThatMinuteOfTheHour(String start, String now, Duration offset) {
    ReflexConfig config = ConfigLoader.load(null, Map.of("REFLEX_EMBEDDED_CRON_CLOCK_START", start));
    assertEquals(offset, config.embedded().cronClockOffset(Instant.parse(now)));
  }

  private static void assertContains(String actual, String expected) {
    if (!actual.contains(expected)) {
      throw new AssertionError("expected message containing <" + expected + "> but was <" + actual + ">");
    }
  }
}
