package dev.reflex.core.hpa;

import static dev.reflex.core.hpa.Fixtures.INGRESS;
import static dev.reflex.core.hpa.Fixtures.NOW;
import static dev.reflex.core.hpa.Fixtures.cpuUtilization;
import static dev.reflex.core.hpa.Fixtures.cpus;
import static dev.reflex.core.hpa.Fixtures.externalValue;
import static dev.reflex.core.hpa.Fixtures.input;
import static dev.reflex.core.hpa.Fixtures.objectValue;
import static dev.reflex.core.hpa.Fixtures.podValues;
import static dev.reflex.core.hpa.Fixtures.pods;
import static dev.reflex.core.hpa.Fixtures.podsMetric;
import static dev.reflex.core.hpa.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole reconciles: branches, the invalid-metric rule, and the exact conditions and events upstream reports. */
class ConditionsAndEventsTest {

  record Case(String name, HpaInput in, HpaState state, int desired, String error, List<String> conditions,
      List<String> events) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final HpaState SEEN = Fixtures.history(NOW.minusSeconds(3600), 1);

  static final String GOT_SCALE = "AbleToScale True SucceededGetScale the HPA controller was able to get the target's "
      + "current scale";
  static final String READY = "AbleToScale True ReadyForNewScale recommended size matches current size";
  static final String WITHIN = "ScalingLimited False DesiredWithinRange the desired count is within the acceptable "
      + "range";
  static final String CPU = "cpu resource utilization (percentage of request)";

  static String rescaled(int n) {
    return "AbleToScale True SucceededRescale the HPA controller was able to update the target scale to " + n;
  }

  static String valid(String metric) {
    return "ScalingActive True ValidMetricFound the HPA was able to successfully calculate a replica count from "
        + metric;
  }

  static String rescaleEvent(int n, String reason) {
    return "Normal SuccessfulRescale New size: " + n + "; reason: " + reason;
  }

  static Case c(String name, HpaInput in, int desired, String error, List<String> conditions, List<String> events) {
    return new Case(name, in, SEEN, desired, error, conditions, events);
  }

