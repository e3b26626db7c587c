package dev.reflex.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid specs pass: every sample, and the valid side of each boundary the corpus tests from the other side. */
class ValidSpecTest {

  static Stream<Path> ihpaSamples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("deploy/samples"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      return all.stream().filter(p -> read(p).contains("kind: IntelligentHorizontalPodAutoscaler"));
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ihpaSamples")
  void everySampleIsValid(Path sample) {
    var ihpa = Serialization.unmarshal(read(sample), IntelligentHorizontalPodAutoscaler.class);
    assertEquals(List.of(), SpecValidator.validate(ihpa).violations());
  }

  static Stream<Arguments> boundaries() {
    String kpa = "/spec/portraitProviders/0/dynamic/algorithm/kpa";
    String gray = "/spec/behavior/scaleDown/grayStrategy";
    String cron = "/spec/portraitProviders/0/cron/crons/0";
    String fc = "/spec/portraitProviders/0/dynamic/algorithm/forecast";
    return Stream.of(
        Arguments.of("min equal to max", "gray-strategy-sample.yaml",
            List.of("/spec/minReplicas=3", "/spec/maxReplicas=3")),
        Arguments.of("scale to zero range", "gray-strategy-sample.yaml",
            List.of("/spec/minReplicas=0", "/spec/maxReplicas=0", "/spec/portraitProviders/0/static/replicas=0")),
        Arguments.of("static tied with cron may still lose to it", "gray-strategy-sample.yaml",
            List.of("/spec/portraitProviders/0/priority=2")),
        Arguments.of("negative priorities are allowed", "cron-portrait-sample.yaml",
            List.of("/spec/portraitProviders/0/priority=-5")),
        Arguments.of("gray percent 100 and interval 1", "gray-strategy-sample.yaml",
            List.of(gray + "/changePercent=100", gray + "/changeIntervalSeconds=1", gray + "/observationSeconds=0")),
        Arguments.of("gray percent 1", "gray-strategy-sample.yaml", List.of(gray + "/changePercent=1")),
        Arguments.of("named time zone", "cron-portrait-sample.yaml", List.of(cron + "/timeZone=\"Asia/Shanghai\"")),
        Arguments.of("empty time zone means UTC", "cron-portrait-sample.yaml", List.of(cron + "/timeZone=\"\"")),
        Arguments.of("cron lists and steps", "cron-portrait-sample.yaml",
            List.of(cron + "/start=\"*/15 8-18 * * 1-5\"", cron + "/end=\"5,20,35,50 8-18 * * MON-FRI\"")),
        Arguments.of("cron descriptors, zone prefix and question mark", "cron-portrait-sample.yaml",
            List.of(cron + "/start=\"@hourly\"", cron + "/end=\"CRON_TZ=Asia/Shanghai 30 * ? * *\"")),
        Arguments.of("averageUtilization 1", "dynamic-reactive-portrait-sample.yaml",
            List.of("/spec/portraitProviders/0/dynamic/metrics/0/resource/target/averageUtilization=1")),
        Arguments.of("KubeHPA parameters at their bounds", "dynamic-reactive-portrait-sample.yaml",
            List.of("/spec/portraitProviders/0/dynamic/algorithm/kubeHPA={\"syncPeriod\":\"1s\",\"tolerance\":\"0\","
                + "\"cpuInitializationPeriod\":\"0s\",\"initialReadinessDelay\":\"0\"}")),
        Arguments.of("KPA lower bounds", "kpa-burst-sample.yaml",
            List.of(kpa + "/target=\"0.01\"", kpa + "/targetUtilizationPercentage=1", kpa + "/stableWindow=\"6s\"",
                kpa + "/panicWindowPercentage=\"1\"", kpa + "/panicThresholdPercentage=\"110\"",
                kpa + "/maxScaleUpRate=\"1.01\"", kpa + "/maxScaleDownRate=\"1.01\"", kpa + "/scaleDownDelay=\"0s\"",
                kpa + "/targetBurstCapacity=\"0\"")),
        Arguments.of("KPA upper bounds and unlimited burst", "kpa-burst-sample.yaml",
            List.of(kpa + "/targetUtilizationPercentage=100", kpa + "/stableWindow=\"1h\"",
                kpa + "/panicWindowPercentage=\"100\"", kpa + "/panicThresholdPercentage=\"1000\"",
                kpa + "/scaleDownDelay=\"60m\"", kpa + "/targetBurstCapacity=\"-1\"")),
        Arguments.of("KPA with defaults only", "kpa-burst-sample.yaml", List.of("-" + kpa)),
        Arguments.of("KPA on a total Value target with its own target", "kpa-burst-sample.yaml",
            List.of("/spec/portraitProviders/0/dynamic/metrics/0={\"type\":\"External\",\"external\":{\"metric\":"
                + "{\"name\":\"queue_depth\"},\"target\":{\"type\":\"Value\",\"value\":\"100\"}}}",
                kpa + "/target=\"20\"")),
        Arguments.of("forecast history of exactly two seasons", "forecast-predictive-sample.yaml",
            List.of(fc + "/historyLength=\"48h\"")),
        Arguments.of("forecast with defaults only", "forecast-predictive-sample.yaml", List.of("-" + fc)),
        Arguments.of("external generator may use its own types", "dynamic-reactive-portrait-sample.yaml",
            List.of("/spec/portraitProviders/0/dynamic/portraitType=\"Burst\"",
                "/spec/portraitProviders/0/dynamic/externalGeneratorName=\"my-generator\"",
                "/spec/portraitProviders/0/dynamic/algorithm={\"type\":\"Custom\",\"config\":{\"k\":[1,2]}}")),
        Arguments.of("ExternalJob on a Reactive portrait", "dynamic-predictive-portrait-sample.yaml",
            List.of("/spec/portraitProviders/0/dynamic/portraitType=\"Reactive\"",
                "/spec/portraitProviders/0/dynamic/metrics/1/pods/target={\"type\":\"AverageValue\","
                    + "\"averageValue\":\"1\"}",
                "/spec/portraitProviders/0/dynamic/metrics/2/object/target={\"type\":\"Value\",\"value\":\"100\"}")),
        Arguments.of("predictive ContainerResource target and External traffic",
            "dynamic-predictive-portrait-sample.yaml",
            List.of("/spec/portraitProviders/0/dynamic/metrics/0={\"type\":\"ContainerResource\",\"containerResource\":"
                + "{\"name\":\"cpu\",\"container\":\"nginx\",\"target\":{\"type\":\"Utilization\","
                + "\"averageUtilization\":40}}}",
                "/spec/portraitProviders/0/dynamic/metrics/3={\"name\":\"rpc\",\"type\":\"External\",\"external\":"
                    + "{\"metric\":{\"name\":\"rpc_rate\"},\"target\":{\"type\":\"NA\"}}}")),
        Arguments.of("two cron providers", "gray-strategy-sample.yaml",
            List.of("/spec/portraitProviders/0={\"type\":\"Cron\",\"priority\":1,\"cron\":{\"crons\":[{\"name\":\"a\","
                + "\"start\":\"0 8 * * *\",\"end\":\"0 20 * * *\",\"replicas\":3}]}}")),
        Arguments.of("deleting gray on any scalable workload", "gray-strategy-sample.yaml",
            List.of("/spec/scaleTargetRef/kind=\"CloneSet\"",
                "/spec/scaleTargetRef/apiVersion=\"apps.kruise.io/v1alpha1\"",
                "/spec/behavior/scaleDown/grayStrategy/grayState=\"Deleted\"")),
        Arguments.of("both directions disabled", "gray-strategy-sample.yaml",
            List.of("/spec/behavior/scaleUp={\"disabled\":true}", "/spec/behavior/scaleDown/disabled=true")),
        Arguments.of("default replica profile behaviour spelled out", "gray-strategy-sample.yaml",
            List.of("/spec/behavior/replicaProfile={\"podSorter\":{\"type\":\"WorkloadDefault\"},"
                + "\"podTrafficController\":{\"type\":\"ReadinessGate\"}}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaries")
  void validSideOfEachBoundaryPasses(String name, String sample, List<String> edits) {
    ValidationResult result = SpecValidator.validate(SpecEdits.apply(sample, edits));
    assertTrue(result.valid(), () -> name + ": " + result.violations());
    assertEquals("", result.conditionMessage());
  }
}
