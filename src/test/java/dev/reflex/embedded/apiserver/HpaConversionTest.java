package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HpaConversionTest {

  private static final String CPU_60 =
      "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\","
          + "\"averageUtilization\":60}}}";
  private static final String OTHER_METRICS = """
      {"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"500Mi"}}},
      {"type":"Pods","pods":{"metric":{"name":"qps"},"target":{"type":"AverageValue","averageValue":"10"}}},
      {"type":"External","external":{"metric":{"name":"queue","selector":{"matchLabels":{"q":"jobs"}}},
        "target":{"type":"Value","value":"30"}}},
      {"type":"Object","object":{"describedObject":{"apiVersion":"v1","kind":"Service","name":"front"},
        "target":{"type":"Value","value":"2k"},"metric":{"name":"rps"}}},
      {"type":"ContainerResource","containerResource":{"name":"cpu","container":"app",
        "target":{"type":"Utilization","averageUtilization":70}}}""";

  /** A v2 HPA using everything v1 cannot say. */
  private static JsonObject fullV2(String metrics) {
    return new JsonObject("""
        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler",
         "metadata":{"name":"web","namespace":"default","annotations":{"team":"a"}},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":2,
           "maxReplicas":10,"metrics":[%s],
           "behavior":{"scaleUp":{"stabilizationWindowSeconds":0,"selectPolicy":"Max",
               "policies":[{"type":"Pods","value":4,"periodSeconds":15}]},
             "scaleDown":{"selectPolicy":"Min","policies":[{"type":"Percent","value":10,"periodSeconds":60}]}}},
         "status":{"observedGeneration":3,"currentReplicas":2,"desiredReplicas":3,
           "currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageValue":"120m",
               "averageUtilization":75}}},
             {"type":"Pods","pods":{"metric":{"name":"qps"},"current":{"averageValue":"12"}}}],
           "conditions":[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z",
             "reason":"ReadyForNewScale","message":"ok"}]}}""".formatted(metrics));
  }

  @Test
  void v2ToV1KeepsWhatV1CannotSayInKubesAnnotations() {
    JsonObject v1 = HpaConversion.toV1(fullV2(CPU_60 + "," + OTHER_METRICS));
    JsonObject annotations = new JsonObject()
        .put("team", "a")
        .put(HpaConversion.METRICS, "[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"targetAverageValue\":"
            + "\"500Mi\"}},{\"type\":\"Pods\",\"pods\":{\"metricName\":\"qps\",\"targetAverageValue\":\"10\"}},"
            + "{\"type\":\"External\",\"external\":{\"metricName\":\"queue\",\"metricSelector\":{\"matchLabels\":"
            + "{\"q\":\"jobs\"}},\"targetValue\":\"30\"}},{\"type\":\"Object\",\"object\":{\"target\":{\"kind\":"
            + "\"Service\",\"name\":\"front\",\"apiVersion\":\"v1\"},\"metricName\":\"rps\",\"targetValue\":\"2k\"}},"
            + "{\"type\":\"ContainerResource\",\"containerResource\":{\"name\":\"cpu\",\"targetAverageUtilization\":70,"
            + "\"container\":\"app\"}}]")
        .put(HpaConversion.CURRENT_METRICS, "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
            + "\"currentAverageUtilization\":75,\"currentAverageValue\":\"120m\"}},{\"type\":\"Pods\",\"pods\":"
            + "{\"metricName\":\"qps\",\"currentAverageValue\":\"12\"}}]")
        .put(HpaConversion.CONDITIONS, "[{\"type\":\"AbleToScale\",\"status\":\"True\",\"lastTransitionTime\":"
            + "\"2025-01-01T00:00:00Z\",\"reason\":\"ReadyForNewScale\",\"message\":\"ok\"}]")
        .put(HpaConversion.BEHAVIOR, "{\"ScaleUp\":{\"StabilizationWindowSeconds\":0,\"SelectPolicy\":\"Max\","
            + "\"Policies\":[{\"Type\":\"Pods\",\"Value\":4,\"PeriodSeconds\":15}]},\"ScaleDown\":"
            + "{\"StabilizationWindowSeconds\":null,\"SelectPolicy\":\"Min\",\"Policies\":[{\"Type\":\"Percent\","
            + "\"Value\":10,\"PeriodSeconds\":60}]}}");
    JsonObject expected = new JsonObject()
        .put("apiVersion", "autoscaling/v1").put("kind", "HorizontalPodAutoscaler")
        .put("metadata", new JsonObject().put("name", "web").put("namespace", "default")
            .put("annotations", annotations))
        .put("spec", new JsonObject("""
            {"scaleTargetRef":{"kind":"Deployment","name":"web","apiVersion":"apps/v1"},"minReplicas":2,
             "maxReplicas":10,"targetCPUUtilizationPercentage":60}"""))
        .put("status", new JsonObject("""
            {"observedGeneration":3,"currentReplicas":2,"desiredReplicas":3,"currentCPUUtilizationPercentage":75}"""));
    assertEquals(expected, v1);
  }

  @Test
  void v2ToV1ToV2LosesNothingButPutsTheCpuTargetLast() {
    JsonObject original = fullV2(CPU_60 + "," + OTHER_METRICS);
    assertEquals(fullV2(OTHER_METRICS + "," + CPU_60), HpaConversion.toV2(HpaConversion.toV1(original)));
  }

  @Test
  void aV1ObjectConvertsToTheEquivalentV2() {
    JsonObject v1 = new JsonObject("""
        {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"php-apache"},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"php-apache"},"minReplicas":1,
           "maxReplicas":10,"targetCPUUtilizationPercentage":50},
         "status":{"currentReplicas":1,"desiredReplicas":1,"currentCPUUtilizationPercentage":0}}""");
    assertEquals(new JsonObject("""
        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"php-apache"},
         "spec":{"scaleTargetRef":{"kind":"Deployment","name":"php-apache","apiVersion":"apps/v1"},"minReplicas":1,
           "maxReplicas":10,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization",
           "averageUtilization":50}}}]},
         "status":{"currentReplicas":1,"desiredReplicas":1,"currentMetrics":[{"type":"Resource","resource":
           {"name":"cpu","current":{"averageUtilization":0}}}]}}"""), HpaConversion.toV2(v1));
  }

  static Stream<Arguments> v1Inputs() {
    return Stream.of(
        Arguments.of("no CPU target: the implicit 80% becomes explicit",
            "{\"spec\":{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"w\"},\"maxReplicas\":3}}",
            "[" + HpaDefaults.defaultCpuMetric().encode() + "]", null),
        Arguments.of("metrics annotation first, the CPU target last",
            "{\"metadata\":{\"annotations\":{\"" + HpaConversion.METRICS + "\":\"[{\\\"type\\\":\\\"Pods\\\","
                + "\\\"pods\\\":{\\\"metricName\\\":\\\"qps\\\",\\\"targetAverageValue\\\":\\\"5\\\"}}]\"}},"
                + "\"spec\":{\"maxReplicas\":3,\"targetCPUUtilizationPercentage\":40}}",
            "[{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":\"AverageValue\","
                + "\"averageValue\":\"5\"}}},{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":"
                + "{\"type\":\"Utilization\",\"averageUtilization\":40}}}]", null),
        Arguments.of("a malformed annotation is dropped, not an error",
            "{\"metadata\":{\"annotations\":{\"" + HpaConversion.METRICS + "\":\"[{oops\",\"keep\":\"me\"}},"
                + "\"spec\":{\"maxReplicas\":3,\"targetCPUUtilizationPercentage\":40}}",
            "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\","
                + "\"averageUtilization\":40}}}]", null),
        Arguments.of("behavior keys are read case-insensitively, as Go does",
            "{\"metadata\":{\"annotations\":{\"" + HpaConversion.BEHAVIOR + "\":\"{\\\"scaleDown\\\":"
                + "{\\\"stabilizationWindowSeconds\\\":30,\\\"Policies\\\":[{\\\"type\\\":\\\"Pods\\\",\\\"value\\\":1,"
                + "\\\"periodSeconds\\\":60}]}}\"}},\"spec\":{\"maxReplicas\":3,"
                + "\"targetCPUUtilizationPercentage\":40}}",
            "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\","
                + "\"averageUtilization\":40}}}]",
            "{\"scaleDown\":{\"stabilizationWindowSeconds\":30,\"policies\":[{\"type\":\"Pods\",\"value\":1,"
                + "\"periodSeconds\":60}]}}"),
        Arguments.of("an empty behavior annotation sets no behavior",
            "{\"metadata\":{\"annotations\":{\"" + HpaConversion.BEHAVIOR + "\":\"{}\"}},\"spec\":{\"maxReplicas\":3,"
                + "\"targetCPUUtilizationPercentage\":40}}",
            "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\","
                + "\"averageUtilization\":40}}}]", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1Inputs")
  void v1ToV2ConsumesTheAnnotations(String label, String v1, String metrics, String behavior) {
    JsonObject v2 = HpaConversion.toV2(new JsonObject(v1));
    assertEquals(new JsonArray(metrics), v2.getJsonObject("spec").getJsonArray("metrics"));
    assertEquals(behavior == null ? null : new JsonObject(behavior),
        v2.getJsonObject("spec").getJsonObject("behavior"));
    JsonObject annotations = v2.getJsonObject("metadata", new JsonObject()).getJsonObject("annotations");
    assertEquals(v1.contains("\"keep\"") ? new JsonObject().put("keep", "me") : null, annotations);
  }

  @Test
  void staleRoundTripAnnotationsOnTheStoredObjectDoNotReachV1() {
    JsonObject v2 = new JsonObject("""
        {"metadata":{"annotations":{"autoscaling.alpha.kubernetes.io/conditions":"[]",
          "autoscaling.alpha.kubernetes.io/behavior":"{}"}},
         "spec":{"scaleTargetRef":{"kind":"Deployment","name":"w"},"maxReplicas":3,"metrics":[%s]}}"""
        .formatted(CPU_60));
    assertEquals(new JsonObject("""
        {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{},
         "spec":{"scaleTargetRef":{"kind":"Deployment","name":"w"},"maxReplicas":3,"targetCPUUtilizationPercentage":60},
         "status":{"currentReplicas":0,"desiredReplicas":0}}"""), HpaConversion.toV1(v2));
  }

  @Test
  void anObjectAverageValueTargetComesBackWithKubesZeroValue() {
    String object = "{\"type\":\"Object\",\"object\":{\"describedObject\":{\"kind\":\"Service\",\"name\":\"s\"},"
        + "\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"5\"},\"metric\":{\"name\":\"rps\"}}}";
    JsonObject v2 = new JsonObject("{\"spec\":{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"w\"},"
        + "\"maxReplicas\":3,\"metrics\":[" + object + "]}}");
    JsonObject back = HpaConversion.toV2(HpaConversion.toV1(v2));
    assertEquals(new JsonObject("{\"type\":\"AverageValue\",\"value\":\"0\",\"averageValue\":\"5\"}"),
        back.getJsonObject("spec").getJsonArray("metrics").getJsonObject(0).getJsonObject("object")
            .getJsonObject("target"));
  }
}
