package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code Available} condition of an APIService (apiregistration.k8s.io/v1) as kube-aggregator's availability
 * controllers set it, as a pure function of what the check found. Reasons and messages are kube's.
 */
final class ApiServiceAvailability {

  /** What one availability check of an APIService found. */
  sealed interface Check {
  }

  /** No {@code spec.service}: served by this server itself. */
  record Local() implements Check {
  }

  record ServiceNotFound(String namespace, String name) implements Check {
  }

  /** The Service exists but has no port {@code port}. */
  record ServicePortError(String namespace, String name, int port) implements Check {
  }

  /** The discovery GET failed: {@code message} is kube's whole sentence ({@code failing or missing response ...}). */
  record FailedDiscovery(String message) implements Check {
  }

  record Passed() implements Check {
  }

  private ApiServiceAvailability() {
  }

  /** The condition, without its time. */
  static JsonObject condition(Check check) {
    String status = check instanceof Local || check instanceof Passed ? "True" : "False";
    String reason;
    String message;
    if (check instanceof Local) {
      reason = "Local";
      message = "Local APIServices are always available";
    } else if (check instanceof Passed) {
      reason = "Passed";
      message = "all checks passed";
    } else if (check instanceof ServiceNotFound s) {
      reason = "ServiceNotFound";
      message = "service/" + s.name() + " in \"" + s.namespace() + "\" is not present";
    } else if (check instanceof ServicePortError s) {
      reason = "ServicePortError";
      message = "service/" + s.name() + " in \"" + s.namespace() + "\" is not listening on port " + s.port();
    } else {
      reason = "FailedDiscoveryCheck";
      message = ((FailedDiscovery) check).message();
    }
    return new JsonObject().put("type", "Available").put("status", status).put("reason", reason)
        .put("message", message);
  }

  /**
   * The APIService's {@code status} after the check: its Available condition replaced, {@code lastTransitionTime}
   * moved to {@code now} only when the condition's status changes (kube's {@code SetAPIServiceCondition}), other
   * conditions kept.
   */
  static JsonObject status(JsonObject currentStatus, Check check, Instant now) {
    JsonObject status = currentStatus == null ? new JsonObject() : currentStatus.copy();
    JsonArray conditions = status.getJsonArray("conditions", new JsonArray());
    JsonObject fresh = condition(check);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    for (int i = 0; i < conditions.size(); i++) {
      JsonObject existing = conditions.getJsonObject(i);
      if ("Available".equals(existing.getString("type"))) {
        String transition = fresh.getString("status").equals(existing.getString("status"))
            ? existing.getString("lastTransitionTime", time) : time;
        JsonObject updated = new JsonObject().put("type", "Available").put("status", fresh.getString("status"))
            .put("lastTransitionTime", transition).put("reason", fresh.getString("reason"))
            .put("message", fresh.getString("message"));
        conditions.set(i, updated);
        return status.put("conditions", conditions);
      }
    }
    conditions.add(new JsonObject().put("type", "Available").put("status", fresh.getString("status"))
        .put("lastTransitionTime", time).put("reason", fresh.getString("reason"))
        .put("message", fresh.getString("message")));
    return status.put("conditions", conditions);
  }

  /** Whether the APIService's Available condition is True, what the proxy requires before forwarding. */
  static boolean isAvailable(JsonObject apiService) {
    JsonArray conditions = apiService.getJsonObject("status", new JsonObject())
        .getJsonArray("conditions", new JsonArray());
    for (Object condition : conditions) {
      if (condition instanceof JsonObject c && "Available".equals(c.getString("type"))) {
        return "True".equals(c.getString("status"));
      }
    }
    return false;
  }
}
