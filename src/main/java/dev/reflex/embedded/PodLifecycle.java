package dev.reflex.embedded;

import dev.reflex.webhook.ReadinessGateInjection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What kubelet would do next to a pod: Pending → Running (scheduled, containers started, not ready) → containers
 * ready once the start-up delay has passed. Ready is containers-ready AND every readiness-gate condition True, so a
 * pod cut off through {@code kapacitystack.io/online=False} leaves the Service endpoints. Pure: given the pod and
 * {@code now}, it returns the status to write (if any) and when to look again.
 */
final class PodLifecycle {

  /** The next status to write, or empty; and the delay after which the pod needs another look, or empty. */
  record Step(Optional<JsonObject> status, Optional<Duration> recheckIn) {
  }

  private PodLifecycle() {
  }

  static Step next(JsonObject pod, Instant now, Duration startupDelay, String podIp) {
    JsonObject status = pod.getJsonObject("status", new JsonObject());
    String phase = status.getString("phase", "Pending");
    String nowText = now.toString();
    if (pod.getJsonObject("metadata").containsKey("deletionTimestamp")) {
      return new Step(Optional.empty(), Optional.empty());
    }
    if ("Pending".equals(phase)) {
      JsonObject running = status.copy().put("phase", "Running").put("podIP", podIp)
          .put("podIPs", new JsonArray().add(new JsonObject().put("ip", podIp))).put("hostIP", "10.0.0.1")
          .put("startTime", nowText);
      JsonArray conditions = keepForeign(status.getJsonArray("conditions"));
      conditions.add(cond("PodScheduled", true, nowText)).add(cond("Initialized", true, nowText))
          .add(cond("ContainersReady", false, nowText)).add(cond("Ready", false, nowText));
      running.put("conditions", conditions);
      running.put("containerStatuses", containerStatuses(pod, false, nowText));
      JsonObject admitted = ReadinessGateInjection.onStatusUpdate(pod, running, nowText);
      return new Step(Optional.of(admitted), Optional.of(startupDelay));
    }
    if (!"Running".equals(phase)) {
      return new Step(Optional.empty(), Optional.empty());
    }
    boolean containersReady = conditionTrue(status, "ContainersReady");
    Instant started = Instant.parse(status.getString("startTime", nowText));
    Duration left = Duration.between(now, started.plus(startupDelay));
    if (!containersReady && !left.isNegative() && !left.isZero()) {
      return new Step(Optional.empty(), Optional.of(left));
    }
    boolean ready = gatesPass(pod, status);
    if (containersReady && conditionTrue(status, "Ready") == ready) {
      return new Step(Optional.empty(), Optional.empty());
    }
    JsonObject updated = status.copy();
    JsonArray conditions = keepForeign(status.getJsonArray("conditions"));
    conditions.add(cond("PodScheduled", true, nowText)).add(cond("Initialized", true, nowText))
        .add(keepTransition(status, cond("ContainersReady", true, nowText)))
        .add(keepTransition(status, cond("Ready", ready, nowText)));
    updated.put("conditions", conditions).put("containerStatuses", containerStatuses(pod, true,
        status.getString("startTime", nowText)));
    return new Step(Optional.of(ReadinessGateInjection.onStatusUpdate(pod, updated, nowText)), Optional.empty());
  }

  /**
   * The status once the pod's containers have exited with {@code exitCode} (an attached shell interrupted with
   * Ctrl+C exits 130): terminated containers, not ready, and phase Failed or Succeeded, since a simulated container
   * is never restarted once its command ended.
   */
  static JsonObject exited(JsonObject pod, Instant now, int exitCode) {
    JsonObject status = pod.getJsonObject("status", new JsonObject()).copy();
    String nowText = now.toString();
    JsonArray conditions = keepForeign(status.getJsonArray("conditions"));
    conditions.add(cond("PodScheduled", true, nowText)).add(cond("Initialized", true, nowText))
        .add(cond("ContainersReady", false, nowText)).add(cond("Ready", false, nowText));
    JsonObject terminated = new JsonObject().put("terminated", new JsonObject().put("exitCode", exitCode)
        .put("reason", exitCode == 0 ? "Completed" : "Error")
        .put("startedAt", status.getString("startTime", nowText)).put("finishedAt", nowText));
    return status.put("phase", exitCode == 0 ? "Succeeded" : "Failed").put("conditions", conditions)
        .put("containerStatuses", containerStatuses(pod, false, false, terminated));
  }

  static boolean ready(JsonObject pod) {
    return conditionTrue(pod.getJsonObject("status", new JsonObject()), "Ready");
  }

  /** All readiness gates of the pod have a True condition; a missing condition counts as False, as in kubelet. */
  private static boolean gatesPass(JsonObject pod, JsonObject status) {
    JsonArray gates = pod.getJsonObject("spec", new JsonObject()).getJsonArray("readinessGates", new JsonArray());
    for (Object g : gates) {
      String type = ((JsonObject) g).getString("conditionType");
      if (!conditionTrue(status, type)) {
        return false;
      }
    }
    return true;
  }

  private static boolean conditionTrue(JsonObject status, String type) {
    for (Object c : status.getJsonArray("conditions", new JsonArray())) {
      JsonObject cond = (JsonObject) c;
      if (type.equals(cond.getString("type"))) {
        return "True".equals(cond.getString("status"));
      }
    }
    return false;
  }

  /** Conditions owned by others (readiness gates) survive our rewrites of the list. */
  private static JsonArray keepForeign(JsonArray conditions) {
    JsonArray kept = new JsonArray();
    if (conditions != null) {
      for (Object c : conditions) {
        String type = ((JsonObject) c).getString("type", "");
        if (type.contains("/")) {
          kept.add(c);
        }
      }
    }
    return kept;
  }

  private static JsonObject keepTransition(JsonObject status, JsonObject condition) {
    for (Object c : status.getJsonArray("conditions", new JsonArray())) {
      JsonObject old = (JsonObject) c;
      if (old.getString("type").equals(condition.getString("type"))
          && old.getString("status").equals(condition.getString("status"))) {
        condition.put("lastTransitionTime", old.getString("lastTransitionTime"));
      }
    }
    return condition;
  }

  private static JsonObject cond(String type, boolean value, String now) {
    return new JsonObject().put("type", type).put("status", value ? "True" : "False")
        .put("lastTransitionTime", now);
  }

  private static JsonArray containerStatuses(JsonObject pod, boolean ready, String startedAt) {
    return containerStatuses(pod, ready, true, new JsonObject().put("running",
        new JsonObject().put("startedAt", startedAt)));
  }

  /** One status per container of the spec, all in {@code state}. */
  private static JsonArray containerStatuses(JsonObject pod, boolean ready, boolean started, JsonObject state) {
    JsonArray statuses = new JsonArray();
    for (Object c : pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers", new JsonArray())) {
      JsonObject container = (JsonObject) c;
      statuses.add(new JsonObject().put("name", container.getString("name")).put("ready", ready)
          .put("started", started).put("restartCount", 0).put("image", container.getString("image", ""))
          .put("imageID", "").put("state", state.copy()));
    }
    return statuses;
  }
}
