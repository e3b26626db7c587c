package dev.reflex.metrics.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.metrics.ingest.RawSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficProfileTest {

  static Stream<Arguments> demand() {
    TrafficProfile trace = new TrafficProfile.Replay(
        TrafficProfile.parseCsv("t", "# seconds,demand\n0,4\n10,40\n\n20,8\n"), 1, 1);
    return Stream.of(
        Arguments.of("constant preset", TrafficProfile.named("constant"), 123, 10.0),
        Arguments.of("constant with a level", TrafficProfile.named("constant:2.5"), 0, 2.5),
        Arguments.of("step before", TrafficProfile.named("step"), 19_999, 5.0),
        Arguments.of("step after", TrafficProfile.named("step"), 20_000, 50.0),
        Arguments.of("spike base", TrafficProfile.named("spike"), 14_999, 5.0),
        Arguments.of("spike peak", TrafficProfile.named("spike"), 15_000, 80.0),
        Arguments.of("spike ends", TrafficProfile.named("spike"), 35_000, 5.0),
        Arguments.of("spike repeats every minute", TrafficProfile.named("spike"), 75_000, 80.0),
        Arguments.of("periodic at its mean", TrafficProfile.named("periodic"), 0, 30.0),
        Arguments.of("periodic at its crest (a quarter period)", TrafficProfile.named("periodic"), 30_000, 55.0),
        Arguments.of("periodic never negative", new TrafficProfile.Periodic(5, 20, Duration.ofSeconds(4)), 3_000,
            0.0),
        Arguments.of("trace holds a level", trace, 15_000, 40.0),
        Arguments.of("trace last point", trace, 25_000, 8.0),
        Arguments.of("trace loops after last point plus its gap", trace, 31_000, 4.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demand")
  void demandAtElapsedTime(String name, TrafficProfile profile, long millis, double expected) {
    assertEquals(expected, profile.at(Duration.ofMillis(millis)), 1e-9);
  }

  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("unknown name", "burst", "unknown load profile"),
        Arguments.of("constant without a number", "constant:lots", "constant:N"),
        Arguments.of("negative constant", "constant:-1", "≥ 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNames")
  void badNamesSayWhatIsAccepted(String name, String profile, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrafficProfile.named(profile));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void csvTraceFromAFileAndItsErrorsNameTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trace.csv");
    Files.writeString(file, "0,1\n5,9\n");
    assertEquals(9.0, TrafficProfile.named("csv:" + file).at(Duration.ofSeconds(6)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrafficProfile.parseCsv("trace.csv", "0,1\n5;9\n"));
    assertEquals("trace.csv:2: expected 'time,rps', got '5;9'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrafficProfile.parseCsv("trace.csv", "5,1\n0,9\n"),
        "times must increase");
  }

  @Test
  void aBacktestTraceIsReplayedInRequestsPerSecondAtItsSpeed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rps.csv");
    Files.writeString(file, "time,rps\n0,100\n10,500\n");
    TrafficProfile replay = TrafficProfile.named("trace:" + file, 2);
    // 500 rps from trace second 10, reached after 5 real seconds at speed 2; as concurrency at 0.1 s a request.
    assertEquals(10.0, replay.at(Duration.ofMillis(4900)), 1e-9);
    assertEquals(50.0, replay.at(Duration.ofSeconds(5)), 1e-9);
    // the trace lasts 20 s (10 real seconds) and starts again
    assertEquals(10.0, replay.at(Duration.ofSeconds(10)), 1e-9);
  }

  @Test
  void demandIsSplitOverAWorkloadsPodsIntoConcurrencyRpsAndCpu() {
    List<RawSeries> series = PodLoad.samples(List.of(new LoadTarget("shop", "web-0", "web"),
        new LoadTarget("shop", "web-1", "web"), new LoadTarget("shop", "db-0", "db")), 80, 1000);
    assertEquals(9, series.size());
    // web: 80 / 2 pods = 40 concurrent, 40 / 0.1 s = 400 rps, 0.05 + 400 × 0.002 = 0.85 cores.
    assertEquals(40.0, series.get(0).samples()[0], 1e-9);
    assertEquals(400.0, series.get(1).samples()[0], 1e-9);
    assertEquals(0.85, series.get(2).samples()[0], 1e-9);
    // db alone takes the whole demand.
    assertEquals(80.0, series.get(6).samples()[0], 1e-9);
  }
}
