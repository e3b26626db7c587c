package dev.reflex.bus;

import java.util.List;

/** Every event-bus address Reflex uses. No other class holds an address literal. */
public final class Addresses {

  /** {@link KubeEvent}s for scale targets: Deployments, StatefulSets and ReplicaSets. */
  public static final String KUBE_WORKLOAD = "reflex.kube.workload";

  /** {@link KubeEvent}s for pods. */
  public static final String KUBE_POD = "reflex.kube.pod";

  /** {@link ScaleMessage.ScaleRequest}s: ask the actuator to set a workload's replicas through {@code /scale}. */
  public static final String ACTUATOR_SCALE = "reflex.actuator.scale";

  /** {@link ScaleMessage.ScaleApplied} and {@link ScaleMessage.ScaleFailed}: what the actuator did. */
  public static final String ACTUATOR_SCALE_RESULT = "reflex.actuator.scale.result";

  /** {@link SimulatorEvent}s: what the embedded cluster's workload simulator did. */
  public static final String EMBEDDED_SIMULATOR = "reflex.embedded.simulator";

  /**
   * {@link SampleMessage.Batch}es: metric samples accepted by an ingest path (remote-write, Kafka), already routed to
   * their workload.
   */
  public static final String METRICS_SAMPLE = "reflex.metrics.sample";

  /**
   * {@link MetricsPortrait}s: replica recommendations computed from streamed metrics for a workload (the fast path
   * of burst scaling); {@code stale=true} ones carry no recommendation and must never cause a scale-down.
   */
  public static final String METRICS_PORTRAIT = "reflex.metrics.portrait";

  /**
   * {@link PodMetricSnapshot}s: the latest streamed per-pod values of a metric a KubeHPA portrait reads, published
   * at once when they would make the HPA scale up and otherwise at most once per decision interval.
   */
  public static final String METRICS_POD_VALUES = "reflex.metrics.pod-values";

  /** {@link KubeEvent}s for IntelligentHorizontalPodAutoscalers, HorizontalPortraits and ReplicaProfiles. */
  public static final String KUBE_AUTOSCALING = "reflex.kube.autoscaling";

  /** {@link ScalingDecision}s: what the IHPA controller decided and wrote to a ReplicaProfile, and why. */
  public static final String CONTROLLER_DECISION = "reflex.controller.decision";

  /** All addresses, for listings such as {@code GET /taps}. */
  public static final List<String> ALL = List.of(KUBE_WORKLOAD, KUBE_POD, KUBE_AUTOSCALING, ACTUATOR_SCALE,
      ACTUATOR_SCALE_RESULT, CONTROLLER_DECISION, EMBEDDED_SIMULATOR, METRICS_SAMPLE, METRICS_PORTRAIT,
      METRICS_POD_VALUES);

  private Addresses() {
  }
}
