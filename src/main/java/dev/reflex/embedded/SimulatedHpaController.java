package dev.reflex.embedded;

import dev.reflex.core.WorkloadKind;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaEvent;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.Scale;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.WorkloadPaths;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.metrics.hpa.StreamedPodValues;
import dev.reflex.objects.HpaObjects;
import dev.reflex.objects.HpaStatusJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * kube-controller-manager's HorizontalPodAutoscaler controller, for the embedded cluster only (a real cluster runs
 * its own). Each HPA is decided by Reflex's KubeHPA core once per sync period and when its spec changes: the
 * target's scale and pods, their metrics read the way upstream reads them, through the API server
 * (metrics.k8s.io), with tolerance, stabilization and CPU initialization from the settings named after
 * kube-controller-manager's flags (upstream's defaults unless changed). It then writes
 * {@code /scale}, the HPA's status ({@code currentReplicas}, {@code desiredReplicas}, {@code currentMetrics},
 * conditions, {@code lastScaleTime}) and its events, worded as upstream words them, so {@code kubectl get hpa}
 * shows TARGETS and {@code kubectl describe hpa} reads as on a cluster.
 */
final class SimulatedHpaController {

  static final String KIND = "HorizontalPodAutoscaler";
  private static final JsonArray DEFAULT_METRICS = new JsonArray().add(new JsonObject().put("type", "Resource")
      .put("resource", new JsonObject().put("name", "cpu").put("target", new JsonObject()
          .put("type", "Utilization").put("averageUtilization", 80))));

  private final ClusterView view;
  private final KubeRest rest;
  private final HpaMetricReader metrics;
  private final HpaConfig config;
  private final Duration syncPeriod;
  private final BiConsumer<WorkloadSimulator.Key, Duration> recheck;
  /** Per HPA: the recommendations and scale events its behavior remembers, as upstream keeps them in memory. */
  private final Map<WorkloadSimulator.Key, HpaState> states = new HashMap<>();
  /** Per HPA: when it was last decided and on which generation, so its own status echo does not decide again. */
  private final Map<WorkloadSimulator.Key, Decided> decided = new HashMap<>();
  private final Set<WorkloadSimulator.Key> syncArmed = new HashSet<>();
  private final Map<WorkloadSimulator.Key, String> lastWarning = new HashMap<>();

  private record Decided(long generation, Instant at) {
  }

  /**
   * @param syncPeriod {@code embedded.horizontal-pod-autoscaler-sync-period}
   * @param config tolerance, stabilization and CPU initialization from the {@code embedded.horizontal-pod-autoscaler-*}
   *     settings
   */
  SimulatedHpaController(ClusterView view, KubeRest rest, HpaMetricReader metrics, Duration syncPeriod,
      HpaConfig config, BiConsumer<WorkloadSimulator.Key, Duration> recheck) {
    this.syncPeriod = syncPeriod;
    this.view = view;
    this.rest = rest;
    this.metrics = metrics;
    this.config = config;
    this.recheck = recheck;
  }

  /** Called when the periodic sync of {@code key} fires. */
  void syncDue(WorkloadSimulator.Key key) {
    syncArmed.remove(key);
    decided.remove(key);
  }

