package dev.reflex.metrics.hpa;

import static dev.reflex.metrics.hpa.FakeHistory.pod;
import static dev.reflex.metrics.hpa.FakeHistory.sample;
import static dev.reflex.metrics.hpa.HpaMetricReaderTest.NOW;
import static dev.reflex.metrics.hpa.HpaMetricReaderTest.NS;
import static dev.reflex.metrics.hpa.HpaMetricReaderTest.PODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The read inputs feed the KubeHPA core unchanged: two pods at 2 replicas, and the replicas it then proposes. */
class HpaInputsDecisionTest {

  static Stream<Arguments> decisions() {
    JsonObject qps = Specs.pods("http_qps", null, "1");
    JsonObject queue = Specs.external("queue_depth", null, "5");
    return Stream.of(
        Arguments.of("Pods metric 1500m per pod against 1 → ceil(1.5 × 2) = 3", qps,
            List.of(pod("web-0", 1.5), pod("web-1", 1.5)), 3),
        Arguments.of("Pods metric 1050m per pod is within the 10 % tolerance → stays 2", qps,
            List.of(pod("web-0", 1.05), pod("web-1", 1.05)), 2),
        Arguments.of("Pods metric 1200m per pod is outside it → ceil(1.2 × 2) = 3", qps,
            List.of(pod("web-0", 1.2), pod("web-1", 1.2)), 3),
        Arguments.of("Pods metric 500m per pod → ceil(0.5 × 2) = 1", qps,
            List.of(pod("web-0", 0.5), pod("web-1", 0.5)), 1),
        Arguments.of("a pod without a value on scale-up counts as 0: (3 + 0) / 2 = 1.5 → 3", qps,
            List.of(pod("web-0", 3)), 3),
        Arguments.of("a pod without a value on scale-down counts as the target: (0.2 + 1) / 2 = 0.6 → 2", qps,
            List.of(pod("web-0", 0.2)), 2),
        Arguments.of("External series are summed: 3 + 4.5 = 7.5 against 5 on 2 ready pods → 3", queue,
            List.of(sample(Map.of("queue", "a"), 3, Optional.empty()), sample(Map.of("queue", "b"), 4.5,
                Optional.empty())), 3),
        Arguments.of("Resource cpu 250m + 150m of 2 × 200m = 100 % against 50 % → 4", Specs.resource("cpu", 50),
            List.of(pod("web-0", 0.25), pod("web-1", 0.15)), 4),
        Arguments.of("Resource cpu 95 % against 100 % is within tolerance → stays 2", Specs.resource("cpu", 100),
            List.of(pod("web-0", 0.19), pod("web-1", 0.19)), 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void theCoreDecidesOnTheReadValues(String name, JsonObject spec, List<MetricSample> answer, int replicas) {
    HpaDecision decision = decide(FakeHistory.answering(answer), Specs.of(spec));
    assertEquals(null, decision.error(), decision::toString);
    assertEquals(replicas, decision.desiredReplicas(), decision::toString);
  }

  @Test
  void aFailedResourceQueryIsAnErrorNotAScaleDown() {
    FakeHistory history = new FakeHistory(q -> q instanceof MetricQuery.PodResource p && p.resource().equals("cpu")
        ? Future.failedFuture(new MetricQueryException(MetricQueryException.Kind.UNAVAILABLE, "down"))
        : Future.succeededFuture(List.of(pod("web-0", 1e6), pod("web-1", 1e6))));
    HpaDecision decision = decide(history, Specs.of(Specs.resource("cpu", 50), Specs.resource("memory", 50)));
    assertEquals(2, decision.desiredReplicas(), decision::toString);
    assertTrue(decision.error().contains("failed to get cpu utilization"), decision::toString);
  }

  @Test
  void aFailedPodsMetricBlocksTheScaleDownAnotherMetricWants() {
    FakeHistory history = new FakeHistory(q -> q instanceof MetricQuery.PodResource
        ? Future.succeededFuture(List.of(pod("web-0", 0.01), pod("web-1", 0.01)))
        : Future.failedFuture(new MetricQueryException(MetricQueryException.Kind.UNAVAILABLE, "down")));
    HpaDecision decision = decide(history, Specs.of(Specs.resource("cpu", 50), Specs.pods("http_qps", null, "1")));
    assertEquals(2, decision.desiredReplicas(), decision::toString);
    assertTrue(decision.error().contains("Prometheus query for pods metric http_qps failed: down"),
        decision::toString);
  }

  private static HpaDecision decide(FakeHistory history, JsonArray specs) {
    HpaMetricInputs inputs = HpaMetricReaderTest.read(new HpaMetricReader(history, true,
        HpaMetricReaderTest.NO_SERVER), specs, PODS, StreamedPodValues.NONE);
    return PortraitDecisions.decide(NS, specs, PODS, inputs, NOW);
  }
}
