package dev.reflex.core.hpa;

import static dev.reflex.core.hpa.Fixtures.INGRESS;
import static dev.reflex.core.hpa.Fixtures.LONG_AGO;
import static dev.reflex.core.hpa.Fixtures.NOW;
import static dev.reflex.core.hpa.Fixtures.cpu;
import static dev.reflex.core.hpa.Fixtures.cpuUtilization;
import static dev.reflex.core.hpa.Fixtures.cpus;
import static dev.reflex.core.hpa.Fixtures.deleted;
import static dev.reflex.core.hpa.Fixtures.externalAverage;
import static dev.reflex.core.hpa.Fixtures.externalValue;
import static dev.reflex.core.hpa.Fixtures.input;
import static dev.reflex.core.hpa.Fixtures.memory;
import static dev.reflex.core.hpa.Fixtures.neverReady;
import static dev.reflex.core.hpa.Fixtures.objectAverage;
import static dev.reflex.core.hpa.Fixtures.objectValue;
import static dev.reflex.core.hpa.Fixtures.pod;
import static dev.reflex.core.hpa.Fixtures.podValues;
import static dev.reflex.core.hpa.Fixtures.pods;
import static dev.reflex.core.hpa.Fixtures.podsMetric;
import static dev.reflex.core.hpa.Fixtures.readiness;
import static dev.reflex.core.hpa.Fixtures.tolerance;
import static dev.reflex.core.hpa.Fixtures.wide;
import static dev.reflex.core.hpa.Fixtures.withConfig;
import static dev.reflex.core.hpa.Fixtures.withPhase;
import static dev.reflex.core.hpa.Fixtures.withScale;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The raw per-metric proposal (before normalization) for every metric source, pod state and tolerance edge. */
class ReplicaCalculationTest {

