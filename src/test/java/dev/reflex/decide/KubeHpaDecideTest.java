package dev.reflex.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.objects.InvalidFieldException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The KubeHPA decide contract: Kubernetes-shaped JSON in, decision JSON out, field-named errors for bad input. */
class KubeHpaDecideTest {

  private final KubeHpaDecide decide = new KubeHpaDecide();

  static JsonObject pod(String name, String app) {
    return new JsonObject("{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"" + app + "\"}},"
        + "\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"200m\"}}}],"
        + "\"initContainers\":[{\"name\":\"proxy\",\"restartPolicy\":\"Always\",\"resources\":{\"requests\":"
        + "{\"cpu\":\"100m\"}}},{\"name\":\"init\",\"resources\":{\"requests\":{\"cpu\":\"5\"}}}]},"
        + "\"status\":{\"phase\":\"Running\",\"startTime\":\"2026-01-01T10:00:00Z\",\"conditions\":[{\"type\":"
        + "\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"2026-01-01T10:00:20Z\"}]}}");
  }

  static JsonObject usage(String name) {
    return new JsonObject("{\"metadata\":{\"name\":\"" + name + "\"},\"timestamp\":\"2026-01-01T11:59:45Z\","
        + "\"window\":\"1m0s\",\"containers\":[{\"name\":\"app\",\"usage\":{\"cpu\":\"250m\"}},{\"name\":\"proxy\","
        + "\"usage\":{\"cpu\":\"50m\"}}]}");
  }

