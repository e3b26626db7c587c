package dev.reflex.controller;

import dev.reflex.api.v1alpha1.CrossVersionObjectReference;
import dev.reflex.api.v1alpha1.ReplicaProfileSpec;
import dev.reflex.bus.ScaleMessage;
import dev.reflex.bus.ScaleMessage.ScaleFailed;
import dev.reflex.bus.ScaleMessage.ScaleRequest;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.WorkloadKind;
import dev.reflex.core.pods.AllowedDirection;
import dev.reflex.core.pods.PodInfo;
import dev.reflex.core.pods.PodKeys;
import dev.reflex.core.pods.ProfileEnforcement;
import dev.reflex.core.pods.StateTransitions;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.PodInfos;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.kube.WorkloadPaths;
import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.LabelSelectorException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One reconcile of a ReplicaProfile, as named steps around the pure {@link ProfileEnforcement} plan: read the
 * workload's scale and running pods, plan, then carry the plan out: move pods between Online, Cutoff and Standby
 * (readiness-gate condition and state label), mark the pods the workload must delete, set the workload's replicas
 * through the scale actuator, and write the status with its Ensured and Applied conditions.
 */
final class RpReconciler {

  static final String COMPONENT = "replica_profile_controller";
  /** Cost given to pods chosen for deletion: below any cost users set in practice, so the ReplicaSet takes them. */
  static final String VICTIM_COST = "-2147483000";

  private final ResourceCache cache;
  private final KubeRest rest;
  private final StatusWriter statuses;
  private final EventRecorder events;
  private final Clock clock;
  private final Function<ScaleRequest, Future<ScaleMessage>> scaler;
  private final KubernetesSerialization serialization;

  /**
   * @param serialization reads the cached spec into the typed model
   * @param scaler sets a workload's replicas and answers with the outcome (the scale actuator, over the bus)
   */
  RpReconciler(ResourceCache cache, KubeRest rest, EventRecorder events, Clock clock,
      KubernetesSerialization serialization, Function<ScaleRequest, Future<ScaleMessage>> scaler) {
    this.serialization = serialization;
    this.scaler = scaler;
    this.cache = cache;
    this.rest = rest;
    this.statuses = new StatusWriter(rest, Kind.RP);
    this.events = events;
    this.clock = clock;
  }

  /** The selector of the workload, remembered per profile so that pod events can be routed to it. */
  record Observed(String selector) {
  }

  Future<Observed> reconcile(TargetKey key) {
    JsonObject rp = cache.get(Kind.RP, key);
    if (rp == null) {
      return Future.succeededFuture(new Observed(""));
    }
    Instant now = clock.instant();
    JsonObject oldStatus = rp.getJsonObject("status", new JsonObject());
    long generation = rp.getJsonObject("metadata").getLong("generation", 1L);
    ReplicaProfileSpec spec;
    try {
      // Straight from the cached tree, no text in between: this runs on every pass of every profile.
      spec = TypedSpecs.read(serialization, rp.getJsonObject("spec", new JsonObject()), ReplicaProfileSpec.class);
    } catch (RuntimeException e) {
      return fail(rp, oldStatus, generation, now, "Applied", "InvalidSpec", "invalid spec: "
          + RootCause.firstLine(e));
    }
    if (spec == null || spec.scaleTargetRef() == null) {
      return fail(rp, oldStatus, generation, now, "Applied", "InvalidSpec", "invalid spec: spec.scaleTargetRef is"
          + " required");
    }
    if (Boolean.TRUE.equals(spec.paused())) {
      JsonArray c = Conditions.set(oldStatus.getJsonArray("conditions"), "Applied", false, "ReplicaProfilePaused",
          "the replica profile is paused", generation, now);
      c = Conditions.set(c, "Ensured", false, "ReplicaProfilePaused", "the replica profile is paused", generation,
          now);
      return statuses.write(rp, oldStatus, oldStatus.copy().put("conditions", c)).map(new Observed(""));
    }
    CrossVersionObjectReference target = spec.scaleTargetRef();
    String workloadPath = workloadPath(key.namespace(), target);
    if (workloadPath == null) {
      return fail(rp, oldStatus, generation, now, "Ensured", "FailedGetScale", "failed to get scale of "
          + target.kind() + "/" + target.name() + ": not a scalable workload kind");
    }
    // Read once: the scale comes from it when cached, and so does whether a rollout is in progress.
    Kind workloadKind = Kind.byKind(String.valueOf(target.kind())).orElse(null);
    JsonObject workload = workloadKind == null ? null : cache.get(workloadKind, key.namespace(), target.name());
    return scaleOf(workload, workloadPath)
        .recover(e -> fail(rp, oldStatus, generation, now, "Ensured", "FailedGetScale",
            "failed to get scale: " + e.getMessage()).map(o -> null))
        .compose(scale -> scale == null ? Future.succeededFuture(new Observed(""))
            : withScale(key, rp, spec, oldStatus, generation, target, rolloutInProgress(workload), scale, now));
  }