  Future<?> reconcile(WorkloadSimulator.Key key, Instant now) {
    JsonObject hpa = view.get(KIND, key.namespace(), key.name());
    if (hpa == null) {
      states.remove(key);
      decided.remove(key);
      lastWarning.remove(key);
      return Future.succeededFuture();
    }
    long generation = hpa.getJsonObject("metadata").getLong("generation", 0L);
    Decided last = decided.get(key);
    if (last != null && last.generation() == generation && now.isBefore(last.at().plus(syncPeriod))) {
      return Future.succeededFuture();
    }
    decided.put(key, new Decided(generation, now));
    if (syncArmed.add(key)) {
      recheck.accept(key, syncPeriod);
    }
    JsonObject spec = hpa.getJsonObject("spec", new JsonObject());
    JsonObject target = spec.getJsonObject("scaleTargetRef", new JsonObject());
    Optional<WorkloadKind> kind = WorkloadKind.byKind(target.getString("kind", ""));
    if (kind.isEmpty() || !target.getString("apiVersion", "apps/v1").startsWith("apps/")) {
      return failed(key, hpa, "FailedGetScale", "the HPA controller was unable to get the target's current scale: "
          + "no scale subresource for " + target.getString("apiVersion") + "/" + target.getString("kind"), now);
    }
    String path = WorkloadPaths.path(kind.get(), key.namespace(), target.getString("name", ""));
    return rest.get(path + "/scale")
        .recover(e -> failed(key, hpa, "FailedGetScale", "the HPA controller was unable to get the target's "
            + "current scale: " + e.getMessage(), now).map(v -> null))
        .compose(scale -> scale == null ? Future.succeededFuture() : decide(key, hpa, spec, path, scale, now));
  }

  private Future<?> decide(WorkloadSimulator.Key key, JsonObject hpa, JsonObject spec, String path,
      JsonObject scale, Instant now) {
    String selector = scale.getJsonObject("status", new JsonObject()).getString("selector", "");
    List<JsonObject> pods = selector.isEmpty() ? List.of() : selected(key.namespace(), selector);
    JsonArray metricSpecs = spec.getJsonArray("metrics") == null || spec.getJsonArray("metrics").isEmpty()
        ? DEFAULT_METRICS : spec.getJsonArray("metrics");
    List<String> podNames = pods.stream().map(p -> p.getJsonObject("metadata").getString("name")).toList();
    return metrics.read(key.namespace(), metricSpecs, selector, podNames, StreamedPodValues.NONE, now)
        .<Void>compose(inputs -> {
          HpaDecision decision;
          try {
            List<PodInfo> podInfos = new ArrayList<>();
            for (JsonObject pod : pods) {
              podInfos.add(HpaObjects.pod(pod, "pods[" + pod.getJsonObject("metadata").getString("name") + "]"));
            }
            int specReplicas = scale.getJsonObject("spec", new JsonObject()).getInteger("replicas", 0);
            Scale current = new Scale(specReplicas, scale.getJsonObject("status", new JsonObject())
                .getInteger("replicas", specReplicas), selector);
            decision = KubeHpa.decide(new HpaInput(HpaObjects.spec(hpa), current, podInfos, inputs.podMetrics(),
                inputs.metricValues(), null, config), states.getOrDefault(key, HpaState.FIRST_SIGHT), now);
          } catch (IllegalArgumentException e) {
            return failed(key, hpa, "FailedComputeMetricsReplicas", "invalid metrics: " + e.getMessage(), now)
                .mapEmpty();
          }
          states.put(key, decision.nextState());
          Future<?> scaled = decision.scaleUpdated()
              ? rest.mergePatch(path + "/scale", new JsonObject().put("spec", new JsonObject()
                  .put("replicas", decision.desiredReplicas())))
              : Future.succeededFuture();
          return scaled.compose(v -> recordEvents(key, hpa, decision, now))
              .compose(v -> writeStatus(hpa, status(hpa, decision, metricSpecs, now))).mapEmpty();
        });
  }

  private List<JsonObject> selected(String namespace, String selector) {
    LabelSelector matches = LabelSelector.parse(selector, "scale.status.selector");
    return view.list("Pod", namespace).stream()
        .filter(p -> matches.matches(HpaObjects.labels(p, "pods[" + p.getJsonObject("metadata").getString("name")
            + "]"))).toList();
  }