  /** A valid cpu document: 2 selected pods at 100 % of their 300m request (sidecar included, init excluded). */
  static JsonObject cpuDocument() {
    return new JsonObject()
        .put("algorithm", "KubeHPA")
        .put("now", "2026-01-01T12:00:00Z")
        .put("hpa", new JsonObject("{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\","
            + "\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"},\"spec\":{\"scaleTargetRef\":{\"apiVersion\":"
            + "\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},\"minReplicas\":1,\"maxReplicas\":10,"
            + "\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":"
            + "\"Utilization\",\"averageUtilization\":50}}}],\"behavior\":{\"scaleUp\":{\"policies\":[{\"type\":"
            + "\"Pods\",\"value\":4,\"periodSeconds\":15}]},\"scaleDown\":{\"stabilizationWindowSeconds\":60,"
            + "\"selectPolicy\":\"Min\",\"policies\":[{\"type\":\"Percent\",\"value\":50,\"periodSeconds\":60}]}}}}"))
        .put("scale", new JsonObject("{\"spec\":{\"replicas\":2},\"status\":{\"replicas\":2,\"selector\":"
            + "\"app=web\"}}"))
        .put("pods", new JsonArray().add(pod("web-0", "web")).add(pod("web-1", "web")).add(pod("db-0", "db")))
        .put("podMetrics", new JsonArray().add(usage("web-0")).add(usage("web-1")))
        .put("metricValues", new JsonArray());
  }

  /** Seed 003 at QPS 2000 on 3 pods. */
  static JsonObject qpsDocument() {
    return new JsonObject("{\"algorithm\":\"KubeHPA\",\"now\":\"2026-01-01T12:00:00Z\",\"hpa\":{\"metadata\":"
        + "{\"name\":\"demo-micro-service\",\"namespace\":\"demo-prod\"},\"spec\":{\"minReplicas\":2,"
        + "\"maxReplicas\":10,\"behavior\":{\"scaleDown\":{\"stabilizationWindowSeconds\":600,\"policies\":["
        + "{\"type\":\"Pods\",\"value\":1,\"periodSeconds\":60},{\"type\":\"Percent\",\"value\":5,"
        + "\"periodSeconds\":60}],\"selectPolicy\":\"Min\"}},\"metrics\":[{\"type\":\"External\",\"external\":"
        + "{\"metric\":{\"name\":\"http_index_qps\",\"selector\":{\"matchLabels\":{\"env\":\"demo-prod\"}}},"
        + "\"target\":{\"type\":\"Value\",\"value\":\"1200000m\"}}}]}},\"scale\":{\"spec\":{\"replicas\":3},"
        + "\"status\":{\"replicas\":3,\"selector\":\"app=demo\"}},\"pods\":["
        + readyPod("demo-0") + "," + readyPod("demo-1") + "," + readyPod("demo-2") + "],\"metricValues\":[{\"type\":"
        + "\"External\",\"metric\":{\"name\":\"http_index_qps\",\"selector\":{\"matchLabels\":{\"env\":"
        + "\"demo-prod\"}}},\"value\":\"2k\"}]}");
  }

  static String readyPod(String name) {
    return "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"demo\"}},\"status\":{\"phase\":"
        + "\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}";
  }

  @Test
  void namesItselfKubeHpa() {
    assertEquals("KubeHPA", decide.name());
  }

  @Test
  void mapsResourceDocumentFilteringPodsBySelectorAndCountingSidecarRequests() {
    JsonObject out = decide.decide(cpuDocument());
    assertEquals(4, out.getInteger("desiredReplicas"));
    assertEquals(true, out.getBoolean("scaleUpdated"));
    assertEquals(new JsonArray("[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"current\":"
        + "{\"averageUtilization\":100,\"averageValue\":\"300m\"}}}]"), out.getJsonArray("currentMetrics"));
    assertEquals(new JsonArray("[{\"type\":\"AbleToScale\",\"status\":\"True\",\"reason\":\"SucceededRescale\","
        + "\"message\":\"the HPA controller was able to update the target scale to 4\"},{\"type\":\"ScalingActive\","
        + "\"status\":\"True\",\"reason\":\"ValidMetricFound\",\"message\":\"the HPA was able to successfully "
        + "calculate a replica count from cpu resource utilization (percentage of request)\"},{\"type\":"
        + "\"ScalingLimited\",\"status\":\"False\",\"reason\":\"DesiredWithinRange\",\"message\":\"the desired count "
        + "is within the acceptable range\"}]"), out.getJsonArray("conditions"));
    assertEquals(new JsonArray("[{\"type\":\"Normal\",\"reason\":\"SuccessfulRescale\",\"message\":\"New size: 4; "
        + "reason: cpu resource utilization (percentage of request) above target\"}]"), out.getJsonArray("events"));
    assertEquals(new JsonObject("{\"recommendations\":[{\"timestamp\":\"2026-01-01T12:00:00Z\",\"replicas\":2},"
        + "{\"timestamp\":\"2026-01-01T12:00:00Z\",\"replicas\":4}],\"scaleUpEvents\":[{\"timestamp\":"
        + "\"2026-01-01T12:00:00Z\",\"replicaChange\":2}],\"scaleDownEvents\":[]}"), out.getJsonObject("state"));
    assertEquals(null, out.getValue("error"));
  }

  @Test
  void mapsSeed003ExternalQpsDocument() {
    JsonObject out = decide.decide(qpsDocument());
    assertEquals(5, out.getInteger("desiredReplicas"));
    assertEquals(new JsonArray("[{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"http_index_qps\","
        + "\"selector\":{\"matchLabels\":{\"env\":\"demo-prod\"}}},\"current\":{\"value\":\"2k\"}}}]"),
        out.getJsonArray("currentMetrics"));
    assertEquals("New size: 5; reason: external metric http_index_qps(&LabelSelector{MatchLabels:map[string]string"
        + "{env: demo-prod,},MatchExpressions:[]LabelSelectorRequirement{},}) above target",
        out.getJsonArray("events").getJsonObject(0).getString("message"));
  }

  /**
   * A low reading on 5 replicas: first sight seeds a recommendation of 5, which the 600 s window holds; a known HPA
   * without history has no such recommendation, so only the policies (1 pod per 60 s) limit the scale-down.
   */
  private JsonObject lowReadingOnFive() {
    JsonObject document = qpsDocument();
    document.getJsonObject("scale").getJsonObject("spec").put("replicas", 5);
    document.getJsonArray("metricValues").getJsonObject(0).put("value", "100");
    return document;
  }

  @Test
  void anAbsentStateIsFirstSightAndHoldsTheCurrentCount() {
    JsonObject out = decide.decide(lowReadingOnFive());
    assertEquals(5, out.getInteger("desiredReplicas"));
    assertEquals("ScaleDownStabilized", out.getJsonArray("conditions").getJsonObject(0).getString("reason"));
  }

  @Test
  void aStateWithEmptyListsIsKnownHistoryWithNothingToStabilizeOver() {
    JsonObject document = lowReadingOnFive().put("state", new JsonObject().put("recommendations", new JsonArray())
        .put("scaleUpEvents", new JsonArray()).put("scaleDownEvents", new JsonArray()));
    JsonObject out = decide.decide(document);
    assertEquals(4, out.getInteger("desiredReplicas"));
    assertEquals(true, out.getBoolean("scaleUpdated"));
    assertEquals("ScaleDownLimit", out.getJsonArray("conditions").getJsonObject(2).getString("reason"));
    assertEquals(1, out.getJsonObject("state").getJsonArray("recommendations").size());
  }

  @Test
  void feedingTheStateBackHoldsAScaleDownInsideTheWindow() {
    JsonObject first = decide.decide(qpsDocument());
    JsonObject second = qpsDocument().put("now", "2026-01-01T12:05:00Z").put("state", first.getJsonObject("state"));
    second.getJsonObject("scale").getJsonObject("spec").put("replicas", 5);
    second.getJsonArray("metricValues").getJsonObject(0).put("value", "100");
    JsonObject out = decide.decide(second);
    assertEquals(5, out.getInteger("desiredReplicas"));
    assertEquals(false, out.getBoolean("scaleUpdated"));
    assertEquals("ScaleDownStabilized", out.getJsonArray("conditions").getJsonObject(0).getString("reason"));
    assertEquals(3, out.getJsonObject("state").getJsonArray("recommendations").size());
  }

  @Test
  void reportsAFailedMetricAsConditionEventErrorAndEmptyStatus() {
    JsonObject document = qpsDocument();
    document.getJsonArray("metricValues").getJsonObject(0).remove("value");
    document.getJsonArray("metricValues").getJsonObject(0).put("error", "adapter unavailable");
    JsonObject out = decide.decide(document);
    assertEquals(3, out.getInteger("desiredReplicas"));
    assertEquals(new JsonArray("[{\"type\":\"\"}]"), out.getJsonArray("currentMetrics"));
    String failure = "failed to get http_index_qps external metric: unable to get external metric demo-prod/"
        + "http_index_qps/&LabelSelector{MatchLabels:map[string]string{env: demo-prod,},MatchExpressions:[]"
        + "LabelSelectorRequirement{},}: adapter unavailable";
    assertEquals("invalid metrics (1 invalid out of 1), first error is: " + failure, out.getString("error"));
    assertEquals("FailedGetExternalMetric", out.getJsonArray("conditions").getJsonObject(1).getString("reason"));
    assertEquals(failure, out.getJsonArray("events").getJsonObject(0).getString("message"));
    assertEquals("FailedComputeMetricsReplicas", out.getJsonArray("events").getJsonObject(1).getString("reason"));
  }

  @Test
  void aProposalSkipsMetricsAndGoesThroughTheBehavior() {
    JsonObject document = qpsDocument().put("proposedReplicas", 9);
    document.remove("metricValues");
    JsonObject out = decide.decide(document);
    assertEquals(7, out.getInteger("desiredReplicas"), "3 + 4 pods per 15 s");
    assertEquals("New size: 7; reason: proposed replicas above target",
        out.getJsonArray("events").getJsonObject(0).getString("message"));
  }

  @Test
  void anUnparsableScaleSelectorIsReportedAsInvalidSelector() {
    JsonObject document = cpuDocument();
    document.getJsonObject("scale").getJsonObject("status").put("selector", "app in (web");
    JsonObject out = decide.decide(document);
    assertEquals(2, out.getInteger("desiredReplicas"));
    assertEquals("InvalidSelector", out.getJsonArray("conditions").getJsonObject(1).getString("reason"));
    // kube's labels.Parse error for it (the old parser said "found '(', expected: ')'").
    assertEquals("couldn't convert selector into a corresponding internal selector object: unable to parse "
        + "requirement: found '', expected: ',' or ')'", out.getString("error"));
  }

  @Test
  void anUnknownMetricTypeIsReportedAsUpstreamDoesNotRejected() {
    JsonObject document = cpuDocument();
    document.getJsonObject("hpa").getJsonObject("spec").put("metrics",
        new JsonArray("[{\"type\":\"Bogus\"}]"));
    JsonObject out = decide.decide(document);
    assertEquals(2, out.getInteger("desiredReplicas"));
    assertEquals("InvalidMetricSourceType", out.getJsonArray("conditions").getJsonObject(1).getString("reason"));
    assertEquals("invalid metrics (1 invalid out of 1), first error is: unknown metric source type \"Bogus\"",
        out.getString("error"));
  }

  @Test
  void podsMetricValuesAreMatchedToPodsByName() {
    JsonObject document = cpuDocument();
    document.getJsonObject("hpa").getJsonObject("spec").put("metrics", new JsonArray("[{\"type\":\"Pods\","
        + "\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"10\"}}}]"));
    document.put("metricValues", new JsonArray("[{\"type\":\"Pods\",\"metric\":{\"name\":\"qps\"},\"pod\":"
        + "\"web-0\",\"value\":\"30\"},{\"type\":\"Pods\",\"metric\":{\"name\":\"qps\"},\"pod\":\"web-1\","
        + "\"value\":10}]"));
    JsonObject out = decide.decide(document);
    // Average 20 against 10 → 4.
    assertEquals(4, out.getInteger("desiredReplicas"));
    assertEquals(new JsonObject("{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"current\":"
        + "{\"averageValue\":\"20\"}}}"), out.getJsonArray("currentMetrics").getJsonObject(0));
  }

  @Test
  void noMetricsMeansTheDefaultCpuEightyPercent() {
    JsonObject document = cpuDocument();
    document.getJsonObject("hpa").getJsonObject("spec").remove("metrics");
    JsonObject out = decide.decide(document);
    // 100 % against 80 % → ceil(1.25 × 2) = 3.
    assertEquals(3, out.getInteger("desiredReplicas"));
  }

  @Test
  void withoutBehaviorTheLegacyCapApplies() {
    JsonObject document = qpsDocument();
    document.getJsonObject("hpa").getJsonObject("spec").remove("behavior");
    document.getJsonArray("metricValues").getJsonObject(0).put("value", "10k");
    JsonObject out = decide.decide(document);
    assertEquals(6, out.getInteger("desiredReplicas"), "max(2 × 3, 4)");
    assertEquals("ScaleUpLimit", out.getJsonArray("conditions").getJsonObject(2).getString("reason"));
    assertEquals(new JsonArray(), out.getJsonObject("state").getJsonArray("scaleUpEvents"));
  }

  @Test
  void memoryAveragesAreWrittenInBinaryUnits() {
    JsonObject document = cpuDocument();
    JsonObject spec = document.getJsonObject("hpa").getJsonObject("spec");
    spec.put("metrics", new JsonArray("[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":"
        + "{\"type\":\"AverageValue\",\"averageValue\":\"1Gi\"}}}]"));
    for (Object metric : document.getJsonArray("podMetrics")) {
      for (Object container : ((JsonObject) metric).getJsonArray("containers")) {
        ((JsonObject) container).put("usage", new JsonObject().put("memory", "512Mi"));
      }
    }
    JsonObject out = decide.decide(document);
    assertEquals("1Gi", out.getJsonArray("currentMetrics").getJsonObject(0).getJsonObject("resource")
        .getJsonObject("current").getString("averageValue"));
  }

  static Arguments bad(String expected, Consumer<JsonObject> mutation) {
    return Arguments.of(expected, mutation);
  }

  static JsonObject spec(JsonObject d) {
    return d.getJsonObject("hpa").getJsonObject("spec");
  }

  static JsonObject metric0(JsonObject d) {
    return spec(d).getJsonArray("metrics").getJsonObject(0);
  }

  static JsonObject target0(JsonObject d) {
    return metric0(d).getJsonObject("resource").getJsonObject("target");
  }

  static JsonObject pod0(JsonObject d) {
    return d.getJsonArray("pods").getJsonObject(0);
  }

  static JsonObject behavior(JsonObject d) {
    return spec(d).getJsonObject("behavior");
  }

  static void metric(JsonObject d, String json) {
    spec(d).put("metrics", new JsonArray().add(new JsonObject(json)));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("now: is required", d -> d.remove("now")),
        bad("now: must be an RFC 3339 time, was \"yesterday\"", d -> d.put("now", "yesterday")),
        bad("now: must be a string", d -> d.put("now", 5)),
        bad("hpa: is required", d -> d.remove("hpa")),
        bad("hpa: must be an object", d -> d.put("hpa", "web")),
        bad("hpa.spec: is required", d -> d.getJsonObject("hpa").remove("spec")),
        bad("hpa.metadata.name: must be a string", d -> d.getJsonObject("hpa").getJsonObject("metadata")
            .put("name", 1)),
        bad("hpa.spec.maxReplicas: is required", d -> spec(d).remove("maxReplicas")),
        bad("hpa.spec.maxReplicas: must be an integer", d -> spec(d).put("maxReplicas", "ten")),
        bad("hpa.spec.maxReplicas: must be an integer", d -> spec(d).put("maxReplicas", 1.5)),
        bad("hpa.spec.maxReplicas: must be >= 1 and >= minReplicas", d -> spec(d).put("minReplicas", 11)),
        bad("hpa.spec.maxReplicas: must be >= 1 and >= minReplicas", d -> spec(d).put("maxReplicas", 0)),
        bad("hpa.spec.minReplicas: must be >= 0", d -> spec(d).put("minReplicas", -1)),
        bad("hpa.spec.metrics: must be an array", d -> spec(d).put("metrics", new JsonObject())),
        bad("hpa.spec.metrics[0]: must be an object", d -> spec(d).put("metrics", new JsonArray().add("cpu"))),
        bad("hpa.spec.metrics[0].type: is required", d -> metric0(d).remove("type")),
        bad("hpa.spec.metrics[0].resource: is required", d -> metric0(d).remove("resource")),
        bad("hpa.spec.metrics[0].resource.name: is required", d -> metric0(d).getJsonObject("resource")
            .remove("name")),
        bad("hpa.spec.metrics[0].resource.target: is required", d -> metric0(d).getJsonObject("resource")
            .remove("target")),
        bad("hpa.spec.metrics[0].resource.target.type: must be one of Utilization, AverageValue, Value, was "
            + "\"Percent\"", d -> target0(d).put("type", "Percent")),
        bad("hpa.spec.metrics[0].resource.target.type: must be a string", d -> target0(d).put("type", 5)),
        bad("hpa.spec.metrics[0].resource.target.averageUtilization: is required for target type Utilization",
            d -> target0(d).remove("averageUtilization")),
        bad("hpa.spec.metrics[0].resource.target.averageUtilization: must be greater than 0",
            d -> target0(d).put("averageUtilization", 0)),
        bad("hpa.spec.metrics[0].resource.target.averageValue: is required for target type AverageValue",
            d -> target0(d).put("type", "AverageValue")),
        bad("hpa.spec.metrics[0].containerResource.container: is required",
            d -> metric(d, "{\"type\":\"ContainerResource\",\"containerResource\":{\"name\":\"cpu\",\"target\":"
                + "{\"type\":\"Utilization\",\"averageUtilization\":50}}}")),
        bad("hpa.spec.metrics[0].pods.target.averageValue: is not a Kubernetes quantity: \"ten\"",
            d -> metric(d, "{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":"
                + "\"AverageValue\",\"averageValue\":\"ten\"}}}")),
        bad("hpa.spec.metrics[0].pods.target.averageValue: is required for a Pods metric",
            d -> metric(d, "{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":"
                + "\"Value\",\"value\":\"1\"}}}")),
        bad("hpa.spec.metrics[0].pods.metric.name: is required",
            d -> metric(d, "{\"type\":\"Pods\",\"pods\":{\"metric\":{},\"target\":{\"type\":"
                + "\"AverageValue\",\"averageValue\":\"1\"}}}")),
        bad("hpa.spec.metrics[0].external.target.value: must be positive",
            d -> metric(d, "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"q\"},\"target\":{\"type\":"
                + "\"Value\",\"value\":\"-1\"}}}")),
        bad("hpa.spec.metrics[0].external.target.value: is required for target type Value",
            d -> metric(d, "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"q\"},\"target\":{\"type\":"
                + "\"Value\"}}}")),
        bad("hpa.spec.metrics[0].external.metric.selector.matchLabels.env: must be a string",
            d -> metric(d, "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"q\",\"selector\":"
                + "{\"matchLabels\":{\"env\":1}}},\"target\":{\"type\":\"Value\",\"value\":\"1\"}}}")),
        bad("hpa.spec.metrics[0].external.metric.selector.matchExpressions[0].operator: is required",
            d -> metric(d, "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"q\",\"selector\":"
                + "{\"matchExpressions\":[{\"key\":\"a\"}]}},\"target\":{\"type\":\"Value\",\"value\":\"1\"}}}")),
        bad("hpa.spec.metrics[0].object.describedObject: is required",
            d -> metric(d, "{\"type\":\"Object\",\"object\":{\"metric\":{\"name\":\"rps\"},\"target\":{\"type\":"
                + "\"Value\",\"value\":\"1\"}}}")),
        bad("hpa.spec.metrics[0].object.describedObject.kind: is required",
            d -> metric(d, "{\"type\":\"Object\",\"object\":{\"describedObject\":{\"name\":\"x\"},\"metric\":"
                + "{\"name\":\"rps\"},\"target\":{\"type\":\"Value\",\"value\":\"1\"}}}")),
        bad("hpa.spec.behavior: must be an object", d -> spec(d).put("behavior", true)),
        bad("hpa.spec.behavior.scaleDown.stabilizationWindowSeconds: must be in [0, 3600]",
            d -> behavior(d).getJsonObject("scaleDown").put("stabilizationWindowSeconds", 4000)),
        bad("hpa.spec.behavior.scaleUp.selectPolicy: must be one of Max, Min, Disabled, was \"Fast\"",
            d -> behavior(d).getJsonObject("scaleUp").put("selectPolicy", "Fast")),
        bad("hpa.spec.behavior.scaleUp.policies: must have at least one policy",
            d -> behavior(d).getJsonObject("scaleUp").put("policies", new JsonArray())),
        bad("hpa.spec.behavior.scaleDown.policies[0].type: must be one of Pods, Percent, was \"Nodes\"",
            d -> behavior(d).getJsonObject("scaleDown").getJsonArray("policies").getJsonObject(0)
                .put("type", "Nodes")),
        bad("hpa.spec.behavior.scaleDown.policies[0].value: must be greater than 0",
            d -> behavior(d).getJsonObject("scaleDown").getJsonArray("policies").getJsonObject(0).put("value", 0)),
        bad("hpa.spec.behavior.scaleDown.policies[0].periodSeconds: must be in [1, 1800]",
            d -> behavior(d).getJsonObject("scaleDown").getJsonArray("policies").getJsonObject(0)
                .put("periodSeconds", 1801)),
        bad("hpa.spec.behavior.scaleUp.policies[0].periodSeconds: is required",
            d -> behavior(d).getJsonObject("scaleUp").getJsonArray("policies").getJsonObject(0)
                .remove("periodSeconds")),
        bad("hpa.spec.behavior.scaleUp.tolerance: must be >= 0",
            d -> behavior(d).getJsonObject("scaleUp").put("tolerance", "-0.1")),
        bad("scale: is required", d -> d.remove("scale")),
        bad("scale.spec.replicas: is required", d -> d.getJsonObject("scale").getJsonObject("spec")
            .remove("replicas")),
        bad("scale.spec.replicas: must be >= 0", d -> d.getJsonObject("scale").getJsonObject("spec")
            .put("replicas", -1)),
        bad("scale.status.selector: must be a string", d -> d.getJsonObject("scale").getJsonObject("status")
            .put("selector", new JsonObject())),
        bad("pods: must be an array", d -> d.put("pods", new JsonObject())),
        bad("pods[0].metadata.name: is required", d -> pod0(d).getJsonObject("metadata").remove("name")),
        bad("pods[0].metadata.labels.app: must be a string", d -> pod0(d).getJsonObject("metadata")
            .getJsonObject("labels").put("app", 3)),
        bad("pods[0].status.phase: must be one of Pending, Running, Succeeded, Failed, Unknown, was \"Sleeping\"",
            d -> pod0(d).getJsonObject("status").put("phase", "Sleeping")),
        bad("pods[0].status.conditions[0].status: must be one of True, False, Unknown, was \"yes\"",
            d -> pod0(d).getJsonObject("status").getJsonArray("conditions").getJsonObject(0).put("status", "yes")),
        bad("pods[0].status.startTime: must be an RFC 3339 time, was \"now\"",
            d -> pod0(d).getJsonObject("status").put("startTime", "now")),
        bad("pods[0].metadata.deletionTimestamp: must be an RFC 3339 time, was \"soon\"",
            d -> pod0(d).getJsonObject("metadata").put("deletionTimestamp", "soon")),
        bad("pods[0].spec.containers[0].resources.requests.cpu: is not a Kubernetes quantity: \"lots\"",
            d -> pod0(d).getJsonObject("spec").getJsonArray("containers").getJsonObject(0)
                .getJsonObject("resources").getJsonObject("requests").put("cpu", "lots")),
        bad("pods[0].spec.containers[0].name: is required",
            d -> pod0(d).getJsonObject("spec").getJsonArray("containers").getJsonObject(0).remove("name")),
        bad("podMetrics[0].window: must be a duration such as \"30s\" or a number of seconds",
            d -> d.getJsonArray("podMetrics").getJsonObject(0).put("window", "a while")),
        bad("podMetrics[0].timestamp: is required", d -> d.getJsonArray("podMetrics").getJsonObject(0)
            .remove("timestamp")),
        bad("podMetrics[0].containers[0].usage.cpu: must be a quantity string or a number",
            d -> d.getJsonArray("podMetrics").getJsonObject(0).getJsonArray("containers").getJsonObject(0)
                .getJsonObject("usage").put("cpu", true)),
        bad("metricValues[0].type: must be one of Pods, Object, External, was \"Resource\"",
            d -> d.getJsonArray("metricValues").add(new JsonObject("{\"type\":\"Resource\",\"metric\":{\"name\":"
                + "\"cpu\"},\"value\":\"1\"}"))),
        bad("metricValues[0]: needs exactly one of value and error",
            d -> d.getJsonArray("metricValues").add(new JsonObject("{\"type\":\"External\",\"metric\":{\"name\":"
                + "\"q\"},\"value\":\"1\",\"error\":\"x\"}"))),
        bad("metricValues[0]: needs exactly one of value and error",
            d -> d.getJsonArray("metricValues").add(new JsonObject("{\"type\":\"External\",\"metric\":{\"name\":"
                + "\"q\"}}"))),
        bad("metricValues[0].pod: is required for a Pods value",
            d -> d.getJsonArray("metricValues").add(new JsonObject("{\"type\":\"Pods\",\"metric\":{\"name\":"
                + "\"q\"},\"value\":\"1\"}"))),
        bad("metricValues[0].metric: is required",
            d -> d.getJsonArray("metricValues").add(new JsonObject("{\"type\":\"External\",\"value\":\"1\"}"))),
        bad("proposedReplicas: must be >= 0", d -> d.put("proposedReplicas", -2)),
        bad("proposedReplicas: must be an integer", d -> d.put("proposedReplicas", "3")),
        bad("config: must be an object", d -> d.put("config", 1)),
        bad("config.scaleUpTolerance: must be >= 0", d -> d.put("config", new JsonObject()
            .put("scaleUpTolerance", -0.1))),
        bad("config.cpuInitializationPeriodSeconds: must be a number", d -> d.put("config", new JsonObject()
            .put("cpuInitializationPeriodSeconds", "5m"))),
        bad("config.legacyScaleUpLimitFactor: must be > 0", d -> d.put("config", new JsonObject()
            .put("legacyScaleUpLimitFactor", 0))),
        bad("state.recommendations[0].replicas: is required", d -> d.put("state", new JsonObject(
            "{\"recommendations\":[{\"timestamp\":\"2026-01-01T11:00:00Z\"}]}"))),
        bad("state.scaleUpEvents: must be an array", d -> d.put("state", new JsonObject()
            .put("scaleUpEvents", "none"))),
        bad("state.scaleDownEvents[0].timestamp: must be an RFC 3339 time, was \"later\"", d -> d.put("state",
            new JsonObject("{\"scaleDownEvents\":[{\"timestamp\":\"later\",\"replicaChange\":1}]}"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedDocumentsNamingTheField(String expected, Consumer<JsonObject> mutation) {
    JsonObject document = cpuDocument();
    mutation.accept(document);
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> decide.decide(document));
    assertEquals(expected, e.getMessage());
  }
}