  private Future<Observed> withScale(TargetKey key, JsonObject rp, ReplicaProfileSpec spec, JsonObject oldStatus,
      long generation, CrossVersionObjectReference target, boolean rolloutInProgress, JsonObject scale,
      Instant now) {
    String selector = scale.getJsonObject("status", new JsonObject()).getString("selector", "");
    if (selector.isBlank()) {
      return fail(rp, oldStatus, generation, now, "Ensured", "InvalidSelector",
          "the scale subresource of the target has no selector").map(new Observed(""));
    }
    LabelSelector matches;
    try {
      matches = LabelSelector.parse(selector);
    } catch (LabelSelectorException e) {
      return fail(rp, oldStatus, generation, now, "Ensured", "InvalidSelector",
          "the scale subresource of the target has a selector that does not parse: " + e.reason())
          .map(new Observed(""));
    }
    int scaleReplicas = scale.getJsonObject("spec", new JsonObject()).getInteger("replicas", 0);
    List<PodInfo> running = new ArrayList<>();
    for (JsonObject pod : cache.listShared(Kind.POD, key.namespace())) {
      if (matches.matches(labels(pod)) && running(pod)) {
        running.add(PodInfos.fromJson(pod));
      }
    }
    WorkloadKind kind = WorkloadKind.fromTarget(Objects.toString(target.apiVersion(), "apps/v1"), target.kind());
    ProfileEnforcement.Plan plan = ProfileEnforcement.plan(ApiMapping.profile(spec),
        AllowedDirection.fromApi(spec.allowedScalingDirection() == null ? null
            : spec.allowedScalingDirection().name()), kind, running, scaleReplicas, rolloutInProgress, now);
    boolean ensured = plan instanceof ProfileEnforcement.Ensured;
    JsonObject status = oldStatus.copy().put("onlineReplicas", plan.observed().online())
        .put("cutoffReplicas", plan.observed().cutoff()).put("standbyReplicas", plan.observed().standby());
    JsonArray conditions = Conditions.set(oldStatus.getJsonArray("conditions"), "Ensured", ensured,
        ensured ? "ReplicaProfileEnsured" : "ReplicaNumberNotSatisfied",
        ensured ? "current replica profile is ensured"
            : "the number of replicas of some states do not meet the expectation", generation, now);
    Observed observed = new Observed(selector);
    if (!(plan instanceof ProfileEnforcement.Enforce enforce)) {
      return statuses.write(rp, oldStatus, status.put("conditions", conditions)).map(observed);
    }
    Future<Void> stateChange = enforce.transitions()
        .map(transitions -> applyTransitions(rp, key.namespace(), kind, transitions, now))
        .orElse(Future.succeededFuture());
    boolean skipped = enforce.stateChangeSkipped();
    JsonArray applied = Conditions.set(conditions, "Applied", !skipped,
        skipped ? "StateChangeSkipped" : "ReplicaProfileApplied",
        skipped ? "state change skipped as the number of current running pods observed mismatch the desired"
            + " replicas of the target workload"
            : "all the operations for ensuring the replica profile are applied", generation, now);
    return stateChange
        .compose(v -> enforce.rescaleTo().map(replicas -> rescale(key, rp, oldStatus, generation, now, kind, target,
            scaleReplicas, replicas)).orElse(Future.succeededFuture()))
        .compose(v -> statuses.write(rp, oldStatus, status.put("conditions", applied)))
        .map(observed);
  }

  /** Asks the actuator (Reflex's one writer of {@code /scale}: retries, coalescing, latency, drain) and waits. */
  private Future<Void> rescale(TargetKey key, JsonObject rp, JsonObject oldStatus, long generation, Instant now,
      WorkloadKind kind, CrossVersionObjectReference target, int from, int to) {
    ScaleRequest request = new ScaleRequest(kind.kind(), new TargetKey(key.namespace(), target.name()), to,
        "ReplicaProfile " + key);
    return scaler.apply(request)
        .compose(outcome -> outcome instanceof ScaleFailed failed
            ? Future.<Void>failedFuture(new IllegalStateException(failed.error())) : Future.<Void>succeededFuture())
        .recover(e -> fail(rp, oldStatus, generation, now, "Applied", "FailedUpdateScale",
            "failed to update scale: " + e.getMessage()).compose(x -> Future.failedFuture(e)))
        .compose(x -> events.normal(rp, COMPONENT, "UpdateScale", String.format(
            "rescale target workload from %d to %d replicas", from, to)));
  }