  record Case(String name, HpaInput in, Integer replicas, Integer utilization, Long averageValue, Long value,
      String error) {
    Case util(int expected) {
      return new Case(name, in, replicas, expected, averageValue, value, error);
    }

    Case average(long expected) {
      return new Case(name, in, replicas, utilization, expected, value, error);
    }

    Case value(long expected) {
      return new Case(name, in, replicas, utilization, averageValue, expected, error);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Case expect(String name, HpaInput in, int replicas) {
    return new Case(name, in, replicas, null, null, null, null);
  }

  static Case fails(String name, HpaInput in, String error) {
    return new Case(name, in, null, null, null, null, error);
  }

  static List<PodInfo> list(PodInfo... pods) {
    return List.of(pods);
  }

  static List<PodMetric> plus(List<PodMetric> metrics, PodMetric extra) {
    List<PodMetric> all = new ArrayList<>(metrics);
    all.add(extra);
    return all;
  }

  static PodInfo podWith(String name, ContainerRequests... containers) {
    return new PodInfo(name, PodPhase.RUNNING, Readiness.TRUE, LONG_AGO, LONG_AGO, false, List.of(containers));
  }

  static ContainerRequests container(String name, long cpu) {
    return new ContainerRequests(name, Map.of("cpu", cpu));
  }

  static PodMetric usage(String pod, ContainerUsage... containers) {
    return new PodMetric(pod, NOW, Duration.ofMinutes(1), List.of(containers));
  }

  static ContainerUsage used(String name, long cpu) {
    return new ContainerUsage(name, Map.of("cpu", cpu));
  }

  static Stream<Case> resourceUtilization() {
    HpaSpec cpu50 = wide(cpuUtilization(50));
    HpaSpec cpu30 = wide(cpuUtilization(30));
    HpaSpec cpu100 = wide(cpuUtilization(100));
    return Stream.of(
        expect("3 pods at 30/50/70 % against 30 % → 50 % → 5", input(cpu30, 3, pods(3), cpus(300, 500, 700)), 5)
            .util(50).average(500),
        expect("5 pods averaging 28 % against 50 % → ceil(0.56 × 5) = 3",
            input(cpu50, 5, pods(5), cpus(100, 300, 500, 250, 250)), 3).util(28).average(280),
        expect("102 % against 100 % is within tolerance → unchanged",
            input(cpu100, 3, pods(3), cpus(1010, 1030, 1020)), 3).util(102),
        expect("110 % against 100 % sits on the inclusive upper tolerance edge → unchanged",
            input(cpu100, 2, pods(2), cpus(1100, 1100)), 2).util(110),
        expect("111 % against 100 % is just outside → ceil(1.11 × 2) = 3",
            input(cpu100, 2, pods(2), cpus(1110, 1110)), 3).util(111),
        expect("90 % against 100 % sits on the inclusive lower tolerance edge → unchanged",
            input(cpu100, 2, pods(2), cpus(900, 900)), 2).util(90),
        expect("89 % on 10 pods → ceil(8.9) = 9",
            input(cpu100, 10, pods(10), cpus(890, 890, 890, 890, 890, 890, 890, 890, 890, 890)), 9).util(89),
        expect("utilization is truncated before the ratio: 1009m of 1000m is 100 % → 2, not 3",
            input(cpu50, 1, pods(1), cpus(1009)), 2).util(100).average(1009),
        expect("zero tolerance turns 101 % on 10 pods into 11",
            withConfig(input(cpu100, 10, pods(10), cpus(1010, 1010, 1010, 1010, 1010, 1010, 1010, 1010, 1010, 1010)),
                tolerance(0, 0)), 11),
        expect("a wide scale-up tolerance (0.5) keeps 140 %",
            withConfig(input(cpu100, 2, pods(2), cpus(1400, 1400)), tolerance(0.1, 0.5)), 2),
        expect("a wide scale-up tolerance does not widen the scale-down side: 85 % → ceil(1.7) = 2 of 2",
            withConfig(input(cpu100, 4, pods(4), cpus(850, 850, 850, 850)), tolerance(0.1, 0.5)), 4),
        expect("behavior scaleUp.tolerance overrides the controller's: 0.5 keeps 140 %",
            input(Fixtures.spec(1, 1000, new Behavior(ScalingRules.scaleUp(null, null, null, 0.5),
                ScalingRules.DEFAULT_SCALE_DOWN), cpuUtilization(100)), 2, pods(2), cpus(1400, 1400)), 2),
        expect("behavior scaleDown.tolerance 0: 99 % on 10 pods is outside the band, yet ceil(9.9) keeps 10",
            input(Fixtures.spec(1, 1000, new Behavior(ScalingRules.DEFAULT_SCALE_UP,
                ScalingRules.scaleDown(null, null, null, 0.0)), cpuUtilization(100)), 10, pods(10),
                cpus(990, 990, 990, 990, 990, 990, 990, 990, 990, 990)), 10),
        expect("behavior scaleDown.tolerance 0 scales 98 % on 100 pods to 98",
            input(Fixtures.spec(1, 1000, new Behavior(ScalingRules.DEFAULT_SCALE_UP,
                ScalingRules.scaleDown(null, null, null, 0.0)), cpuUtilization(100)), 100, pods(100),
                cpus(java.util.stream.LongStream.generate(() -> 980).limit(100).toArray())), 98),
        expect("a behavior without tolerances keeps the controller's 0.1: 105 % stays",
            input(Fixtures.spec(1, 1000, Behavior.DEFAULTS, cpuUtilization(100)), 2, pods(2), cpus(1050, 1050)), 2),
        expect("a resource target with averageValue set is raw even if its type says Utilization",
            input(wide(new MetricSpec.ResourceMetric("cpu", new MetricTarget(MetricTargetType.UTILIZATION, null,
                500L, 50))), 2, pods(2), cpus(1000, 1000)), 4).average(1000),
        expect("a wide scale-down tolerance (0.5) keeps 60 %",
            withConfig(input(cpu100, 2, pods(2), cpus(600, 600)), tolerance(0.5, 0.1)), 2),
        expect("unready pods take no part in a scale-down: 3 ready at 30 % → ceil(0.6 × 3) = 2",
            input(cpu50, 5, list(pod("p0"), pod("p1"), pod("p2"), neverReady("p3"), neverReady("p4")),
                cpus(100, 300, 500, 250, 250)), 2).util(30),
        expect("unready pods count as 0 on a scale-up: 60 % → with the unready pod 40 % → ceil(1.33 × 3) = 4",
            input(cpu30, 3, list(neverReady("p0"), pod("p1"), pod("p2")), cpus(300, 500, 700)), 4).util(60),
        expect("deleted pods are ignored: 3 live pods at 30 % → 2",
            input(cpu50, 5, list(pod("p0"), pod("p1"), pod("p2"), deleted(pod("p3")), deleted(pod("p4"))),
                cpus(100, 300, 500, 250, 250)), 2).util(30),
        expect("failed pods are ignored: 3 live pods at 30 % → 2",
            input(cpu50, 5, list(pod("p0"), pod("p1"), pod("p2"), withPhase(pod("p3"), PodPhase.FAILED),
                withPhase(pod("p4"), PodPhase.FAILED)), cpus(100, 300, 500, 250, 250)), 2).util(30),
        expect("a pending pod is unready and counts as 0 on a scale-up → 4",
            input(cpu30, 3, list(withPhase(pod("p0"), PodPhase.PENDING), pod("p1"), pod("p2")),
                List.of(cpu("p1", 500), cpu("p2", 700))), 4).util(60),
        expect("a missing pod counts as 0 on a scale-up: 100 % of 50 → with it 75 % → ceil(1.5 × 4) = 6",
            input(cpu50, 4, pods(4), cpus(1000, 1000, 1000)), 6).util(100),
        expect("a missing pod counts as 100 % on a scale-down: 10 % → with it 32 % → ceil(0.64 × 4) = 3",
            input(cpu50, 4, pods(4), cpus(100, 100, 100)), 3).util(10),
        expect("a missing pod counts as the target when the target is above 100 %: 57 % of 200 → 2",
            input(wide(cpuUtilization(200)), 4, pods(4), cpus(100, 100, 100)), 2).util(10),
        expect("nothing is filled in when the ratio is exactly 1 → unchanged",
            input(cpu50, 4, pods(4), cpus(500, 500, 500)), 4).util(50),
        expect("a fill-in that flips the direction means no change",
            input(cpu50, 2, pods(2), cpus(400)), 2).util(40),
        expect("a rebalanced count that moves against the ratio means no change",
            input(cpu50, 10, pods(3), cpus(1000, 1000)), 10).util(100),
        expect("samples of pods outside the selection count in the rebalanced size (upstream quirk) → 6",
            input(wide(cpuUtilization(25)), 2, pods(2), List.of(cpu("p0", 1000), cpu("zz", 5000))), 6).util(100),
        expect("cpu: a pod still initializing whose sample window began before readiness is unready",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.TRUE, NOW.minusSeconds(30), NOW.minusSeconds(60)),
                pod("p1")), cpus(2000, 1000)), 2).util(100),
        expect("cpu: a pod still initializing whose sample lies wholly after readiness is ready → 6",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.TRUE, NOW.minusSeconds(90), NOW.minusSeconds(120)),
                pod("p1")), cpus(2000, 1000)), 6).util(150),
        expect("cpu: a pod still initializing and not ready is unready",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.FALSE, NOW.minusSeconds(200), NOW.minusSeconds(240)),
                pod("p1")), cpus(2000, 1000)), 2).util(100),
        expect("cpu: after initialization a not-ready pod that had been ready counts as ready → 4",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.FALSE, LONG_AGO.plusSeconds(60), LONG_AGO),
                pod("p1")), cpus(1000, 1000)), 4).util(100),
        expect("cpu: after initialization a pod that never became ready is unready → 2",
            input(cpu50, 2, list(neverReady("p0"), pod("p1")), cpus(1000, 1000)), 2).util(100),
        expect("cpu: a readiness change exactly at start + 30 s counts as having been ready → 4",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.FALSE, LONG_AGO.plusSeconds(30), LONG_AGO),
                pod("p1")), cpus(1000, 1000)), 4),
        expect("cpu: Ready Unknown after initialization counts as ready → 4",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.UNKNOWN, LONG_AGO.plusSeconds(10), LONG_AGO),
                pod("p1")), cpus(1000, 1000)), 4),
        expect("cpu: a pod without a Ready condition is unready → 2",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.ABSENT, null, LONG_AGO), pod("p1")),
                cpus(1000, 1000)), 2),
        expect("cpu: a pod without a start time is unready → 2",
            input(cpu50, 2, list(readiness(pod("p0"), Readiness.TRUE, LONG_AGO, null), pod("p1")),
                cpus(1000, 1000)), 2),
        expect("memory ignores the readiness rules: a never-ready pod still counts → 4",
            input(wide(new MetricSpec.ResourceMetric("memory", MetricTarget.utilization(50))), 2,
                list(neverReady("p0"), pod("p1")),
                List.of(memory("p0", 1_000_000_000_000L), memory("p1", 1_000_000_000_000L))), 4).util(100),
        expect("requests of all containers are summed: 600m of 1000m at 30 % → 2",
            input(cpu30, 1, list(podWith("p0", container("app", 500), container("sidecar", 500))),
                List.of(usage("p0", used("app", 300), used("sidecar", 300)))), 2).util(60),
        expect("a pod whose sample lacks the resource in one container is missing",
            input(cpu50, 2, pods(2), List.of(cpu("p0", 1000), usage("p1", used("app", 1000),
                new ContainerUsage("log", Map.of("memory", 5L))))), 2).util(100),
        expect("a container resource metric reads only its container: 100 % → 2",
            input(wide(new MetricSpec.ContainerResourceMetric("cpu", "app", MetricTarget.utilization(50))), 1,
                list(podWith("p0", container("app", 1000), container("sidecar", 1000))),
                List.of(usage("p0", used("app", 1000), used("sidecar", 0)))), 2).util(100),
        expect("the same pod as a Resource metric averages both containers: 50 % → 1",
            input(wide(cpuUtilization(50)), 1,
                list(podWith("p0", container("app", 1000), container("sidecar", 1000))),
                List.of(usage("p0", used("app", 1000), used("sidecar", 0)))), 1).util(50),
        expect("a container resource sample without the container is dropped (missing)",
            input(wide(new MetricSpec.ContainerResourceMetric("cpu", "app", MetricTarget.utilization(50))), 2,
                list(podWith("p0", container("app", 1000)), podWith("p1", container("app", 1000))),
                List.of(usage("p0", used("app", 1000)), usage("p1", used("other", 1000)))), 2).util(100),
        expect("a resource AverageValue target uses the plain average: 700m of 500m → ceil(1.4 × 3) = 5",
            input(wide(new MetricSpec.ResourceMetric("cpu", MetricTarget.averageValue(500))), 3, pods(3),
                cpus(600, 700, 800)), 5).average(700),
        expect("a resource AverageValue target applies the cpu readiness rules: unready pods as 0 → 4",
            input(wide(new MetricSpec.ResourceMetric("cpu", MetricTarget.averageValue(500))), 3,
                list(neverReady("p0"), pod("p1"), pod("p2")), cpus(600, 900, 900)), 4).average(900));
  }

  static Stream<Case> resourceFailures() {
    HpaSpec cpu50 = wide(cpuUtilization(50));
    return Stream.of(
        fails("a container without a cpu request fails the metric",
            input(cpu50, 2, list(pod("p0"), new PodInfo("p1", PodPhase.RUNNING, Readiness.TRUE, LONG_AGO, LONG_AGO,
                false, List.of(new ContainerRequests("app", Map.of("memory", 5L))))), cpus(100, 100)),
            "failed to get cpu utilization: missing request for cpu in container app of Pod p1"),
        fails("a deleted pod without a request still fails the metric",
            input(cpu50, 1, list(pod("p0"), deleted(new PodInfo("p1", PodPhase.RUNNING, Readiness.TRUE, LONG_AGO,
                LONG_AGO, false, List.of(new ContainerRequests("app", Map.of()))))), cpus(100)),
            "failed to get cpu utilization: missing request for cpu in container app of Pod p1"),
        fails("no selected pods", input(cpu50, 2, List.of(), cpus(100, 100)),
            "failed to get cpu utilization: no pods returned by selector while calculating replica count"),
        fails("no resource metrics at all", input(cpu50, 2, pods(2), List.of()),
            "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from "
                + "resource metrics API"),
        fails("only unready pods have samples",
            input(cpu50, 2, list(withPhase(pod("p0"), PodPhase.PENDING), neverReady("p1")), cpus(100, 100)),
            "failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)"),
        fails("zero requests",
            input(cpu50, 1, list(pod("p0", 0)), cpus(100)),
            "failed to get cpu utilization: no metrics returned matched known pods"),
        fails("a container resource metric naming a container the pod lacks",
            input(wide(new MetricSpec.ContainerResourceMetric("cpu", "app", MetricTarget.utilization(50))), 1,
                list(podWith("p0", container("web", 1000))), List.of(usage("p0", used("app", 10)))),
            "failed to get cpu utilization: container app not found in Pod p0"),
        fails("a resource target with neither utilization nor average value",
            input(wide(new MetricSpec.ResourceMetric("cpu", new MetricTarget(MetricTargetType.VALUE, 5L, null,
                null))), 1, pods(1), cpus(100)),
            "invalid resource metric source: neither an average utilization target nor an average value (usage) "
                + "target was set"),
        fails("a resource AverageValue target without metrics reports usage",
            input(wide(new MetricSpec.ResourceMetric("memory", MetricTarget.averageValue(500))), 1, pods(1),
                List.of()),
            "failed to get memory usage: unable to get metrics for resource memory: no metrics returned from "
                + "resource metrics API"));
  }

  static Stream<Case> podsMetrics() {
    HpaSpec qps15 = wide(podsMetric("qps", 15_000));
    HpaSpec qps10 = wide(podsMetric("qps", 10_000));
    return Stream.of(
        expect("pods metric: average 20 against 15 → ceil(1.33 × 3) = 4",
            input(qps15, 3, pods(3), List.of(), podValues("qps", 20_000, 10_000, 30_000)), 4).average(20_000),
        expect("pods metric: average 5 against 10 → 2",
            input(qps10, 4, pods(4), List.of(), podValues("qps", 5000, 5000, 5000, 5000)), 2).average(5000),
        expect("pods metric: a missing pod counts as exactly the target on a scale-down → 3",
            input(qps10, 4, pods(4), List.of(), podValues("qps", 5000, 5000, 5000)), 3).average(5000),
        expect("pods metric: a missing pod counts as 0 on a scale-up → 6",
            input(qps10, 4, pods(4), List.of(), podValues("qps", 20_000, 20_000, 20_000)), 6).average(20_000),
        expect("pods metric: cpu readiness rules do not apply → 6",
            input(qps10, 3, list(neverReady("p0"), pod("p1"), pod("p2")), List.of(),
                podValues("qps", 20_000, 20_000, 20_000)), 6),
        expect("pods metric: a pending pod counts as 0 on a scale-up → 4",
            input(qps10, 3, list(withPhase(pod("p0"), PodPhase.PENDING), pod("p1"), pod("p2")), List.of(),
                List.of(MetricValue.pod("qps", "p1", 20_000), MetricValue.pod("qps", "p2", 20_000))), 4),
        expect("pods metric: the average is truncated to whole milli-units (3m / 2 = 1m) → unchanged",
            input(wide(podsMetric("qps", 1)), 2, pods(2), List.of(), podValues("qps", 1, 2)), 2).average(1),
        expect("pods metric: values of other metrics are not used",
            input(qps10, 2, pods(2), List.of(), List.of(MetricValue.pod("qps", "p0", 20_000),
                MetricValue.pod("qps", "p1", 20_000), MetricValue.pod("latency", "p0", 1))), 4));
  }

  static Stream<Case> podsFailures() {
    HpaSpec qps = wide(podsMetric("qps", 10_000));
    return Stream.of(
        fails("pods metric without any value", input(qps, 2, pods(2), List.of(), List.of()),
            "failed to get pods metric value: unable to get metric qps: no metrics returned from custom metrics API"),
        fails("pods metric whose fetch failed",
            input(qps, 2, pods(2), List.of(), List.of(MetricValue.failed(MetricSourceType.PODS, "qps", "boom"))),
            "failed to get pods metric value: unable to get metric qps: boom"),
        fails("pods metric without pods",
            input(qps, 2, List.of(), List.of(), podValues("qps", 1, 2)),
            "failed to get pods metric value: no pods returned by selector while calculating replica count"));
  }

  static Stream<Case> objectAndExternal() {
    HpaSpec rps = wide(objectValue("rps", 10_000));
    List<PodInfo> threeWithOneNotReady =
        list(pod("p0"), pod("p1"), readiness(pod("p2"), Readiness.FALSE, LONG_AGO.plusSeconds(60), LONG_AGO));
    HpaSpec qps = wide(externalValue("qps", 1_200_000));
    return Stream.of(
        expect("object Value: ratio 3 × 3 ready pods = 9",
            input(rps, 3, pods(3), List.of(), List.of(MetricValue.object("rps", INGRESS, 30_000))), 9).value(30_000),
        expect("object Value multiplies only Running and Ready pods: 3 × 2 = 6",
            input(rps, 3, threeWithOneNotReady, List.of(), List.of(MetricValue.object("rps", INGRESS, 30_000))), 6),
        expect("object Value within tolerance → unchanged",
            input(rps, 3, pods(3), List.of(), List.of(MetricValue.object("rps", INGRESS, 10_500))), 3),
        expect("object Value from zero replicas: ceil(1.05) = 2 without tolerance",
            input(Fixtures.spec(0, 10, null, objectValue("rps", 10_000)), 0, List.of(), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 10_500))), 2),
        expect("object AverageValue uses status replicas: 30 / (5 × 4) = 1.5 → ceil(30 / 5) = 6",
            withScale(input(wide(objectAverage("rps", 5000)), 3, pods(3), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 30_000))), new Scale(3, 4, "app=web")), 6).average(7500),
        expect("object AverageValue within tolerance returns the status replicas",
            withScale(input(wide(objectAverage("rps", 5000)), 3, pods(3), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 20_500))), new Scale(3, 4, "app=web")), 4).average(5125),
        expect("external Value sums the series: 1.2 of 0.6 → 2 × 2 = 4",
            input(wide(externalValue("queue", 600)), 2, pods(2), List.of(),
                List.of(MetricValue.external("queue", 500), MetricValue.external("queue", 700))), 4).value(1200),
        expect("seed 003: QPS 700 against 1200 on 2 pods → ceil(1.17) = 2",
            input(qps, 2, pods(2), List.of(), List.of(MetricValue.external("qps", 700_000))), 2).value(700_000),
        expect("seed 003: QPS 1000 against 1200 on 2 pods → ceil(1.67) = 2",
            input(qps, 2, pods(2), List.of(), List.of(MetricValue.external("qps", 1_000_000))), 2),
        expect("seed 003: QPS 1300 on 2 pods is within the default tolerance (1.083) → stays 2",
            input(qps, 2, pods(2), List.of(), List.of(MetricValue.external("qps", 1_300_000))), 2),
        expect("seed 003: QPS 1300 on 2 pods with tolerance 0.05 → ceil(2.17) = 3",
            withConfig(input(qps, 2, pods(2), List.of(), List.of(MetricValue.external("qps", 1_300_000))),
                tolerance(0.05, 0.05)), 3),
        expect("seed 003: QPS 2000 on 3 pods → 3 × 2000 / 1200 = 5.0 → 5",
            input(qps, 3, pods(3), List.of(), List.of(MetricValue.external("qps", 2_000_000))), 5),
        expect("external AverageValue: ceil(8.6 / 2.15) = 4, reported average ceil(8.6 / 3)",
            withScale(input(wide(externalAverage("queue", 2150)), 3, pods(3), List.of(),
                List.of(MetricValue.external("queue", 8600))), new Scale(3, 3, "app=web")), 4).average(2867),
        expect("external averageValue wins over value when both are set",
            input(wide(new MetricSpec.ExternalMetric(new MetricIdentifier("queue", null),
                new MetricTarget(MetricTargetType.VALUE, 1L, 2150L, null))), 3, pods(3), List.of(),
                List.of(MetricValue.external("queue", 8600))), 4),
        expect("external Value from zero replicas: ceil(2.5) = 3",
            input(Fixtures.spec(0, 10, null, externalValue("queue", 1000)), 0, List.of(), List.of(),
                List.of(MetricValue.external("queue", 2500))), 3),
        expect("external Value from zero replicas with no load: 0",
            input(Fixtures.spec(0, 10, null, externalValue("queue", 1000)), 0, List.of(), List.of(),
                List.of(MetricValue.external("queue", 0))), 0),
        expect("external sum saturates instead of wrapping, and the count saturates at the int range",
            input(wide(externalValue("queue", 1)), 2, pods(2), List.of(),
                List.of(MetricValue.external("queue", Long.MAX_VALUE), MetricValue.external("queue", 5))),
            Integer.MAX_VALUE).value(Long.MAX_VALUE),
        expect("external series with the spec's selector are summed, others are not",
            input(wide(new MetricSpec.ExternalMetric(new MetricIdentifier("queue", "sel-a"), MetricTarget.value(600))),
                2, pods(2), List.of(), List.of(
                    new MetricValue(MetricSourceType.EXTERNAL, "queue", "sel-a", null, null, 1200L, null),
                    new MetricValue(MetricSourceType.EXTERNAL, "queue", "sel-b", null, null, 9000L, null))), 4)
            .value(1200));
  }

  static Stream<Case> objectAndExternalFailures() {
    return Stream.of(
        fails("object metric without a value",
            input(wide(objectValue("rps", 10_000)), 3, pods(3), List.of(), List.of()),
            "failed to get object metric value: unable to get metric rps on Ingress default/main-route: no metrics "
                + "returned from custom metrics API"),
        fails("object metric value for another object is not used",
            input(wide(objectValue("rps", 10_000)), 3, pods(3), List.of(),
                List.of(MetricValue.object("rps", new ObjectReference("Ingress", "other", null), 5))),
            "failed to get object metric value: unable to get metric rps on Ingress default/main-route: no metrics "
                + "returned from custom metrics API"),
        fails("object Value outside tolerance needs pods to count",
            input(wide(objectValue("rps", 10_000)), 3, List.of(), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 30_000))),
            "failed to get object metric value: unable to calculate ready pods: no pods returned by selector while "
                + "calculating replica count"),
        fails("object target type AverageValue without averageValue",
            input(wide(new MetricSpec.ObjectMetric(INGRESS, new MetricIdentifier("rps", null),
                new MetricTarget(MetricTargetType.AVERAGE_VALUE, 5L, null, null))), 3, pods(3), List.of(),
                List.of(MetricValue.object("rps", INGRESS, 30_000))),
            "invalid object metric source: neither a value target nor an average value target was set"),
        fails("external fetch error",
            input(wide(externalValue("qps", 1000)), 2, pods(2), List.of(),
                List.of(MetricValue.failed(MetricSourceType.EXTERNAL, "qps", "timeout"))),
            "failed to get qps external metric: unable to get external metric default/qps/<nil>: timeout"),
        fails("external metric without series",
            input(wide(externalValue("qps", 1000)), 2, pods(2), List.of(), List.of()),
            "failed to get qps external metric: unable to get external metric default/qps/<nil>: no metrics "
                + "returned from external metrics API"),
        fails("external target without value or averageValue",
            input(wide(new MetricSpec.ExternalMetric(new MetricIdentifier("qps", null),
                new MetricTarget(MetricTargetType.VALUE, null, null, 5))), 2, pods(2), List.of(),
                List.of(MetricValue.external("qps", 1))),
            "invalid external metric source: neither a value target nor an average value target was set"),
        fails("an unknown metric source type",
            input(wide(new MetricSpec.UnknownMetric("Bogus")), 2, pods(2), List.of()),
            "unknown metric source type \"Bogus\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"resourceUtilization", "podsMetrics", "objectAndExternal"})
  void proposesReplicas(Case c) {
    MetricsEvaluation evaluation = MetricsEvaluation.evaluate(c.in(), Tolerances.of(c.in().spec(), c.in().config()),
        NOW);
    assertEquals(null, evaluation.firstFailureMessage, "no failure");
    assertEquals(c.replicas(), evaluation.replicas, "replicas");
    MetricStatus status = evaluation.statuses.get(0);
    if (c.utilization() != null) {
      assertEquals(c.utilization(), status.averageUtilization(), "utilization");
    }
    if (c.averageValue() != null) {
      assertEquals(c.averageValue(), status.averageValue(), "averageValue");
    }
    if (c.value() != null) {
      assertEquals(c.value(), status.value(), "value");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"resourceFailures", "podsFailures", "objectAndExternalFailures"})
  void reportsTheUpstreamError(Case c) {
    MetricsEvaluation evaluation = MetricsEvaluation.evaluate(c.in(), Tolerances.of(c.in().spec(), c.in().config()),
        NOW);
    assertEquals(c.error(), evaluation.firstFailureMessage);
    assertEquals(1, evaluation.invalidCount);
    assertEquals(-1, evaluation.replicas);
    assertEquals(MetricStatus.FAILED, evaluation.statuses.get(0));
  }
}
