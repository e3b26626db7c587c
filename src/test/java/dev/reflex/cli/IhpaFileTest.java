package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.backtest.IhpaSetup;
import dev.reflex.backtest.Workload;
import dev.reflex.core.gray.GrayState;
import dev.reflex.core.gray.GrayStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped samples as a backtest reads them, and the IHPAs it cannot replay. */
class IhpaFileTest {

  private static final Workload WORKLOAD = new Workload(100, 70, Duration.ofSeconds(10), Duration.ZERO, 1, 10, -1,
      1);

  @TempDir
  Path dir;

  private final List<String> notes = new ArrayList<>();

  private IhpaSetup read(String sample) {
    return IhpaFile.read(Path.of("deploy/samples", sample), WORKLOAD, notes::add);
  }

  @Test
  void theBacktestSampleIsAKubeHpaPortraitWithACutoffScaleDown() {
    IhpaSetup setup = read("backtest-reflex-sample.yaml");
    assertEquals(List.of(new IhpaSetup.KubeHpa("Reactive", 1, Duration.ofSeconds(15), 0.1)), setup.dynamic());
    assertEquals(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60), setup.strategies().scaleDown().orElseThrow());
    assertTrue(setup.strategies().scaleUp().isEmpty());
    assertEquals(List.of("the IHPA's replicas 1..100 give way to the workload's 1..10 (--min, --max), as for every "
        + "policy", "portraitProviders[0].dynamic: watches the workload's rps at the workload's target (--target) "
        + "instead of its metrics, as every policy does"), notes);
  }

  @Test
  void theKpaSampleKeepsItsKnativeKeys() {
    IhpaSetup.Kpa kpa = (IhpaSetup.Kpa) read("kpa-burst-sample.yaml").dynamic().get(0);
    assertEquals("60s", kpa.algorithmKeys().get("stable-window"));
    assertEquals("30s", kpa.algorithmKeys().get("scale-down-delay"));
    assertEquals("200.0", kpa.algorithmKeys().get("panic-threshold-percentage"));
  }

  @Test
  void staticAndCronProvidersAndTheForecastSampleAreMappedAsTheControllerMapsThem() {
    IhpaSetup gray = read("gray-strategy-sample.yaml");
    assertEquals(List.of("Static", "Cron"), gray.fixed().stream().map(p -> p.identifier()).toList());
    IhpaSetup.Forecast forecast = (IhpaSetup.Forecast) read("forecast-predictive-sample.yaml").dynamic().get(0);
    assertEquals(new IhpaSetup.Forecast("Predictive", 1, Duration.ofHours(168), Duration.ofHours(24),
        Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(2)), forecast);
  }

  @Test
  void anExternalJobCannotBeReplayed() {
    UsageException e = assertThrows(UsageException.class, () -> read("dynamic-predictive-portrait-sample.yaml"));
    assertTrue(e.getMessage().endsWith("portraitProviders[0].dynamic.algorithm.type: ExternalJob runs outside "
        + "Reflex and cannot be replayed; the Forecast algorithm is Reflex's built-in predictive portrait"),
        e.getMessage());
  }

  @Test
  void anInvalidSpecIsRefusedAsTheControllerWouldReportIt() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        apiVersion: autoscaling.kapacitystack.io/v1alpha1
        kind: IntelligentHorizontalPodAutoscaler
        metadata:
          name: bad
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 5
          maxReplicas: 2
          portraitProviders:
          - type: Static
            priority: 1
            static: {replicas: 3}
        """);
    UsageException e = assertThrows(UsageException.class, () -> IhpaFile.read(file, WORKLOAD, notes::add));
    assertTrue(e.getMessage().startsWith("--ihpa: " + file + ": ") && e.getMessage().contains("maxReplicas"),
        e.getMessage());
  }

  @Test
  void aFileWithoutAnIhpaSaysSo() throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    assertEquals("--ihpa: " + file + " holds no IntelligentHorizontalPodAutoscaler",
        assertThrows(UsageException.class, () -> IhpaFile.read(file, WORKLOAD, notes::add)).getMessage());
  }

  @Test
  void theReflexPolicyNeedsAnIhpaAndJoinsAllWhenOneIsGiven() throws IOException {
    Path trace = dir.resolve("t.csv");
    Files.writeString(trace, "0,100\n1,100\n2,100\n");
    ReflexCliTest.Result none = ReflexCliTest.run(Map.of(), "backtest", "--trace", trace.toString(), "--policies",
        "reflex");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("'reflex' races the IHPA of --ihpa FILE, and none was given"), none.err());
    ReflexCliTest.Result given = ReflexCliTest.run(Map.of(), "backtest", "--trace", trace.toString(), "--ihpa",
        "deploy/samples/backtest-reflex-sample.yaml", "--max", "100", "--json");
    assertEquals(0, given.code(), given.err());
    assertTrue(given.out().contains("\"reflex\":{"), given.out());
  }
}
