package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.ScalingDecision;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import dev.reflex.testing.MutableClock;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed tutorials end to end on the embedded cluster. The controllers run on a clock the test moves; after each
 * move the test asks for a resync, exactly what a timer would do at that instant.
 */
class ControllersEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ResourceDefinitionContext IHPA = context("intelligenthorizontalpodautoscalers",
      "IntelligentHorizontalPodAutoscaler");
  private static final ResourceDefinitionContext RP = context("replicaprofiles", "ReplicaProfile");
  private static final ResourceDefinitionContext HP = context("horizontalportraits", "HorizontalPortrait");

  @TempDir
  static Path dir;

  static MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:05:00Z"));
  static EmbeddedReflex reflex;

  @BeforeAll
  static void start() {
    reflex = EmbeddedReflex.start(dir, clock, Map.of());
  }

  @AfterAll
  static void stop() {
    reflex.close();
  }

  @Test
  void cronTutorialFollowsTheFiveWindowsAndWarnsInTheGap() {
    List<ScalingDecision> decisions = new java.util.concurrent.CopyOnWriteArrayList<>();
    reflex.runtime.vertx().eventBus().<ScalingDecision>localConsumer(Addresses.CONTROLLER_DECISION,
        m -> decisions.add(m.body()));
    reflex.apply(statefulSet("cron-web", 3));
    reflex.apply(ihpa("cron-ihpa", "cron-web", "StatefulSet", """
          - type: Cron
            priority: 1
            cron:
              crons:
              - {name: cron-1, start: "0 * * * *", end: "10 * * * *", replicas: 1}
              - {name: cron-2, start: "10 * * * *", end: "20 * * * *", replicas: 2}
              - {name: cron-3, start: "20 * * * *", end: "30 * * * *", replicas: 3}
              - {name: cron-4, start: "30 * * * *", end: "40 * * * *", replicas: 4}
              - {name: cron-5, start: "40 * * * *", end: "50 * * * *", replicas: 5}
        """, ""));
    at("2026-01-05T10:05:00Z");
    expectReplicas("StatefulSet", "cron-web", 1);
    for (int window = 2; window <= 5; window++) {
      at("2026-01-05T10:" + (window - 1) + "5:00Z");
      expectReplicas("StatefulSet", "cron-web", window);
    }
    at("2026-01-05T10:55:00Z");
    Eventually.until(WAIT, "NoValidPortraitValue warning", () -> events("cron-ihpa").stream()
        .anyMatch(e -> "Warning".equals(e.getType()) && "NoValidPortraitValue".equals(e.getReason())
            && "no valid portrait value for now".equals(e.getMessage())));
    assertEquals(5, reflex.replicas("StatefulSet", "cron-web"), "the gap leaves the workload alone");
    at("2026-01-05T11:05:00Z");
    expectReplicas("StatefulSet", "cron-web", 1);
    assertTrue(messages("cron-ihpa").contains(
        "create ReplicaProfile with onlineReplicas: 1, cutoffReplicas: 0, standbyReplicas: 0"), messages("cron-ihpa")
        .toString());
    assertTrue(messages("cron-ihpa").contains(
        "update ReplicaProfile with onlineReplicas: 4 -> 5, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"));
    assertTrue(decisions.stream().anyMatch(d -> d.target().name().equals("cron-ihpa") && "Cron".equals(d.provider())
        && d.targetReplicas() == 5 && d.online() == 5), "decisions travel the bus: " + decisions);
  }

  @Test
  void grayTutorialCutsOffInStepsThenScalesDown() {
    grayScenario("gray-web", "StatefulSet");
    // The IHPA records each profile update after the write, so the last one may trail the scale-down it caused.
    Eventually.until(WAIT, "four profile events", () -> messages("gray-web-ihpa").size() >= 4);
    assertEquals(List.of(
        "create ReplicaProfile with onlineReplicas: 5, cutoffReplicas: 0, standbyReplicas: 0",
        "update ReplicaProfile with onlineReplicas: 5 -> 3, cutoffReplicas: 0 -> 2, standbyReplicas: 0 -> 0",
        "update ReplicaProfile with onlineReplicas: 3 -> 1, cutoffReplicas: 2 -> 4, standbyReplicas: 0 -> 0",
        "update ReplicaProfile with onlineReplicas: 1 -> 1, cutoffReplicas: 4 -> 0, standbyReplicas: 0 -> 0"),
        messages("gray-web-ihpa"));
    Eventually.until(WAIT, "only gray-web-0 left", () -> names(reflex.pods("gray-web")).equals(List.of("gray-web-0")));
  }

  @Test
  void grayScaleDownOnADeploymentRemovesExactlyTheCutOffPods() {
    Set<String> survivors = grayScenario("gray-api", "Deployment");
    Eventually.until(WAIT, "one pod left", () -> reflex.pods("gray-api").size() == 1);
    assertEquals(survivors, Set.copyOf(names(reflex.pods("gray-api"))),
        "the ReplicaSet must delete the pods that were cut off, not others");
  }

  @Test
  void predictiveResultDrivesReplicasThroughItsPointsUntilItExpires() {
    reflex.apply(statefulSet("pred-web", 1));
    reflex.apply(ihpa("pred-ihpa", "pred-web", "StatefulSet", PREDICTIVE_EXTERNAL_JOB, ""));
    at("2026-01-05T10:05:00Z");
    Eventually.until(WAIT, "portrait created", () -> reflex.client.genericKubernetesResources(HP)
        .inNamespace("default").withName("pred-ihpa-predictive").get() != null);
    reflex.apply("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: pred-ihpa-predictive-result}
        data:
          type: TimeSeries
          expireTime: "2026-01-05T10:30:00Z"
          timeSeries: '{"1767607200.0": 4, "1767607800": 3, "1767608400": 2}'
        """);
    at("2026-01-05T10:05:00Z");
    expectReplicas("StatefulSet", "pred-web", 4);
    at("2026-01-05T10:15:00Z");
    expectReplicas("StatefulSet", "pred-web", 3);
    reflex.apply("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: pred-ihpa-predictive-result}
        data: {type: TimeSeries, timeSeries: 'not json'}
        """);
    Eventually.until(WAIT, "PortraitGenerated=False", () -> {
      GenericKubernetesResource hp = reflex.client.genericKubernetesResources(HP).inNamespace("default")
          .withName("pred-ihpa-predictive").get();
      return String.valueOf(hp.getAdditionalProperties().get("status"))
          .contains("FailedFetchExternalAlgorithmJobResult");
    });
    at("2026-01-05T10:25:00Z");
    expectReplicas("StatefulSet", "pred-web", 2);
    at("2026-01-05T10:35:00Z");
    Eventually.until(WAIT, "expired", () -> events("pred-ihpa").stream()
        .anyMatch(e -> "NoValidPortraitValue".equals(e.getReason())));
    assertEquals(2, reflex.replicas("StatefulSet", "pred-web"));
  }

  @Test
  void previewModeReportsButNeverTouchesTheWorkload() {
    reflex.apply(statefulSet("preview-web", 2));
    reflex.apply(ihpa("preview-ihpa", "preview-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 4}}
        """, "scaleMode: Preview"));
    at("2026-01-05T10:05:00Z");
    Eventually.until(WAIT, "current portrait value", () -> String.valueOf(status("preview-ihpa"))
        .contains("replicas=4"));
    assertNull(reflex.client.genericKubernetesResources(RP).inNamespace("default").withName("preview-ihpa").get());
    assertEquals(2, reflex.replicas("StatefulSet", "preview-web"));
  }

  @Test
  void pausedIhpaHoldsTheWorkloadUntilResumed() {
    reflex.apply(statefulSet("pause-web", 1));
    reflex.apply(ihpa("pause-ihpa", "pause-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 3}}
        """, ""));
    at("2026-01-05T10:05:00Z");
    expectReplicas("StatefulSet", "pause-web", 3);
    reflex.apply(ihpa("pause-ihpa", "pause-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 4}}
        """, "paused: true"));
    Eventually.until(WAIT, "ScalingPaused", () -> String.valueOf(status("pause-ihpa")).contains("ScalingPaused"));
    at("2026-01-05T10:06:00Z");
    assertEquals(3, reflex.replicas("StatefulSet", "pause-web"));
    reflex.apply(ihpa("pause-ihpa", "pause-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 4}}
        """, "paused: false"));
    expectReplicas("StatefulSet", "pause-web", 4);
  }

  @Test
  void invalidSpecIsReportedOnceAndFixingItRecovers() {
    reflex.apply(statefulSet("invalid-web", 2));
    reflex.apply(ihpa("invalid-ihpa", "invalid-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 3}}
        """, "").replace("maxReplicas: 10", "maxReplicas: 0"));
    at("2026-01-05T10:05:00Z");
    Eventually.until(WAIT, "InvalidSpec", () -> String.valueOf(status("invalid-ihpa")).contains("InvalidSpec"));
    at("2026-01-05T10:06:00Z");
    at("2026-01-05T10:07:00Z");
    Eventually.until(WAIT, "reconciled", () -> reflex.app.controllers().idle());
    List<Event> warnings = events("invalid-ihpa").stream().filter(e -> "InvalidSpec".equals(e.getReason())).toList();
    assertEquals(1, warnings.size());
    assertEquals(1, warnings.get(0).getCount(), "one Warning event, not one per reconcile");
    assertTrue(warnings.get(0).getMessage().contains("spec.maxReplicas"), warnings.get(0).getMessage());
    assertNull(reflex.client.genericKubernetesResources(RP).inNamespace("default").withName("invalid-ihpa").get());
    assertEquals(2, reflex.replicas("StatefulSet", "invalid-web"), "nothing scaled");
    reflex.apply(ihpa("invalid-ihpa", "invalid-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 3}}
        """, ""));
    expectReplicas("StatefulSet", "invalid-web", 3);
    Eventually.until(WAIT, "recovered", () -> String.valueOf(status("invalid-ihpa")).contains("SucceededAutoscaling"));
  }

  @Test
  void apiServerErrorsAreRetriedUntilTheProfileIsApplied() {
    reflex.apply(statefulSet("flaky-web", 1));
    reflex.cluster.faults().failWrites("/replicaprofiles", 500, 3);
    reflex.apply(ihpa("flaky-ihpa", "flaky-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 3}}
        """, ""));
    at("2026-01-05T10:05:00Z");
    expectReplicas("StatefulSet", "flaky-web", 3);
    reflex.cluster.faults().failWrites("flaky-web/scale", 409, 2);
    reflex.apply(ihpa("flaky-ihpa", "flaky-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 4}}
        """, ""));
    expectReplicas("StatefulSet", "flaky-web", 4);
    Eventually.until(WAIT, "status recovered", () -> String.valueOf(status("flaky-ihpa"))
        .contains("SucceededAutoscaling"));
  }

  @Test
  void reflexRestartedMidGrayContinuesThePlan() {
    String name = "restart-web";
    reflex.apply(statefulSet(name, 1));
    reflex.apply(ihpa(name + "-ihpa", name, "StatefulSet", GRAY_PROVIDERS, GRAY_BEHAVIOR));
    at("2026-01-05T10:05:00Z");
    expectReplicas("StatefulSet", name, 5);
    Eventually.until(WAIT, "5 ready pods", () -> reflex.pods(name).stream().filter(ControllersEndToEndTest::ready)
        .count() == 5);
    at("2026-01-05T10:10:00Z");
    Eventually.until(WAIT, "2 pods cut off", () -> cutOff(name).size() == 2);
    Eventually.until(WAIT, "cut-off pods out of ready", () -> reflex.pods(name).stream()
        .filter(ControllersEndToEndTest::ready).count() == 3);
    resyncAndWait();
    reflex.restartReflex();
    at("2026-01-05T10:10:10Z");
    Eventually.until(WAIT, "reconciled after restart", () -> reflex.app.controllers().idle());
    assertEquals(2, cutOff(name).size(), "a restart neither advances nor restarts the plan");
    at("2026-01-05T10:10:30Z");
    Eventually.until(WAIT, "4 pods cut off", () -> cutOff(name).size() == 4, () -> grayState(name));
    at("2026-01-05T10:11:30Z");
    expectReplicas("StatefulSet", name, 1);
  }

  /** What a stuck gray plan looks like: the profile as stored, its IHPA's status and every pod's state. */
  private static String grayState(String app) {
    GenericKubernetesResource rp = reflex.client.genericKubernetesResources(RP).inNamespace("default")
        .withName(app + "-ihpa").get();
    String pods = reflex.pods(app).stream().map(p -> p.getMetadata().getName() + "="
        + p.getMetadata().getLabels().getOrDefault("kapacitystack.io/pod-state", "Online") + "/"
        + p.getStatus().getPhase() + (p.getMetadata().getDeletionTimestamp() == null ? "" : "/terminating")
        + (ready(p) ? "/ready" : "")).sorted().collect(Collectors.joining(" "));
    return "leading=" + reflex.app.leading() + " idle=" + reflex.app.controllers().idle()
        + " profile=" + (rp == null ? null : Map.of("annotations", String.valueOf(rp.getMetadata().getAnnotations()),
            "rv", rp.getMetadata().getResourceVersion(), "body", rp.getAdditionalProperties()))
        + " ihpaStatus=" + status(app + "-ihpa") + " pods=[" + pods + "]";
  }

  @Test
  void steadyIhpaWritesNothing() {
    reflex.apply(statefulSet("steady-web", 1));
    reflex.apply(ihpa("steady-ihpa", "steady-web", "StatefulSet", """
          - {type: Static, priority: 1, static: {replicas: 2}}
        """, ""));
    at("2026-01-05T10:05:00Z");
    expectReplicas("StatefulSet", "steady-web", 2);
    Eventually.until(WAIT, "pods ready", () -> reflex.pods("steady-web").stream()
        .filter(ControllersEndToEndTest::ready).count() == 2);
    Eventually.until(WAIT, "profile ensured", () -> String.valueOf(reflex.client.genericKubernetesResources(RP)
        .inNamespace("default").withName("steady-ihpa").get().getAdditionalProperties().get("status"))
        .contains("ReplicaProfileEnsured"));
    // The writes that made it steady echo back and may cause a pass or two more; then a resync writes nothing.
    int round = 0;
    while (steadyWritesOfOneResync() > 0) {
      assertTrue(++round < 5, "a steady IHPA's resyncs kept writing: " + reflex.cluster.faults().recentWrites());
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(0, steadyWritesOfOneResync(), () -> "resyncs of a steady IHPA must not write (other tests'"
          + " workloads may still be converging, so only this IHPA's objects count): "
          + reflex.cluster.faults().recentWrites());
    }
  }

  /** Resyncs, waits for the passes it caused, and counts the writes to this test's objects meanwhile. */
  private static long steadyWritesOfOneResync() {
    long before = reflex.cluster.faults().writes();
    resyncAndWait();
    int written = (int) (reflex.cluster.faults().writes() - before);
    List<String> recent = reflex.cluster.faults().recentWrites();
    return recent.subList(Math.max(0, recent.size() - written), recent.size()).stream()
        .filter(w -> w.contains("steady-")).count();
  }

  // --- scenarios ------------------------------------------------------------------------------------------------

  /** Seed 000's gray walkthrough on a workload; returns the pod that stayed online. */
  private Set<String> grayScenario(String name, String kind) {
    reflex.apply(kind.equals("StatefulSet") ? statefulSet(name, 1) : deployment(name, 1));
    reflex.apply(ihpa(name + "-ihpa", name, kind, GRAY_PROVIDERS, GRAY_BEHAVIOR));
    at("2026-01-05T10:05:00Z");
    expectReplicas(kind, name, 5);
    Eventually.until(WAIT, "5 ready pods", () -> reflex.pods(name).stream().filter(ControllersEndToEndTest::ready)
        .count() == 5);
    at("2026-01-05T10:10:00Z");
    Eventually.until(WAIT, "2 pods cut off", () -> cutOff(name).size() == 2);
    Eventually.until(WAIT, "cut-off pods out of ready", () -> reflex.pods(name).stream()
        .filter(ControllersEndToEndTest::ready).count() == 3);
    assertEquals(5, reflex.replicas(kind, name));
    if (kind.equals("StatefulSet")) {
      assertEquals(Set.of(name + "-3", name + "-4"), Set.copyOf(cutOff(name)));
    }
    at("2026-01-05T10:10:30Z");
    Eventually.until(WAIT, "4 pods cut off", () -> cutOff(name).size() == 4);
    Set<String> online = reflex.pods(name).stream().map(p -> p.getMetadata().getName())
        .filter(n -> !cutOff(name).contains(n)).collect(Collectors.toSet());
    assertEquals(1, online.size());
    at("2026-01-05T10:11:00Z");
    assertEquals(5, reflex.replicas(kind, name), "still observing");
    at("2026-01-05T10:11:30Z");
    expectReplicas(kind, name, 1);
    return online;
  }

  /** Seed 000's predictive provider: an ExternalJob whose result ConfigMap drives the portrait. */
  static final String PREDICTIVE_EXTERNAL_JOB = """
          - type: Dynamic
            priority: 1
            dynamic:
              portraitType: Predictive
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: AverageValue, averageValue: 1m}}
              - type: Pods
                pods: {metric: {name: kube_pod_status_ready}, target: {type: NA}}
              - name: qps
                type: External
                external: {metric: {name: qps}, target: {type: NA}}
              algorithm:
                type: ExternalJob
                externalJob:
                  job:
                    type: CronJob
                    cronJob:
                      template:
                        spec:
                          schedule: "0/30 * * * *"
                          jobTemplate:
                            spec:
                              template:
                                spec:
                                  containers: [{name: algorithm}]
                                  restartPolicy: OnFailure
                  resultSource: {type: ConfigMap}
        """;

  private static final String GRAY_PROVIDERS = """
          - {type: Static, priority: 1, static: {replicas: 1}}
          - type: Cron
            priority: 2
            cron:
              crons:
              - {name: cron-1, start: "0 * * * *", end: "10 * * * *", replicas: 5}
        """;
  private static final String GRAY_BEHAVIOR = """
        behavior:
            scaleDown:
              grayStrategy: {grayState: Cutoff, changeIntervalSeconds: 30, changePercent: 50, observationSeconds: 60}
        """;

  // --- helpers --------------------------------------------------------------------------------------------------

  private static void at(String instant) {
    clock.set(Instant.parse(instant));
    reflex.app.controllers().resyncAll();
  }

  /** A resync whose passes have all run: queued first, then the controllers idle. */
  private static void resyncAndWait() {
    EmbeddedReflex.await(reflex.app.controllers().resyncAll());
    Eventually.until(WAIT, "controllers idle", () -> reflex.app.controllers().idle());
  }

  private static void expectReplicas(String kind, String name, int replicas) {
    Eventually.until(WAIT, kind + " " + name + " at " + replicas + " replicas",
        () -> reflex.replicas(kind, name) == replicas);
  }

  private static List<String> cutOff(String app) {
    return reflex.pods(app).stream().filter(p -> "Cutoff".equals(p.getMetadata().getLabels()
        .get("kapacitystack.io/pod-state"))).map(p -> p.getMetadata().getName()).toList();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).sorted().toList();
  }

  private static List<Event> events(String ihpa) {
    return reflex.client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> ihpa.equals(e.getInvolvedObject().getName())
            && "IntelligentHorizontalPodAutoscaler".equals(e.getInvolvedObject().getKind()))
        .sorted((a, b) -> a.getFirstTimestamp().compareTo(b.getFirstTimestamp()) != 0
            ? a.getFirstTimestamp().compareTo(b.getFirstTimestamp())
            : a.getMetadata().getCreationTimestamp().compareTo(b.getMetadata().getCreationTimestamp()))
        .toList();
  }

  private static List<String> messages(String ihpa) {
    return events(ihpa).stream().filter(e -> "Normal".equals(e.getType())).map(Event::getMessage).toList();
  }

  private static Object status(String ihpa) {
    GenericKubernetesResource r = reflex.client.genericKubernetesResources(IHPA).inNamespace("default")
        .withName(ihpa).get();
    return r == null ? null : r.getAdditionalProperties().get("status");
  }

  static String statefulSet(String name, int replicas) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s}
        spec:
          selector: {app: %1$s}
          ports: [{name: http, port: 80, targetPort: 80}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: %1$s}
        spec:
          replicas: %2$d
          serviceName: %1$s
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata:
              labels: {app: %1$s, kapacitystack.io/inject-pod-readiness-gate: "true"}
            spec:
              containers:
              - name: main
                image: nginx:stable
                resources: {requests: {cpu: 100m}}
        """.formatted(name, replicas);
  }

  static String deployment(String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s}
        spec:
          replicas: %2$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata:
              labels: {app: %1$s, kapacitystack.io/inject-pod-readiness-gate: "true"}
            spec:
              containers:
              - name: main
                image: nginx:stable
        """.formatted(name, replicas);
  }

  /** A Dynamic KPA provider on the streamed Pods metric {@code rps}, 50 per pod, with {@code kpa} settings. */
  static String kpaRpsProvider(String kpa) {
    return rpsProvider("KPA", "kpa", kpa);
  }

  /**
   * A Dynamic provider on the Pods metric {@code rps}, 50 per pod, with the algorithm {@code type} and its
   * {@code settings} under {@code field}.
   */
  static String rpsProvider(String type, String field, String settings) {
    return """
          - type: Dynamic
            priority: 1
            dynamic:
              portraitType: Reactive
              metrics:
              - type: Pods
                pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "50"}}
              algorithm:
                type: %s
                %s: {%s}
        """.formatted(type, field, settings);
  }

  static String ihpa(String name, String target, String kind, String providers, String extra) {
    return """
        apiVersion: autoscaling.kapacitystack.io/v1alpha1
        kind: IntelligentHorizontalPodAutoscaler
        metadata: {name: %s}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: %s, name: %s}
          minReplicas: 1
          maxReplicas: 10
          %s
          portraitProviders:
        %s""".formatted(name, kind, target, extra, providers);
  }

  private static ResourceDefinitionContext context(String plural, String kind) {
    return new ResourceDefinitionContext.Builder().withGroup("autoscaling.kapacitystack.io").withVersion("v1alpha1")
        .withPlural(plural).withKind(kind).withNamespaced(true).build();
  }
}