  static List<MetricValue> join(List<MetricValue> a, List<MetricValue> b) {
    List<MetricValue> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static Stream<Case> cases() {
    HpaSpec cpu50 = spec(1, 10, null, cpuUtilization(50));
    HpaSpec twoMetrics = spec(1, 10, null, cpuUtilization(50), podsMetric("qps", 10_000));
    String podsFailure = "failed to get pods metric value: unable to get metric qps: no metrics returned from custom "
        + "metrics API";
    String cpuFailure = "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned "
        + "from resource metrics API";
    return Stream.of(
        c("a scale-up on cpu reports the metric in the event", input(cpu50, 2, pods(2), cpus(1000, 1000)), 4, null,
            List.of(rescaled(4), valid(CPU), WITHIN), List.of(rescaleEvent(4, CPU + " above target"))),
        c("nothing to do: no event, ReadyForNewScale", input(cpu50, 2, pods(2), cpus(500, 500)), 2, null,
            List.of(READY, valid(CPU), WITHIN), List.of()),
        c("a scale-down says all metrics are below target", input(cpu50, 4, pods(4), cpus(100, 100, 100, 100)), 1,
            null, List.of(rescaled(1), valid(CPU), WITHIN), List.of(rescaleEvent(1, "All metrics below target"))),
        c("the rescale reason compares the raw proposal: 0 below current 1 at min 1 is no rescale",
            input(cpu50, 1, pods(1), cpus(0)), 1, null, List.of(READY, valid(CPU),
                "ScalingLimited True TooFewReplicas the desired replica count is less than the minimum replica "
                    + "count"), List.of()),
        c("the largest proposal wins and names the metric",
            input(twoMetrics, 2, pods(2), cpus(500, 500), podValues("qps", 20_000, 20_000)), 4, null,
            List.of(rescaled(4), valid("pods metric qps"), WITHIN),
            List.of(rescaleEvent(4, "pods metric qps above target"))),
        c("a failed metric does not block a scale-up on another",
            input(twoMetrics, 2, pods(2), cpus(1000, 1000)), 4,
            "invalid metrics (1 invalid out of 2), first error is: " + podsFailure,
            List.of(rescaled(4), valid(CPU), WITHIN),
            List.of("Warning FailedGetPodsMetric " + podsFailure, rescaleEvent(4, CPU + " above target"))),
        c("a failed metric blocks a scale-down on another",
            input(twoMetrics, 4, pods(4), cpus(100, 100, 100, 100)), 4,
            "invalid metrics (1 invalid out of 2), first error is: " + podsFailure,
            List.of(GOT_SCALE, "ScalingActive False FailedGetPodsMetric the HPA was unable to compute the replica "
                + "count: " + podsFailure),
            List.of("Warning FailedGetPodsMetric " + podsFailure, "Warning FailedComputeMetricsReplicas invalid "
                + "metrics (1 invalid out of 2), first error is: " + podsFailure)),
        c("a failed metric with the others at current count proceeds without change",
            input(twoMetrics, 2, pods(2), cpus(500, 500)), 2,
            "invalid metrics (1 invalid out of 2), first error is: " + podsFailure,
            List.of(READY, valid(CPU), WITHIN), List.of("Warning FailedGetPodsMetric " + podsFailure)),
        c("all metrics failed: the first failure's condition",
            input(twoMetrics, 2, pods(2), List.of()), 2,
            "invalid metrics (2 invalid out of 2), first error is: " + cpuFailure,
            List.of(GOT_SCALE, "ScalingActive False FailedGetResourceMetric the HPA was unable to compute the "
                + "replica count: " + cpuFailure),
            List.of("Warning FailedGetResourceMetric " + cpuFailure, "Warning FailedGetPodsMetric " + podsFailure,
                "Warning FailedComputeMetricsReplicas invalid metrics (2 invalid out of 2), first error is: "
                    + cpuFailure)),
        c("an unknown metric type is InvalidMetricSourceType",
            input(spec(1, 10, null, new MetricSpec.UnknownMetric("Bogus")), 2, pods(2), List.of()), 2,
            "invalid metrics (1 invalid out of 1), first error is: unknown metric source type \"Bogus\"",
            List.of(GOT_SCALE, "ScalingActive False InvalidMetricSourceType the HPA was unable to compute the replica "
                + "count: unknown metric source type \"Bogus\""),
            List.of("Warning InvalidMetricSourceType unknown metric source type \"Bogus\"",
                "Warning FailedComputeMetricsReplicas invalid metrics (1 invalid out of 1), first error is: unknown "
                    + "metric source type \"Bogus\"")),
        c("a scale without a selector", Fixtures.withScale(input(cpu50, 2, pods(2), cpus(1000, 1000)),
            new Scale(2, 2, "")), 2, "selector is required",
            List.of(GOT_SCALE, "ScalingActive False InvalidSelector the HPA target's scale is missing a selector"),
            List.of("Warning SelectorRequired selector is required")),
        c("a scale whose selector does not parse", Fixtures.withScale(input(cpu50, 2, pods(2), cpus(1000, 1000)),
            new Scale(2, 2, "app in (", "unexpected end")), 2,
            "couldn't convert selector into a corresponding internal selector object: unexpected end",
            List.of(GOT_SCALE, "ScalingActive False InvalidSelector couldn't convert selector into a corresponding "
                + "internal selector object: unexpected end"),
            List.of("Warning InvalidSelector couldn't convert selector into a corresponding internal selector "
                + "object: unexpected end")),
        c("target scaled to zero by hand with minReplicas 1: scaling disabled",
            input(cpu50, 0, List.of(), List.of()), 0, null,
            List.of(GOT_SCALE, "ScalingActive False ScalingDisabled scaling is disabled since the replica count of the "
                + "target is zero"), List.of()),
        c("above maxReplicas: scaled to max without evaluating metrics", input(cpu50, 12, List.of(), List.of()), 10,
            null, List.of(rescaled(10)),
            List.of(rescaleEvent(10, "Current number of replicas above Spec.MaxReplicas"))),
        c("below minReplicas: scaled to min without evaluating metrics",
            input(spec(3, 10, null, cpuUtilization(50)), 1, List.of(), List.of()), 3, null, List.of(rescaled(3)),
            List.of(rescaleEvent(3, "Current number of replicas below Spec.MinReplicas"))),
        c("minReplicas 0 and current 0 evaluates an Object metric (scale from zero)",
            input(spec(0, 10, null, objectValue("rps", 10_000)), 0, List.of(), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 25_000))), 3, null,
            List.of(rescaled(3), valid("Ingress metric rps"), WITHIN),
            List.of(rescaleEvent(3, "Ingress metric rps above target"))),
        c("an External metric is named with its selector",
            input(spec(1, 10, null, new MetricSpec.ExternalMetric(new MetricIdentifier("qps",
                "&LabelSelector{MatchLabels:map[string]string{env: prod,},MatchExpressions:[]LabelSelectorRequirement"
                    + "{},}"), MetricTarget.value(1000))), 2, pods(2), List.of(),
                List.of(MetricValue.external("qps", 2000))), 4, null,
            List.of(rescaled(4), valid("external metric qps(&LabelSelector{MatchLabels:map[string]string{env: prod,},"
                + "MatchExpressions:[]LabelSelectorRequirement{},})"), WITHIN),
            List.of(rescaleEvent(4, "external metric qps(&LabelSelector{MatchLabels:map[string]string{env: prod,},"
                + "MatchExpressions:[]LabelSelectorRequirement{},}) above target"))),
        c("an External metric without selector prints <nil>",
            input(spec(1, 10, null, externalValue("qps", 1000)), 2, pods(2), List.of(),
                List.of(MetricValue.external("qps", 2000))), 4, null,
            List.of(rescaled(4), valid("external metric qps(<nil>)"), WITHIN),
            List.of(rescaleEvent(4, "external metric qps(<nil>) above target"))),
        c("an Object AverageValue metric is named like an external one (upstream quirk)",
            input(spec(1, 10, null, Fixtures.objectAverage("rps", 5000)), 2, pods(2), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 20_000))), 4, null,
            List.of(rescaled(4), valid("external metric rps(<nil>)"), WITHIN),
            List.of(rescaleEvent(4, "external metric rps(<nil>) above target"))),
        c("a container resource metric names the container variant",
            input(spec(1, 10, null, new MetricSpec.ContainerResourceMetric("cpu", "app", MetricTarget.utilization(50))),
                2, pods(2), cpus(1000, 1000)), 4, null,
            List.of(rescaled(4), valid("cpu container resource utilization (percentage of request)"), WITHIN),
            List.of(rescaleEvent(4, "cpu container resource utilization (percentage of request) above target"))),
        c("a resource AverageValue metric is named '<res> resource'",
            input(spec(1, 10, null, new MetricSpec.ResourceMetric("cpu", MetricTarget.averageValue(500))), 2, pods(2),
                cpus(1000, 1000)), 4, null, List.of(rescaled(4), valid("cpu resource"), WITHIN),
            List.of(rescaleEvent(4, "cpu resource above target"))),
        c("a proposal names itself in the reason",
            Fixtures.proposal(cpu50, 2, 3), 3, null, List.of(rescaled(3), valid("proposed replicas"), WITHIN),
            List.of(rescaleEvent(3, "proposed replicas above target"))),
        c("a proposal above the legacy cap is limited",
            Fixtures.proposal(spec(1, 10, null), 2, 9), 4, null,
            List.of(rescaled(4), valid("proposed replicas"), "ScalingLimited True ScaleUpLimit the desired replica "
                + "count is increasing faster than the maximum scale rate"),
            List.of(rescaleEvent(4, "proposed replicas above target"))),
        c("a proposal above maxReplicas → TooManyReplicas",
            Fixtures.proposal(spec(1, 5, Behavior.DEFAULTS), 4, 9), 5, null,
            List.of(rescaled(5), valid("proposed replicas"), "ScalingLimited True TooManyReplicas the desired replica "
                + "count is more than the maximum replica count"),
            List.of(rescaleEvent(5, "proposed replicas above target"))),
        new Case("a scale-down held by stabilization reports ScaleDownStabilized",
            input(cpu50, 4, pods(4), cpus(100, 100, 100, 100)), HpaState.FIRST_SIGHT, 4, null,
            List.of("AbleToScale True ScaleDownStabilized recent recommendations were higher than current one, "
                + "applying the highest recent recommendation", valid(CPU), WITHIN), List.of()),
        new Case("a scale-up held by the up window reports ScaleUpStabilized",
            input(spec(1, 10, new Behavior(ScalingRules.scaleUp(60, null, null, null), ScalingRules.DEFAULT_SCALE_DOWN),
                cpuUtilization(50)), 2, pods(2), cpus(1000, 1000)), Fixtures.history(NOW.minusSeconds(30), 2), 2,
            null, List.of("AbleToScale True ScaleUpStabilized recent recommendations were lower than current one, "
                + "applying the lowest recent recommendation", valid(CPU), WITHIN), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsLikeUpstream(Case c) {
    HpaDecision decision = KubeHpa.decide(c.in(), c.state(), NOW);
    assertEquals(c.desired(), decision.desiredReplicas(), "desired");
    assertEquals(c.error(), decision.error(), "error");
    assertEquals(c.conditions(), decision.conditions().stream()
        .map(x -> x.type().apiName() + " " + (x.status() ? "True" : "False") + " " + x.reason().apiName() + " "
            + x.message()).toList(), "conditions");
    assertEquals(c.events(), decision.events().stream()
        .map(e -> e.type() + " " + e.reason().apiName() + " " + e.message()).toList(), "events");
  }
}
