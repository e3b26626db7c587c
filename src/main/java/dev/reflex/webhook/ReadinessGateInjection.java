package dev.reflex.webhook;

import dev.reflex.core.pods.PodKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Mutations for pods labelled {@value #OPT_IN_LABEL}{@code : "true"}:
 * <ul>
 *   <li>on pod creation, the readiness gate {@value PodKeys#ONLINE_CONDITION} is appended when absent;</li>
 *   <li>on a status update, a missing {@value PodKeys#ONLINE_CONDITION} condition is added as {@code True}, so a
 *       new pod starts Online and only Reflex's cut-off takes it out of Service endpoints.</li>
 * </ul>
 * Pods without the label are left alone. Both functions return a mutated copy and never change their argument.
 */
public final class ReadinessGateInjection {

  public static final String OPT_IN_LABEL = "kapacitystack.io/inject-pod-readiness-gate";

  private ReadinessGateInjection() {
  }

  public static boolean optedIn(JsonObject pod) {
    JsonObject labels = pod.getJsonObject("metadata", new JsonObject()).getJsonObject("labels");
    return labels != null && "true".equals(labels.getString(OPT_IN_LABEL));
  }

  /** The pod as admitted on CREATE. */
  public static JsonObject onCreate(JsonObject pod) {
    JsonObject copy = pod.copy();
    if (!optedIn(copy)) {
      return copy;
    }
    JsonObject spec = copy.getJsonObject("spec");
    if (spec == null) {
      spec = new JsonObject();
      copy.put("spec", spec);
    }
    JsonArray gates = spec.getJsonArray("readinessGates");
    if (gates == null) {
      gates = new JsonArray();
      spec.put("readinessGates", gates);
    }
    boolean present = gates.stream().anyMatch(g -> g instanceof JsonObject o
        && PodKeys.ONLINE_CONDITION.equals(o.getString("conditionType")));
    if (!present) {
      gates.add(new JsonObject().put("conditionType", PodKeys.ONLINE_CONDITION));
    }
    return copy;
  }

  /**
   * The status as admitted on an UPDATE of {@code pods/status}.
   *
   * @param pod the pod (for its labels)
   * @param status the status being written
   * @param now RFC 3339 time for {@code lastTransitionTime}
   */
  public static JsonObject onStatusUpdate(JsonObject pod, JsonObject status, String now) {
    JsonObject copy = status.copy();
    if (!optedIn(pod)) {
      return copy;
    }
    JsonArray conditions = copy.getJsonArray("conditions");
    if (conditions == null) {
      conditions = new JsonArray();
      copy.put("conditions", conditions);
    }
    boolean present = conditions.stream().anyMatch(c -> c instanceof JsonObject o
        && PodKeys.ONLINE_CONDITION.equals(o.getString("type")));
    if (!present) {
      conditions.add(new JsonObject().put("type", PodKeys.ONLINE_CONDITION).put("status", "True")
          .put("lastTransitionTime", now));
    }
    return copy;
  }
}