  private Future<Void> applyTransitions(JsonObject rp, String namespace, WorkloadKind kind,
      StateTransitions transitions, Instant now) {
    List<Future<?>> writes = new ArrayList<>();
    if (!transitions.toOnline().isEmpty()) {
      writes.add(events.normal(rp, COMPONENT, "OnlinePods", "online pods: " + transitions.toOnline()));
      transitions.toOnline().forEach(p -> writes.add(setState(namespace, p, null, true, now)));
    }
    if (!transitions.toCutoff().isEmpty()) {
      writes.add(events.normal(rp, COMPONENT, "CutoffPods", "cutoff pods: " + transitions.toCutoff()));
      transitions.toCutoff().forEach(p -> writes.add(setState(namespace, p, "Cutoff", false, now)));
    }
    if (!transitions.toStandby().isEmpty()) {
      writes.add(events.normal(rp, COMPONENT, "StandbyPods", "standby pods: " + transitions.toStandby()));
      transitions.toStandby().forEach(p -> writes.add(setState(namespace, p, "Standby", null, now)));
    }
    if (!transitions.toDeleted().isEmpty() && kind != WorkloadKind.STATEFUL_SET) {
      // The ReplicaSet controller removes the lowest deletion cost first: mark exactly the pods we chose.
      writes.add(events.normal(rp, COMPONENT, "SelectPodsToDelete", "select pods to delete: "
          + transitions.toDeleted()));
      transitions.toDeleted().forEach(p -> writes.add(rest.mergePatch("/api/v1/namespaces/" + namespace
          + "/pods/" + p, new JsonObject().put("metadata", new JsonObject().put("annotations",
              new JsonObject().put(PodKeys.DELETION_COST_ANNOTATION, VICTIM_COST))))));
    }
    return Future.all(writes).mapEmpty();
  }

  /**
   * Labels a pod with its state ({@code null} = Online, label removed) and, unless {@code online} is null,
   * sets its readiness-gate condition with a strategic merge patch keyed by condition type, as kubelet does.
   */
  private Future<Void> setState(String namespace, String pod, String state, Boolean online, Instant now) {
    String path = "/api/v1/namespaces/" + namespace + "/pods/" + pod;
    Future<JsonObject> label = rest.mergePatch(path, new JsonObject().put("metadata", new JsonObject()
        .put("labels", new JsonObject().put(PodKeys.STATE_LABEL, state))));
    if (online == null) {
      return label.mapEmpty();
    }
    JsonObject condition = new JsonObject().put("type", PodKeys.ONLINE_CONDITION)
        .put("status", online ? "True" : "False").put("lastTransitionTime", now.toString());
    JsonObject patch = new JsonObject().put("status", new JsonObject().put("conditions",
        new JsonArray().add(condition)));
    return label.compose(v -> rest.send("PATCH", path + "/status", "application/strategic-merge-patch+json",
        patch.encode())).mapEmpty();
  }

  /**
   * The workload's Scale. Built from the informer cache when it holds the workload (its {@code spec.replicas} and
   * selector are what {@code /scale} would answer), so realising a profile costs no extra round trip; read from
   * {@code /scale} otherwise.
   */
  private Future<JsonObject> scaleOf(JsonObject workload, String workloadPath) {
    if (workload == null) {
      return rest.get(workloadPath + "/scale");
    }
    JsonObject spec = workload.getJsonObject("spec", new JsonObject());
    String selector;
    try {
      selector = LabelSelector.fromLabelSelectorJson(spec.getJsonObject("selector"), "spec.selector").render();
    } catch (LabelSelectorException e) {
      return Future.failedFuture(e);
    }
    return Future.succeededFuture(new JsonObject()
        .put("spec", new JsonObject().put("replicas", spec.getInteger("replicas", 1)))
        .put("status", new JsonObject().put("selector", selector)));
  }

  /** Whether the cached workload (null: not cached) is rolling out a new template. */
  private static boolean rolloutInProgress(JsonObject workload) {
    if (workload == null) {
      return false;
    }
    JsonObject status = workload.getJsonObject("status", new JsonObject());
    long generation = workload.getJsonObject("metadata").getLong("generation", 1L);
    if (status.getLong("observedGeneration", generation) < generation) {
      return true;
    }
    Integer updated = status.getInteger("updatedReplicas");
    return updated != null && updated < status.getInteger("replicas", 0);
  }

  private Future<Observed> fail(JsonObject rp, JsonObject oldStatus, long generation, Instant now, String type,
      String reason, String message) {
    JsonObject status = oldStatus.copy().put("conditions", Conditions.set(oldStatus.getJsonArray("conditions"),
        type, false, reason, message, generation, now));
    return events.warning(rp, COMPONENT, reason, message).compose(v -> statuses.write(rp, oldStatus, status))
        .map(new Observed(""));
  }

  /** The path of an apps/v1 scale target, or null for any other kind. */
  static String workloadPath(String namespace, CrossVersionObjectReference target) {
    if (!"apps/v1".equals(Objects.toString(target.apiVersion(), "apps/v1"))) {
      return null;
    }
    return WorkloadKind.byKind(target.kind()).map(k -> WorkloadPaths.path(k, namespace, target.name())).orElse(null);
  }

  static Map<String, String> labels(JsonObject obj) {
    Map<String, String> labels = new java.util.HashMap<>();
    obj.getJsonObject("metadata").getJsonObject("labels", new JsonObject())
        .forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    return labels;
  }

  private static boolean running(JsonObject pod) {
    return "Running".equals(pod.getJsonObject("status", new JsonObject()).getString("phase"))
        && !pod.getJsonObject("metadata").containsKey("deletionTimestamp");
  }
}
