package dev.reflex.core.kpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading Knative's {@code config-autoscaler} keys: value syntaxes, conversions and validation. */
class KpaConfigTest {

  record Read(String name, Map<String, Object> data, Function<KpaConfig, Object> field, Object want) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Bad(String name, Map<String, Object> data, String wantMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Read> reads() {
    return Stream.of(
        new Read("stable window from \"60s\"", Map.of("stable-window", "60s"), KpaConfig::stableWindow,
            Duration.ofSeconds(60)),
        new Read("stable window from \"2m\"", Map.of("stable-window", "2m"), KpaConfig::stableWindow,
            Duration.ofMinutes(2)),
        new Read("stable window from \"1m30s\"", Map.of("stable-window", "1m30s"), KpaConfig::stableWindow,
            Duration.ofSeconds(90)),
        new Read("stable window from a number of seconds", Map.of("stable-window", 45), KpaConfig::stableWindow,
            Duration.ofSeconds(45)),
        new Read("stable window of one hour is allowed", Map.of("stable-window", "1h"), KpaConfig::stableWindow,
            Duration.ofHours(1)),
        new Read("stable window of 6 s is allowed", Map.of("stable-window", "6s"), KpaConfig::stableWindow,
            Duration.ofSeconds(6)),
        new Read("panic threshold percentage from \"200.0\"", Map.of("panic-threshold-percentage", "200.0"),
            KpaConfig::panicThresholdPercentage, 200.0),
        new Read("panic threshold percentage from a number", Map.of("panic-threshold-percentage", 150),
            KpaConfig::panicThresholdPercentage, 150.0),
        new Read("concurrency percentage 70 becomes 0.7", Map.of("container-concurrency-target-percentage", "70"),
            KpaConfig::containerConcurrencyTargetFraction, 0.7),
        new Read("concurrency percentage 0.5 is kept as a fraction",
            Map.of("container-concurrency-target-percentage", "0.5"), KpaConfig::containerConcurrencyTargetFraction,
            0.5),
        new Read("concurrency percentage 1 is kept as 100 %", Map.of("container-concurrency-target-percentage", 1),
            KpaConfig::containerConcurrencyTargetFraction, 1.0),
        new Read("concurrency percentage 100 becomes 1", Map.of("container-concurrency-target-percentage", "100"),
            KpaConfig::containerConcurrencyTargetFraction, 1.0),
        new Read("target burst capacity -1 means unlimited", Map.of("target-burst-capacity", "-1"),
            KpaConfig::targetBurstCapacity, -1.0),
        new Read("target burst capacity 0", Map.of("target-burst-capacity", "0"), KpaConfig::targetBurstCapacity,
            0.0),
        new Read("max scale up rate from a float string", Map.of("max-scale-up-rate", "1000.0"),
            KpaConfig::maxScaleUpRate, 1000.0),
        new Read("max scale down rate", Map.of("max-scale-down-rate", "4"), KpaConfig::maxScaleDownRate, 4.0),
        new Read("enable scale to zero \"false\"", Map.of("enable-scale-to-zero", "false"),
            KpaConfig::enableScaleToZero, false),
        new Read("enable scale to zero as a JSON boolean", Map.of("enable-scale-to-zero", false),
            KpaConfig::enableScaleToZero, false),
        new Read("Go booleans accept \"T\"", Map.of("enable-scale-to-zero", "T"), KpaConfig::enableScaleToZero,
            true),
        new Read("Go booleans accept \"0\"", Map.of("enable-scale-to-zero", "0"), KpaConfig::enableScaleToZero,
            false),
        new Read("scale to zero grace period \"40s\"", Map.of("scale-to-zero-grace-period", "40s"),
            KpaConfig::scaleToZeroGracePeriod, Duration.ofSeconds(40)),
        new Read("pod retention \"1m5s\"", Map.of("scale-to-zero-pod-retention-period", "1m5s"),
            KpaConfig::scaleToZeroPodRetentionPeriod, Duration.ofSeconds(65)),
        new Read("scale down delay \"0s\"", Map.of("scale-down-delay", "0s"), KpaConfig::scaleDownDelay,
            Duration.ZERO),
        new Read("scale down delay \"15m\"", Map.of("scale-down-delay", "15m"), KpaConfig::scaleDownDelay,
            Duration.ofMinutes(15)),
        new Read("initial scale 0 with zero initial scale allowed",
            Map.of("initial-scale", "0", "allow-zero-initial-scale", "true"), KpaConfig::initialScale, 0),
        new Read("min scale", Map.of("min-scale", "2"), KpaConfig::minScale, 2),
        new Read("max scale within the limit", Map.of("max-scale", "10", "max-scale-limit", "20"),
            KpaConfig::maxScale, 10),
        new Read("activator capacity", Map.of("activator-capacity", "100.0"), KpaConfig::activatorCapacity, 100.0),
        new Read("requests per second default", Map.of("requests-per-second-target-default", "150"),
            KpaConfig::requestsPerSecondTargetDefault, 150.0),
        new Read("panic window percentage \"10.0\"", Map.of("panic-window-percentage", "10.0"),
            KpaConfig::panicWindowPercentage, 10.0),
        new Read("keys starting with an underscore (the _example block) are ignored",
            Map.of("_example", "anything"), KpaConfig::stableWindow, Duration.ofSeconds(60)),
        new Read("autoscaler class is kept as a string", Map.of("pod-autoscaler-class", "kpa.autoscaling.knative.dev"),
            KpaConfig::podAutoscalerClass, "kpa.autoscaling.knative.dev"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void reads(Read c) {
    assertEquals(c.want(), c.field().apply(KpaConfig.fromMap(c.data())));
  }

  static Stream<Bad> bads() {
    return Stream.of(
        new Bad("an unknown key is named", Map.of("stable-windw", "60s"),
            "stable-windw: unknown config-autoscaler key"),
        new Bad("a duration without unit", Map.of("stable-window", "60"),
            "stable-window: time: missing unit in duration \"60\""),
        new Bad("a duration with an unknown unit", Map.of("stable-window", "60x"),
            "stable-window: time: unknown unit \"x\" in duration \"60x\""),
        new Bad("stable window under 6 s", Map.of("stable-window", "5s"),
            "stable-window: must be in [6s, 1h], was PT5S"),
        new Bad("stable window over an hour", Map.of("stable-window", "61m"),
            "stable-window: must be in [6s, 1h], was PT1H1M"),
        new Bad("stable window with milliseconds", Map.of("stable-window", "6500ms"),
            "stable-window: must be whole seconds, was PT6.5S"),
        new Bad("a float that is not a number", Map.of("max-scale-up-rate", "fast"),
            "max-scale-up-rate: \"fast\" is not a number"),
        new Bad("max scale up rate of 1", Map.of("max-scale-up-rate", "1"),
            "max-scale-up-rate: must be greater than 1, was 1.0"),
        new Bad("max scale down rate of 0.5", Map.of("max-scale-down-rate", "0.5"),
            "max-scale-down-rate: must be greater than 1, was 0.5"),
        new Bad("target burst capacity -2", Map.of("target-burst-capacity", "-2"),
            "target-burst-capacity: must be non-negative or -1 (unlimited), was -2.0"),
        new Bad("concurrency percentage 0", Map.of("container-concurrency-target-percentage", "0"),
            "container-concurrency-target-percentage: must be in (0, 100], was 0.0"),
        new Bad("concurrency percentage 150", Map.of("container-concurrency-target-percentage", "150"),
            "container-concurrency-target-percentage: must be in (0, 100], was 1.5"),
        new Bad("panic window percentage 0.5", Map.of("panic-window-percentage", "0.5"),
            "panic-window-percentage: must be in [1, 100], was 0.5"),
        new Bad("panic window percentage 101", Map.of("panic-window-percentage", 101),
            "panic-window-percentage: must be in [1, 100], was 101.0"),
        new Bad("grace period 0", Map.of("scale-to-zero-grace-period", "0s"),
            "scale-to-zero-grace-period: must be positive, was PT0S"),
        new Bad("negative retention", Map.of("scale-to-zero-pod-retention-period", "-1s"),
            "scale-to-zero-pod-retention-period: cannot be negative, was PT-1S"),
        new Bad("negative scale down delay", Map.of("scale-down-delay", "-5s"),
            "scale-down-delay: cannot be negative, was PT-5S"),
        new Bad("scale down delay with a fraction of a second", Map.of("scale-down-delay", "1.5s"),
            "scale-down-delay: must be whole seconds, was PT1.5S"),
        new Bad("activator capacity 0.5", Map.of("activator-capacity", "0.5"),
            "activator-capacity: must be at least 1, was 0.5"),
        new Bad("initial scale 0 without permission", Map.of("initial-scale", "0"),
            "initial-scale: must be at least 1 (or 0 when allow-zero-initial-scale is true), was 0"),
        new Bad("an integer key given a fraction", Map.of("initial-scale", "1.5"),
            "initial-scale: \"1.5\" is not a 32-bit integer"),
        new Bad("an integer key given a fractional number", Map.of("min-scale", 1.5),
            "min-scale: must be a 32-bit integer, was 1.5"),
        new Bad("a boolean key given a word", Map.of("enable-scale-to-zero", "yes"),
            "enable-scale-to-zero: \"yes\" is not a boolean"),
        new Bad("a boolean key given a number", Map.of("enable-scale-to-zero", 1),
            "enable-scale-to-zero: must be a boolean or a boolean string, was Integer"),
        new Bad("max scale above the limit", Map.of("max-scale", "30", "max-scale-limit", "20"),
            "max-scale: must be in [1, max-scale-limit(20)], was 30"),
        new Bad("max scale 0 with a limit set", Map.of("max-scale-limit", "20"),
            "max-scale: must be in [1, max-scale-limit(20)], was 0"),
        new Bad("negative max scale limit", Map.of("max-scale-limit", "-1"),
            "max-scale-limit: must be at least 0, was -1"),
        new Bad("min scale above max scale", Map.of("min-scale", "5", "max-scale", "3"),
            "min-scale: must be in [0, max-scale], was 5"),
        new Bad("requests per second default below the minimum target",
            Map.of("requests-per-second-target-default", "0.001"),
            "requests-per-second-target-default: must be at least 0.01, was 0.001"),
        new Bad("concurrency default so small the target falls below 0.01",
            Map.of("container-concurrency-target-default", "0.01"),
            "container-concurrency-target-default: with container-concurrency-target-percentage yields a target "
                + "below 0.01"),
        new Bad("infinite numbers are rejected", Map.of("max-scale-up-rate", "Infinity"),
            "max-scale-up-rate: must be finite, was Infinity"),
        new Bad("the panic threshold cannot be zero", Map.of("panic-threshold-percentage", "0"),
            "panic-threshold-percentage: must be positive, was 0.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bads")
  void rejects(Bad c) {
    KpaInputException e = assertThrows(KpaInputException.class, () -> KpaConfig.fromMap(c.data()));
    assertEquals(c.wantMessage(), e.getMessage());
  }

  @Test
  void emptyMapGivesKnativeDefaults() {
    KpaConfig c = KpaConfig.fromMap(Map.of());
    assertEquals(KpaConfig.defaults(), c);
    assertEquals(100, c.containerConcurrencyTargetDefault());
    assertEquals(0.7, c.containerConcurrencyTargetFraction());
    assertEquals(200, c.requestsPerSecondTargetDefault());
    assertEquals(211, c.targetBurstCapacity());
    assertEquals(1000, c.maxScaleUpRate());
    assertEquals(2, c.maxScaleDownRate());
    assertEquals(10, c.panicWindowPercentage());
    assertEquals(200, c.panicThresholdPercentage());
    assertEquals(Duration.ofSeconds(60), c.stableWindow());
    assertEquals(Duration.ofSeconds(30), c.scaleToZeroGracePeriod());
    assertEquals(1, c.initialScale());
  }

  @Test
  void seedConfigMapParses() {
    Map<String, Object> seed = Map.ofEntries(
        Map.entry("container-concurrency-target-default", "100"),
        Map.entry("container-concurrency-target-percentage", "70"),
        Map.entry("requests-per-second-target-default", "200"),
        Map.entry("target-burst-capacity", "211"),
        Map.entry("stable-window", "60s"),
        Map.entry("panic-window-percentage", "10.0"),
        Map.entry("panic-threshold-percentage", "200.0"),
        Map.entry("max-scale-up-rate", "1000.0"),
        Map.entry("max-scale-down-rate", "2.0"),
        Map.entry("enable-scale-to-zero", "true"),
        Map.entry("scale-to-zero-grace-period", "30s"),
        Map.entry("scale-to-zero-pod-retention-period", "0s"),
        Map.entry("pod-autoscaler-class", "kpa.autoscaling.knative.dev"),
        Map.entry("activator-capacity", "100.0"),
        Map.entry("initial-scale", "1"),
        Map.entry("allow-zero-initial-scale", "false"),
        Map.entry("min-scale", "0"),
        Map.entry("max-scale", "0"),
        Map.entry("scale-down-delay", "0s"));
    assertEquals(KpaConfig.defaults(), KpaConfig.fromMap(seed));
  }
}
