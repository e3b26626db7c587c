package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.api.v1alpha1.HorizontalPortraitProvider;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerSpec;
import dev.reflex.core.gray.GrayState;
import dev.reflex.core.gray.GrayStrategies;
import dev.reflex.core.gray.GrayStrategy;
import dev.reflex.core.portrait.CronRule;
import dev.reflex.core.portrait.NoPortraitData;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.ReplicaBounds;
import dev.reflex.core.portrait.StaticPortrait;
import dev.reflex.core.portrait.TimeSeriesPoint;
import dev.reflex.core.portrait.TimeSeriesPortrait;
import dev.reflex.testing.Mappers;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed IHPA spec (as validation read it) to the core's records: bounds, providers, gray strategies and the
 * allowed direction, with the CRD's defaults where a field is absent.
 */
class ApiMappingTableTest {

  record Case(String name, Supplier<Object> got, Object want) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A typed IHPA spec from the JSON of its {@code spec}. */
  private static IntelligentHorizontalPodAutoscalerSpec spec(String json) {
    return Mappers.KUBE.unmarshal("{\"apiVersion\":\"autoscaling.kapacitystack.io/v1alpha1\","
        + "\"kind\":\"IntelligentHorizontalPodAutoscaler\",\"metadata\":{\"name\":\"web\"},\"spec\":" + json + "}",
        IntelligentHorizontalPodAutoscaler.class).getSpec();
  }

  private static HorizontalPortraitProvider provider(String json) {
    return spec("{\"portraitProviders\":[" + json + "]}").portraitProviders().get(0);
  }

  private static GrayStrategies gray(String behavior) {
    return ApiMapping.grayStrategies(spec("{\"behavior\":" + behavior + "}"));
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("bounds", () -> ApiMapping.bounds(spec("{\"minReplicas\":2,\"maxReplicas\":9}")),
            new ReplicaBounds(2, 9)),
        new Case("bounds: minReplicas absent is 0", () -> ApiMapping.bounds(spec("{\"maxReplicas\":9}")),
            new ReplicaBounds(0, 9)),
        new Case("direction: no behavior", () -> ApiMapping.allowedScalingDirection(spec("{}")), "Both"),
        new Case("direction: scale-up disabled", () -> ApiMapping.allowedScalingDirection(
            spec("{\"behavior\":{\"scaleUp\":{\"disabled\":true}}}")), "Down"),
        new Case("direction: scale-down disabled", () -> ApiMapping.allowedScalingDirection(
            spec("{\"behavior\":{\"scaleDown\":{\"disabled\":true},\"scaleUp\":{\"disabled\":false}}}")), "Up"),
        new Case("direction: both disabled", () -> ApiMapping.allowedScalingDirection(
            spec("{\"behavior\":{\"scaleDown\":{\"disabled\":true},\"scaleUp\":{\"disabled\":true}}}")), "Neither"),
        new Case("gray: none", () -> gray("{}"), new GrayStrategies(Optional.empty(), Optional.empty())),
        new Case("gray: scale-down to Cutoff, seed 000's sample", () -> gray("{\"scaleDown\":{\"grayStrategy\":"
            + "{\"grayState\":\"Cutoff\",\"changeIntervalSeconds\":30,\"changePercent\":50,"
            + "\"observationSeconds\":60}}}"),
            new GrayStrategies(Optional.empty(), Optional.of(new GrayStrategy(GrayState.CUTOFF, 30, 50, 60)))),
        new Case("gray: state and observation absent are Online and 0", () -> gray("{\"scaleUp\":{\"grayStrategy\":"
            + "{\"changeIntervalSeconds\":10,\"changePercent\":25}}}"),
            new GrayStrategies(Optional.of(new GrayStrategy(GrayState.ONLINE, 10, 25, 0)), Optional.empty())),
        new Case("static provider", () -> ApiMapping.staticOrCron(provider(
            "{\"type\":\"Static\",\"priority\":1,\"static\":{\"replicas\":4}}")),
            PortraitProvider.staticReplicas(1, 4)),
        new Case("static provider: priority absent is 0", () -> ApiMapping.staticOrCron(provider(
            "{\"type\":\"Static\",\"static\":{\"replicas\":4}}")), PortraitProvider.staticReplicas(0, 4)),
        new Case("cron provider: time zone absent is UTC", () -> ApiMapping.staticOrCron(provider(
            "{\"type\":\"Cron\",\"priority\":2,\"cron\":{\"crons\":[{\"name\":\"day\",\"start\":\"0 8 * * *\","
                + "\"end\":\"0 20 * * *\",\"replicas\":5}]}}")),
            PortraitProvider.cron(2, List.of(CronRule.of("day", "0 8 * * *", "0 20 * * *", "UTC", 5)))),
        new Case("dynamic provider, portrait not generated yet", () -> ApiMapping.dynamic(provider(
            "{\"type\":\"Dynamic\",\"priority\":3,\"dynamic\":{\"portraitType\":\"Reactive\"}}"), null),
            PortraitProvider.dynamic("Reactive", 3, new NoPortraitData(), Optional.empty())),
        new Case("dynamic provider with a Static portrait", () -> ApiMapping.dynamic(provider(
            "{\"type\":\"Dynamic\",\"dynamic\":{\"portraitType\":\"Reactive\"}}"),
            new JsonObject("{\"portraitData\":{\"type\":\"Static\",\"static\":{\"replicas\":6}}}")),
            PortraitProvider.dynamic("Reactive", 0, new StaticPortrait(6), Optional.empty())),
        new Case("dynamic provider with a TimeSeries portrait: points sorted, expiry read", () -> ApiMapping.dynamic(
            provider("{\"type\":\"Dynamic\",\"dynamic\":{\"portraitType\":\"Predictive\"}}"),
            new JsonObject("{\"portraitData\":{\"type\":\"TimeSeries\",\"expireTime\":\"2023-10-25T13:00:00Z\","
                + "\"timeSeries\":{\"timeSeries\":[{\"timestamp\":1698235200,\"replicas\":5},"
                + "{\"timestamp\":1698231600,\"replicas\":3}]}}}")),
            PortraitProvider.dynamic("Predictive", 0, new TimeSeriesPortrait(List.of(
                new TimeSeriesPoint(Instant.ofEpochSecond(1698231600), 3),
                new TimeSeriesPoint(Instant.ofEpochSecond(1698235200), 5))),
                Optional.of(Instant.parse("2023-10-25T13:00:00Z")))),
        new Case("portrait name: IHPA name and portrait type, lower case", () -> ApiMapping.portraitName("Web",
            provider("{\"type\":\"Dynamic\",\"dynamic\":{\"portraitType\":\"Predictive\"}}")), "web-predictive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void maps(Case c) {
    assertEquals(c.want(), c.got().get());
  }

  @Test
  void portraitDataOfAnUnknownTypeIsRefusedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiMapping.portraitData(new JsonObject().put("type", "Burst")));
    assertEquals("portraitData.type: unsupported type 'Burst'", e.getMessage());
  }
}