  /** The status the decision makes; a condition keeps its transition time while its status stays. */
  private static JsonObject status(JsonObject hpa, HpaDecision decision, JsonArray metricSpecs, Instant now) {
    JsonObject old = hpa.getJsonObject("status", new JsonObject());
    JsonObject status = new JsonObject()
        .put("observedGeneration", hpa.getJsonObject("metadata").getLong("generation", 0L))
        .put("currentReplicas", decision.currentReplicas())
        .put("desiredReplicas", decision.desiredReplicas())
        .put("currentMetrics", HpaStatusJson.currentMetrics(decision, metricSpecs))
        .put("conditions", withTransitionTimes(HpaStatusJson.conditions(decision), old.getJsonArray("conditions"),
            now));
    String lastScale = decision.scaleUpdated() ? time(now) : old.getString("lastScaleTime");
    if (lastScale != null) {
      status.put("lastScaleTime", lastScale);
    }
    return status;
  }

  private static JsonArray withTransitionTimes(JsonArray conditions, JsonArray before, Instant now) {
    Map<String, JsonObject> previous = new HashMap<>();
    if (before != null) {
      before.forEach(c -> previous.put(((JsonObject) c).getString("type"), (JsonObject) c));
    }
    JsonArray out = new JsonArray();
    for (Object c : conditions) {
      JsonObject condition = ((JsonObject) c).copy();
      JsonObject was = previous.get(condition.getString("type"));
      condition.put("lastTransitionTime", was != null && condition.getString("status").equals(was.getString("status"))
          && was.getString("lastTransitionTime") != null ? was.getString("lastTransitionTime") : time(now));
      out.add(condition);
    }
    return out;
  }

  /** A pass that could not decide: AbleToScale or ScalingActive False, a Warning event, the scale left alone. */
  private Future<?> failed(WorkloadSimulator.Key key, JsonObject hpa, String reason, String message, Instant now) {
    JsonObject old = hpa.getJsonObject("status", new JsonObject());
    String type = "FailedGetScale".equals(reason) ? "AbleToScale" : "ScalingActive";
    JsonArray conditions = withTransitionTimes(new JsonArray().add(new JsonObject().put("type", type)
        .put("status", "False").put("reason", reason).put("message", message)), old.getJsonArray("conditions"), now);
    JsonObject status = old.copy().put("conditions", conditions)
        .put("observedGeneration", hpa.getJsonObject("metadata").getLong("generation", 0L));
    if (!status.containsKey("currentReplicas")) {
      status.put("currentReplicas", 0).put("desiredReplicas", 0);
    }
    return warning(key, hpa, reason, message, now).compose(v -> writeStatus(hpa, status));
  }

  private Future<Void> recordEvents(WorkloadSimulator.Key key, JsonObject hpa, HpaDecision decision, Instant now) {
    List<Future<?>> writes = new ArrayList<>();
    for (HpaEvent event : decision.events()) {
      writes.add(event.warning() ? warning(key, hpa, event.reason().apiName(), event.message(), now)
          : record(hpa, false, event.reason().apiName(), event.message(), now));
    }
    if (decision.events().stream().noneMatch(HpaEvent::warning)) {
      lastWarning.remove(key);
    }
    return Future.all(writes).mapEmpty();
  }

  /** A Warning once per distinct problem, not on every sync while it lasts. */
  private Future<?> warning(WorkloadSimulator.Key key, JsonObject hpa, String reason, String message, Instant now) {
    if (message.equals(lastWarning.put(key, message))) {
      return Future.succeededFuture();
    }
    return record(hpa, true, reason, message, now);
  }

  private Future<?> record(JsonObject hpa, boolean warning, String reason, String message, Instant now) {
    String namespace = hpa.getJsonObject("metadata").getString("namespace");
    return rest.create("/api/v1/namespaces/" + namespace + "/events",
        ControllerEvents.hpa(hpa, warning, reason, message, now)).recover(e -> Future.succeededFuture());
  }

  private Future<?> writeStatus(JsonObject hpa, JsonObject status) {
    if (status.equals(hpa.getJsonObject("status"))) {
      return Future.succeededFuture();
    }
    JsonObject meta = hpa.getJsonObject("metadata");
    return rest.mergePatch("/apis/autoscaling/v2/namespaces/" + meta.getString("namespace")
        + "/horizontalpodautoscalers/" + meta.getString("name") + "/status", new JsonObject().put("status", status));
  }

  private static String time(Instant now) {
    return now.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
