package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one pod row, as {@code kubectl get pods} shows them: READY counts ready containers (restartable
 * init containers, i.e. sidecars, included), STATUS is the most telling reason (an init step, a container's
 * waiting or terminated reason, {@code Terminating}, else the phase), RESTARTS adds when the last restart was.
 */
final class PodCells {

  private PodCells() {
  }

  static TableRow row(JsonObject pod, Instant now) {
    JsonObject spec = Fields.object(pod, "spec");
    JsonObject status = Fields.object(pod, "status");
    List<JsonObject> conditions = Fields.objects(status, "conditions");
    String phase = Fields.string(status, "phase");
    String reason = Fields.string(status, "reason").isEmpty() ? phase : Fields.string(status, "reason");
    for (JsonObject condition : conditions) {
      if ("PodScheduled".equals(Fields.string(condition, "type"))
          && "SchedulingGated".equals(Fields.string(condition, "reason"))) {
        reason = "SchedulingGated";
      }
    }

    int total = Fields.size(spec, "containers");
    Map<String, JsonObject> initContainers = new HashMap<>();
    List<JsonObject> initSpecs = Fields.objects(spec, "initContainers");
    for (JsonObject init : initSpecs) {
      initContainers.put(Fields.string(init, "name"), init);
      if (restartable(init)) {
        total++;
      }
    }

    int ready = 0;
    long restarts = 0;
    long sidecarRestarts = 0;
    Instant lastRestart = null;
    Instant lastSidecarRestart = null;
    boolean initializing = false;
    List<JsonObject> initStatuses = Fields.objects(status, "initContainerStatuses");
    for (int i = 0; i < initStatuses.size(); i++) {
      JsonObject container = initStatuses.get(i);
      boolean sidecar = restartable(initContainers.get(Fields.string(container, "name")));
      Instant finished = lastFinished(container);
      restarts += Fields.integer(container, "restartCount");
      lastRestart = later(lastRestart, finished);
      if (sidecar) {
        sidecarRestarts += Fields.integer(container, "restartCount");
        lastSidecarRestart = later(lastSidecarRestart, finished);
      }
      JsonObject terminated = Fields.objectOrNull(container, "state", "terminated");
      JsonObject waiting = Fields.objectOrNull(container, "state", "waiting");
      if (terminated != null && Fields.integer(terminated, "exitCode") == 0) {
        continue;
      }
      if (sidecar && Fields.bool(container, "started")) {
        if (Fields.bool(container, "ready")) {
          ready++;
        }
        continue;
      }
      if (terminated != null) {
        reason = "Init:" + terminatedReason(terminated);
      } else if (waiting != null && !Fields.string(waiting, "reason").isEmpty()
          && !"PodInitializing".equals(Fields.string(waiting, "reason"))) {
        reason = "Init:" + Fields.string(waiting, "reason");
      } else {
        reason = "Init:" + i + "/" + initSpecs.size();
      }
      initializing = true;
      break;
    }

    if (!initializing || conditionTrue(conditions, "Initialized")) {
      restarts = sidecarRestarts;
      lastRestart = lastSidecarRestart;
      boolean hasRunning = false;
      List<JsonObject> statuses = Fields.objects(status, "containerStatuses");
      // The first container's reason wins, so walk from the last one.
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonObject container = statuses.get(i);
        restarts += Fields.integer(container, "restartCount");
        lastRestart = later(lastRestart, lastFinished(container));
        JsonObject waiting = Fields.objectOrNull(container, "state", "waiting");
        JsonObject terminated = Fields.objectOrNull(container, "state", "terminated");
        if (waiting != null && !Fields.string(waiting, "reason").isEmpty()) {
          reason = Fields.string(waiting, "reason");
        } else if (terminated != null) {
          reason = terminatedReason(terminated);
        } else if (Fields.bool(container, "ready") && Fields.has(container, "state", "running")) {
          hasRunning = true;
          ready++;
        }
      }
      if ("Completed".equals(reason) && hasRunning) {
        reason = conditionTrue(conditions, "Ready") ? "Running" : "NotReady";
      }
    }

    if (Fields.has(pod, "metadata", "deletionTimestamp")) {
      if ("NodeLost".equals(Fields.string(status, "reason"))) {
        reason = "Unknown";
      } else if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
        reason = "Terminating";
      }
    }

    String restartCell = restarts != 0 && lastRestart != null
        ? restarts + " (" + HumanDuration.since(lastRestart, now) + " ago)"
        : Long.toString(restarts);
    List<Object> cells = List.of(Fields.string(pod, "metadata", "name"), ready + "/" + total, reason, restartCell,
        HumanDuration.since(Fields.time(pod, "metadata", "creationTimestamp"), now),
        orNone(podIp(status)), orNone(Fields.string(spec, "nodeName")),
        orNone(Fields.string(status, "nominatedNodeName")), readinessGates(spec, conditions));
    return new TableRow(cells, rowConditions(phase));
  }

  /** Finished pods carry a Completed row condition, which lets clients tell them apart. */
  private static JsonArray rowConditions(String phase) {
    String message = switch (phase) {
      case "Succeeded" -> "The pod has completed successfully.";
      case "Failed" -> "The pod failed.";
      default -> null;
    };
    return message == null ? null : new JsonArray().add(new JsonObject().put("type", "Completed")
        .put("status", "True").put("reason", phase).put("message", message));
  }

  private static String terminatedReason(JsonObject terminated) {
    String reason = Fields.string(terminated, "reason");
    if (!reason.isEmpty()) {
      return reason;
    }
    long signal = Fields.integer(terminated, "signal");
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + Fields.integer(terminated, "exitCode");
  }

  private static String readinessGates(JsonObject spec, List<JsonObject> conditions) {
    List<JsonObject> gates = Fields.objects(spec, "readinessGates");
    if (gates.isEmpty()) {
      return "<none>";
    }
    int satisfied = 0;
    for (JsonObject gate : gates) {
      String type = Fields.string(gate, "conditionType");
      for (JsonObject condition : conditions) {
        if (type.equals(Fields.string(condition, "type"))) {
          if ("True".equals(Fields.string(condition, "status"))) {
            satisfied++;
          }
          break;
        }
      }
    }
    return satisfied + "/" + gates.size();
  }

  /** The internal pod keeps podIPs only; the v1 podIP is its first entry. */
  private static String podIp(JsonObject status) {
    List<JsonObject> ips = Fields.objects(status, "podIPs");
    return ips.isEmpty() ? Fields.string(status, "podIP") : Fields.string(ips.get(0), "ip");
  }

  private static boolean restartable(JsonObject initContainer) {
    return initContainer != null && "Always".equals(Fields.string(initContainer, "restartPolicy"));
  }

  private static boolean conditionTrue(List<JsonObject> conditions, String type) {
    for (JsonObject condition : conditions) {
      if (type.equals(Fields.string(condition, "type"))) {
        return "True".equals(Fields.string(condition, "status"));
      }
    }
    return false;
  }

  private static Instant lastFinished(JsonObject containerStatus) {
    return Fields.time(containerStatus, "lastState", "terminated", "finishedAt");
  }

  private static Instant later(Instant current, Instant candidate) {
    return candidate != null && (current == null || current.isBefore(candidate)) ? candidate : current;
  }

  static String orNone(String value) {
    return value.isEmpty() ? "<none>" : value;
  }
}
