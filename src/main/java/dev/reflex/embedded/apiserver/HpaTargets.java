package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The TARGETS cell of a HorizontalPodAutoscaler: each metric as {@code current/target}
 * ({@code cpu: 62%/50%}, {@code 1200m/1200}, {@code 3/10 (avg)}), {@code <unknown>} for a current value not yet
 * reported, at most two metrics then {@code + N more...}. The spec's i-th metric is paired with the status's i-th
 * current metric, by position as kube does. autoscaling/v1 objects are read through their v2 equivalent.
 */
final class HpaTargets {

  private static final int SHOWN = 2;
  private static final String UNKNOWN = "<unknown>";

  private HpaTargets() {
  }

  static String cell(JsonObject hpa) {
    List<JsonObject> specs = metricSpecs(hpa);
    List<JsonObject> statuses = metricStatuses(hpa);
    if (specs.isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      JsonObject status = i < statuses.size() ? statuses.get(i) : new JsonObject();
      list.add(describe(specs.get(i), status));
    }
    if (list.size() > SHOWN) {
      return String.join(", ", list.subList(0, SHOWN)) + " + " + (list.size() - SHOWN) + " more...";
    }
    return String.join(", ", list);
  }

  private static String describe(JsonObject spec, JsonObject status) {
    switch (Fields.string(spec, "type")) {
      case "External":
        return valueOrAverage(Fields.object(spec, "external", "target"), Fields.objectOrNull(status, "external"));
      case "Object":
        return valueOrAverage(Fields.object(spec, "object", "target"), Fields.objectOrNull(status, "object"));
      case "Pods": {
        JsonObject current = Fields.objectOrNull(status, "pods");
        String now = current == null ? UNKNOWN : quantity(Fields.value(current, "current", "averageValue"));
        return now + "/" + quantity(Fields.value(spec, "pods", "target", "averageValue"));
      }
      case "Resource":
        return resource(Fields.object(spec, "resource"), Fields.objectOrNull(status, "resource"));
      case "ContainerResource":
        return resource(Fields.object(spec, "containerResource"), Fields.objectOrNull(status, "containerResource"));
      default:
        return "<unknown type>";
    }
  }

  /** External and Object metrics: an average target prints {@code (avg)}, a plain value target does not. */
  private static String valueOrAverage(JsonObject target, JsonObject status) {
    if (Fields.has(target, "averageValue")) {
      String current = status != null && Fields.has(status, "current", "averageValue")
          ? quantity(Fields.value(status, "current", "averageValue")) : UNKNOWN;
      return current + "/" + quantity(target.getValue("averageValue")) + " (avg)";
    }
    String current = status != null ? quantity(Fields.value(status, "current", "value")) : UNKNOWN;
    return current + "/" + quantity(target.getValue("value"));
  }

  private static String resource(JsonObject source, JsonObject status) {
    String name = Fields.string(source, "name");
    JsonObject target = Fields.object(source, "target");
    if (Fields.has(target, "averageValue")) {
      String current = status != null ? quantity(Fields.value(status, "current", "averageValue")) : UNKNOWN;
      return name + ": " + current + "/" + quantity(target.getValue("averageValue"));
    }
    Long utilization = status == null ? null : Fields.integerOrNull(status, "current", "averageUtilization");
    String current = utilization == null ? UNKNOWN : utilization + "%";
    Long goal = Fields.integerOrNull(target, "averageUtilization");
    return name + ": " + current + "/" + (goal == null ? "<auto>" : goal + "%");
  }

  /** A quantity as stored; Go prints a missing one (a nil pointer) as {@code <nil>}. */
  private static String quantity(Object value) {
    if (value == null) {
      return "<nil>";
    }
    return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        ? Long.toString(n.longValue()) : String.valueOf(value);
  }

  /**
   * v2's spec.metrics; v1's targetCPUUtilizationPercentage becomes one CPU utilization metric. Both versions
   * default to CPU at 80% when nothing is set (v2 by defaulting, v1 in its conversion).
   */
  private static List<JsonObject> metricSpecs(JsonObject hpa) {
    JsonObject spec = Fields.object(hpa, "spec");
    List<JsonObject> metrics = Fields.objects(spec, "metrics");
    if (!metrics.isEmpty()) {
      return metrics;
    }
    Long cpu = Fields.integerOrNull(spec, "targetCPUUtilizationPercentage");
    return List.of(cpuMetric("target", cpu == null ? 80 : cpu));
  }

  private static List<JsonObject> metricStatuses(JsonObject hpa) {
    JsonObject status = Fields.object(hpa, "status");
    if (status.getValue("currentMetrics") instanceof JsonArray) {
      return Fields.objects(status, "currentMetrics");
    }
    Long cpu = Fields.integerOrNull(status, "currentCPUUtilizationPercentage");
    return cpu == null ? List.of() : List.of(cpuMetric("current", cpu));
  }

  private static JsonObject cpuMetric(String field, long utilization) {
    return new JsonObject().put("type", "Resource").put("resource", new JsonObject().put("name", "cpu")
        .put(field, new JsonObject().put("type", "Utilization").put("averageUtilization", utilization)));
  }
}
