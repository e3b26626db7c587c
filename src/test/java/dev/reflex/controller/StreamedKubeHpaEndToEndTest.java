package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.ScaleMessage;
import dev.reflex.bus.ScalingDecision;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portraits on streamed samples. Every KubeHPA portrait here syncs once an hour and the controllers resync once an
 * hour, so within a test only the streamed trigger (a sample the HPA would scale up on) can make one decide again.
 * Samples go stale after 3 s.
 */
class StreamedKubeHpaEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir
  static Path dir;

  static EmbeddedReflex reflex;
  static HttpClient http;

  @BeforeAll
  static void start() {
    reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of("REFLEX_KUBE_RESYNC_PERIOD", "1h",
        "REFLEX_METRICS_STALE_AFTER", "3s"));
    http = reflex.runtime.vertx().createHttpClient();
  }

  @AfterAll
  static void stop() {
    http.close();
    reflex.close();
  }

  /**
   * Pods metric {@code rps}, target 50 per pod. Before any sample the portrait cannot be generated (no Prometheus,
   * nothing streamed) and the workload keeps its 2 pods. Then both pods report 150 rps: ratio 3, the HPA wants
   * ceil(2 × 3) = 6 pods, and the sample itself makes the portrait decide.
   */
  @Test
  void aPodsMetricSampleTheHpaWouldScaleUpOnIsDecidedAtOnce() {
    reflex.apply(ControllersEndToEndTest.statefulSet("rps-web", 2));
    reflex.apply(ControllersEndToEndTest.ihpa("rps-ihpa", "rps-web", "StatefulSet",
        ControllersEndToEndTest.rpsProvider("KubeHPA", "kubeHPA", "syncPeriod: 1h"), ""));
    Eventually.until(WAIT, "two ready pods", () -> reflex.readyPods("rps-web") == 2);
    Eventually.until(WAIT, "portrait reports the missing metric", () -> portraitStatus("rps-ihpa-reactive")
        .contains("no Prometheus configured"));
    assertEquals(2, reflex.replicas("StatefulSet", "rps-web"));

    reflex.remoteWrite(http, "rps-web", "rps", 150);
    Eventually.until(WAIT, "scaled to 6 by the streamed trigger", () -> reflex.replicas("StatefulSet", "rps-web") == 6);
    assertTrue(portraitStatus("rps-ihpa-reactive").contains("SucceededGeneratePortrait"));
  }

  /**
   * Resource metric cpu at 50 % of the pods' 100m request: 0.05 cores per pod. The streamed gauge
   * {@code cpu_usage_cores} stands for it ({@code metrics.resource-series}); one pod at 0.15 cores is 300 %:
   * ceil(1 × 3) = 3 pods. (The first decision, made when the portrait appears, may find no usage yet and fail;
   * with an hour's sync only the streamed trigger decides again.)
   */
  @Test
  void aStreamedCpuGaugeServesAUtilizationTarget() {
    reflex.apply(ControllersEndToEndTest.statefulSet("cpu-stream-web", 1));
    reflex.apply(ControllersEndToEndTest.ihpa("cpu-stream-ihpa", "cpu-stream-web", "StatefulSet", """
          - type: Dynamic
            priority: 1
            dynamic:
              portraitType: Reactive
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
              algorithm:
                type: KubeHPA
                kubeHPA: {syncPeriod: 1h, cpuInitializationPeriod: 1s, initialReadinessDelay: 1s}
        """, ""));
    Eventually.until(WAIT, "one ready pod", () -> reflex.readyPods("cpu-stream-web") == 1);
    Eventually.until(WAIT, "first decision made", () -> portraitStatus("cpu-stream-ihpa-reactive")
        .contains("PortraitGenerated"));
    assertEquals(1, reflex.replicas("StatefulSet", "cpu-stream-web"));
    // Like the HPA, the decision distrusts CPU samples of a pod still in its cpu initialization period.
    Eventually.until(WAIT, "pod past its cpu initialization period", () -> reflex.pods("cpu-stream-web").stream()
        .allMatch(p -> p.getStatus().getStartTime() != null && Instant.parse(p.getStatus().getStartTime())
            .isBefore(Instant.now().minusSeconds(2))));

    reflex.remoteWrite(http, "cpu-stream-web", "cpu_usage_cores", 0.15);
    Eventually.until(WAIT, "scaled to 3", () -> reflex.replicas("StatefulSet", "cpu-stream-web") == 3);
  }

  /**
   * A KPA target that scaled up on a burst and then stops reporting: after {@code metrics.stale-after} its portrait
   * says the metric is stale and keeps its value, so the workload stays where the last samples put it.
   */
  @Test
  void aStreamedTargetThatFallsSilentHoldsItsScaleAndSaysWhy() throws Exception {
    reflex.apply(ControllersEndToEndTest.statefulSet("quiet-web", 1));
    reflex.apply(ControllersEndToEndTest.ihpa("quiet-ihpa", "quiet-web", "StatefulSet",
        ControllersEndToEndTest.kpaRpsProvider("targetUtilizationPercentage: 70, stableWindow: 6s, scaleDownDelay: 0s"),
        ""));
    Eventually.until(WAIT, "one ready pod", () -> reflex.readyPods("quiet-web") == 1);
    reflex.remoteWrite(http, "quiet-web", "rps", 100);
    Eventually.until(WAIT, "burst scaled up", () -> reflex.replicas("StatefulSet", "quiet-web") >= 3);
    int scaled = reflex.replicas("StatefulSet", "quiet-web");
    // From here on, any decision below the current scale is recorded: a changed ReplicaProfile or a /scale request.
    List<Object> scaleDowns = new CopyOnWriteArrayList<>();
    EventBus bus = reflex.runtime.vertx().eventBus();
    MessageConsumer<ScalingDecision> decisions = bus.localConsumer(Addresses.CONTROLLER_DECISION, m -> {
      if (m.body().target().name().startsWith("quiet-") && m.body().targetReplicas() < scaled) {
        scaleDowns.add(m.body());
      }
    });
    MessageConsumer<ScaleMessage.ScaleRequest> scales = bus.localConsumer(Addresses.ACTUATOR_SCALE, m -> {
      if (m.body().target().name().equals("quiet-web") && m.body().replicas() < scaled) {
        scaleDowns.add(m.body());
      }
    });
    try {
      Eventually.until(WAIT, "portrait says the metric is stale", () -> portraitStatus("quiet-ihpa-reactive")
          .contains("MetricsStale"));
      assertTrue(portraitStatus("quiet-ihpa-reactive").contains("keeping the last portrait"));
      // The stale portrait queued the IHPA before its own status write; idle controllers have acted on it.
      Eventually.until(WAIT, "controllers idle", () -> reflex.app.controllers().idle());
    } finally {
      decisions.unregister();
      scales.unregister();
    }
    assertEquals(List.of(), scaleDowns, "silence is not a reason to scale down");
    assertTrue(reflex.replicas("StatefulSet", "quiet-web") >= scaled);
  }

  private static String portraitStatus(String name) {
    GenericKubernetesResource hp = reflex.client.genericKubernetesResources("autoscaling.kapacitystack.io/v1alpha1",
        "HorizontalPortrait").inNamespace("default").withName(name).get();
    return hp == null ? "" : String.valueOf(hp.getAdditionalProperties().get("status"));
  }


}
