package dev.reflex.controller;

import dev.reflex.api.v1alpha1.CrossVersionObjectReference;
import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.api.v1alpha1.KubeHPAPortraitAlgorithm;
import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.GoDuration;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.RawCalculation;
import dev.reflex.core.hpa.Scale;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.hpa.HpaMetricInputs;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.objects.HpaObjects;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Reactive} with {@code KubeHPA}: the HPA replica calculation (tolerance, unready and missing pods, CPU
 * initialization) over the workload's pods and their metric values, every {@code syncPeriod} and at once when a
 * streamed sample would scale up, as a Static portrait. Like Kapacity's generator it applies no behavior and no
 * min/max: the IHPA plans and clamps.
 */
final class KubeHpaPortraitGenerator implements PortraitGenerator {

  private static final Duration DEFAULT_SYNC = Duration.ofSeconds(15);

  private final ResourceCache cache;
  private final KubeRest rest;
  private final KubeHpaStreaming streaming;
  private final HpaMetricReader metricReader;
  private final PodRequests podRequests;

  /**
   * @param streaming streamed values and trigger of KubeHPA portraits
   * @param metricReader reads the metrics of the decisions (Prometheus, metrics.k8s.io)
   */
  KubeHpaPortraitGenerator(ResourceCache cache, KubeRest rest, KubeHpaStreaming streaming,
      HpaMetricReader metricReader, PodRequests podRequests) {
    this.cache = cache;
    this.rest = rest;
    this.streaming = streaming;
    this.metricReader = metricReader;
    this.podRequests = podRequests;
  }

  @Override
  public Future<PortraitOutcome> generate(TargetKey key, JsonObject portrait, HorizontalPortraitSpec typed,
      Instant now) {
    JsonObject spec = portrait.getJsonObject("spec", new JsonObject());
    KubeHPAPortraitAlgorithm params = typed.algorithm().kubeHPA() == null
        ? new KubeHPAPortraitAlgorithm(null, null, null, null) : typed.algorithm().kubeHPA();
    Duration sync = duration(params.syncPeriod(), DEFAULT_SYNC);
    Optional<Instant> next = Optional.of(now.plus(sync));
    CrossVersionObjectReference target = typed.scaleTargetRef();
    String workloadPath = RpReconciler.workloadPath(key.namespace(), target);
    if (workloadPath == null) {
      return Future.succeededFuture(PortraitOutcome.generateFailed("unsupported scale target "
          + target.kind(), next));
    }
    TargetKey workload = new TargetKey(key.namespace(), target.name());
    double tolerance;
    try {
      tolerance = Double.parseDouble(params.tolerance() == null ? "0.1" : params.tolerance());
    } catch (NumberFormatException e) {
      return Future.succeededFuture(PortraitOutcome.generateFailed("algorithm.kubeHPA.tolerance: not a number: "
          + params.tolerance(), next));
    }
    JsonArray metrics = spec.getJsonArray("metrics", new JsonArray());
    return rest.get(workloadPath + "/scale").compose(scale -> {
      String selector = scale.getJsonObject("status", new JsonObject()).getString("selector", "");
      List<JsonObject> pods = selectedPods(key.namespace(), selector);
      List<String> podNames = pods.stream().map(p -> p.getJsonObject("metadata").getString("name")).toList();
      return streaming.watch(key, workload, metrics, tolerance,
            resource -> podRequests.of(key.namespace(), target, pods, resource))
          .compose(v -> metricReader.read(key.namespace(), metrics, selector, podNames,
              streaming.values(workload), now))
          .map(inputs -> outcome(KubeHpa.decide(hpaInput(key, spec, params, tolerance, scale, pods, inputs),
              HpaState.FIRST_SIGHT, now), notes(inputs, workload), next));
    }).recover(e -> Future.succeededFuture(PortraitOutcome.generateFailed(e.getMessage(), next)))
        .onSuccess(outcome -> {
          if (outcome instanceof PortraitOutcome.Failed) {
            // The next streamed batch that would scale up triggers a decision again.
            streaming.rearm(workload);
          }
        });
  }

  /** Why Resource usage could not be read, and whether the streamed values went stale (for a failure's message). */
  private List<String> notes(HpaMetricInputs inputs, TargetKey workload) {
    List<String> notes = new ArrayList<>(inputs.resourceErrors());
    streaming.staleNote(workload).ifPresent(notes::add);
    return notes;
  }

  /**
   * The portrait an HPA decision makes. The HPA reports an error when no metric could be computed or when failed
   * metrics block a scale-down, and then keeps the current scale; a portrait says the same by failing and keeping
   * its last value.
   */
  static PortraitOutcome outcome(HpaDecision decision, List<String> notes, Optional<Instant> next) {
    if (decision.error() != null) {
      String why = notes.isEmpty() ? decision.error() : decision.error() + " (" + String.join("; ", notes) + ")";
      return PortraitOutcome.generateFailed(why, next);
    }
    return PortraitOutcome.staticReplicas(decision.desiredReplicas(), next);
  }

  /**
   * The pods of the namespace that the scale's selector picks.
   *
   * @throws IllegalArgumentException when the selector does not parse (the portrait then fails, saying why)
   */
  private List<JsonObject> selectedPods(String namespace, String selector) {
    LabelSelector matches = LabelSelector.parse(selector, "scale.status.selector");
    return cache.list(Kind.POD, namespace).stream().filter(p -> matches.matches(RpReconciler.labels(p))).toList();
  }

  /**
   * The raw replica calculation of the portrait's metrics as the HPA core's input: no stabilization and no rate
   * limit (the IHPA plans those), bounds wide open (the IHPA clamps).
   *
   * @throws dev.reflex.objects.InvalidFieldException naming the first field of the portrait or a pod it cannot read
   */
  private static HpaInput hpaInput(TargetKey key, JsonObject spec, KubeHPAPortraitAlgorithm params, double tolerance,
      JsonObject scale, List<JsonObject> selectedPods, HpaMetricInputs inputs) {
    HpaSpec hpa = RawCalculation.spec(key.name(), key.namespace(),
        HpaObjects.metrics(spec.getJsonArray("metrics", new JsonArray()), "spec.metrics"));
    List<PodInfo> pods = new ArrayList<>();
    for (JsonObject pod : selectedPods) {
      pods.add(HpaObjects.pod(pod, "pods[" + pod.getJsonObject("metadata").getString("name") + "]"));
    }
    int specReplicas = scale.getJsonObject("spec", new JsonObject()).getInteger("replicas", 0);
    JsonObject status = scale.getJsonObject("status", new JsonObject());
    Scale current = new Scale(specReplicas, status.getInteger("replicas", specReplicas),
        status.getString("selector"));
    HpaConfig config = RawCalculation.config(tolerance,
        duration(params.cpuInitializationPeriod(), Duration.ofMinutes(5)),
        duration(params.initialReadinessDelay(), Duration.ofSeconds(30)));
    return new HpaInput(hpa, current, pods, inputs.podMetrics(), inputs.metricValues(), null, config);
  }

  /** A Go duration of the algorithm's settings, or the upstream default where it is absent (validated before). */
  private static Duration duration(String text, Duration fallback) {
    return text == null ? fallback : GoDuration.tryParse(text).orElse(fallback);
  }

  /** The latest streamed values of a KubeHPA portrait's workload; the portraits to decide now, if any. */
  List<TargetKey> podValues(PodMetricSnapshot snapshot) {
    return streaming.received(snapshot);
  }

  @Override
  public Future<Void> forget(TargetKey key, boolean deleted) {
    streaming.forget(key);
    return Future.succeededFuture();
  }
}
