package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.metrics.kubehpa.ResourceSeries;
import dev.reflex.metrics.kubehpa.Watch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeHpaStreamingWatchesTest {

  static final ResourceSeries SERIES = ResourceSeries.parse(List.of("cpu=cpu_usage_cores",
      "memory=memory_working_set_bytes"));

  static Stream<Arguments> metrics() {
    return Stream.of(
        Arguments.of("Pods AverageValue 1k: the metric itself at 1000 per pod",
            "{'type': 'Pods', 'pods': {'metric': {'name': 'packets'},"
                + " 'target': {'type': 'AverageValue', 'averageValue': '1k'}}}",
            List.of(new Watch("packets", 1000, 0.1))),
        Arguments.of("Pods AverageValue 500m: half a unit per pod",
            "{'type': 'Pods', 'pods': {'metric': {'name': 'qps'},"
                + " 'target': {'type': 'AverageValue', 'averageValue': '500m'}}}",
            List.of(new Watch("qps", 0.5, 0.1))),
        Arguments.of("Pods with a metric selector: series labels are not matched, so polled",
            "{'type': 'Pods', 'pods': {'metric': {'name': 'qps', 'selector': {'matchLabels': {'verb': 'GET'}}},"
                + " 'target': {'type': 'AverageValue', 'averageValue': 1}}}",
            List.of()),
        Arguments.of("cpu Utilization 50 % of a 200m request: 0.1 cores per pod on the mapped gauge",
            "{'type': 'Resource', 'resource': {'name': 'cpu',"
                + " 'target': {'type': 'Utilization', 'averageUtilization': 50}}}",
            List.of(new Watch("cpu_usage_cores", 0.1, 0.1))),
        Arguments.of("memory AverageValue 500Mi in bytes",
            "{'type': 'Resource', 'resource': {'name': 'memory',"
                + " 'target': {'type': 'AverageValue', 'averageValue': '500Mi'}}}",
            List.of(new Watch("memory_working_set_bytes", 500 * 1024 * 1024, 0.1))),
        Arguments.of("a resource with no streamed gauge: polled",
            "{'type': 'Resource', 'resource': {'name': 'ephemeral-storage',"
                + " 'target': {'type': 'AverageValue', 'averageValue': '1Gi'}}}",
            List.of()),
        Arguments.of("memory Utilization without a request: no per-pod value, polled",
            "{'type': 'Resource', 'resource': {'name': 'memory',"
                + " 'target': {'type': 'Utilization', 'averageUtilization': 80}}}",
            List.of()),
        Arguments.of("Object and External metrics: polled",
            "{'type': 'External', 'external': {'metric': {'name': 'queue'},"
                + " 'target': {'type': 'AverageValue', 'averageValue': 30}}}",
            List.of()),
        Arguments.of("a malformed target is left to the decision to report",
            "{'type': 'Resource', 'resource': {'name': 'cpu',"
                + " 'target': {'type': 'Utilization', 'averageUtilization': 'lots'}}}",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metrics")
  void streamableTargetsBecomePerPodWatches(String name, String metric, List<Watch> expected) {
    JsonArray metrics = new JsonArray().add(new JsonObject(metric.replace('\'', '"')));
    List<Watch> watches = KubeHpaStreaming.watches(metrics, 0.1,
        resource -> "cpu".equals(resource) ? OptionalDouble.of(0.2) : OptionalDouble.empty(), SERIES);
    assertEquals(expected.size(), watches.size(), watches.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).metric(), watches.get(i).metric());
      assertEquals(expected.get(i).targetPerPod(), watches.get(i).targetPerPod(), 1e-9);
      assertEquals(expected.get(i).tolerance(), watches.get(i).tolerance(), 1e-12);
    }
  }

}
