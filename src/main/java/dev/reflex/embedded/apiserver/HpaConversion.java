package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.object;
import static dev.reflex.embedded.apiserver.JsonNodes.objects;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conversion between autoscaling/v1 and autoscaling/v2 HorizontalPodAutoscalers, as kube-apiserver converts (the
 * server stores v2 and converts at the edges). v1 only knows a CPU utilization target; whatever else v2 holds
 * travels in four annotations of the v1 object and is lifted back out when a v1 object is written:
 * {@value #METRICS} (spec metrics other than the CPU target, v1-shaped), {@value #CURRENT_METRICS} (all of
 * status.currentMetrics), {@value #CONDITIONS} (status.conditions) and {@value #BEHAVIOR} (spec.behavior, written
 * with Go field names such as {@code ScaleUp}: kube marshals its internal type there, which has no JSON tags).
 *
 * <p>Round trip v2 → v1 → v2 keeps every metric, but the CPU utilization metric comes back last, and the
 * non-pointer v1 quantities come back as "0" where v2 had none (an Object target's value beside its averageValue,
 * a resource status's averageValue): kube behaves the same.
 */
public final class HpaConversion {

  public static final String METRICS = "autoscaling.alpha.kubernetes.io/metrics";
  public static final String CURRENT_METRICS = "autoscaling.alpha.kubernetes.io/current-metrics";
  public static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";
  public static final String BEHAVIOR = "autoscaling.alpha.kubernetes.io/behavior";
  private static final List<String> ROUND_TRIP = List.of(METRICS, CURRENT_METRICS, CONDITIONS, BEHAVIOR);

  private HpaConversion() {
  }

  /** An autoscaling/v2 HPA from an autoscaling/v1 one (its round-trip annotations consumed). */
  public static JsonObject toV2(JsonObject v1) {
    JsonObject out = new JsonObject().put("apiVersion", "autoscaling/v2").put("kind", "HorizontalPodAutoscaler");
    JsonObject metadata = object(v1, "metadata");
    JsonObject annotations = metadata == null ? null : object(metadata, "annotations");
    JsonObject spec = JsonNodes.object(v1, "spec") == null ? new JsonObject() : v1.getJsonObject("spec");
    JsonObject status = JsonNodes.object(v1, "status") == null ? new JsonObject() : v1.getJsonObject("status");

    JsonObject outSpec = new JsonObject().put("scaleTargetRef", HpaV1Metrics.reference(object(spec, "scaleTargetRef")));
    copyIfSet(spec, outSpec, "minReplicas");
    outSpec.put("maxReplicas", JsonNodes.number(spec, "maxReplicas"));
    JsonArray metrics = new JsonArray();
    JsonArray others = annotationArray(annotations, METRICS);
    if (others != null) {
      objectsOf(others).forEach(m -> metrics.add(HpaV1Metrics.specToV2(m)));
    }
    Object cpu = spec.getValue("targetCPUUtilizationPercentage");
    if (cpu != null) {
      metrics.add(cpuMetric(cpu));
    }
    if (metrics.isEmpty()) {
      // v1 used to leave 80% CPU implicit in the controller; with all metrics at hand, conversion makes it explicit
      metrics.add(HpaDefaults.defaultCpuMetric());
    }
    outSpec.put("metrics", metrics);
    JsonObject behavior = behaviorFromAnnotation(annotations);
    if (behavior != null) {
      outSpec.put("behavior", behavior);
    }

    JsonObject outStatus = new JsonObject();
    copyIfSet(status, outStatus, "observedGeneration");
    copyIfSet(status, outStatus, "lastScaleTime");
    if (JsonNodes.longOr(status, "currentReplicas", 0) != 0) {
      outStatus.put("currentReplicas", status.getValue("currentReplicas"));
    }
    outStatus.put("desiredReplicas", JsonNodes.number(status, "desiredReplicas"));
    JsonArray current = annotationArray(annotations, CURRENT_METRICS);
    if (current != null) {
      JsonArray converted = new JsonArray();
      objectsOf(current).forEach(m -> converted.add(HpaV1Metrics.statusToV2(m)));
      outStatus.put("currentMetrics", converted);
    } else if (status.getValue("currentCPUUtilizationPercentage") != null) {
      outStatus.put("currentMetrics", new JsonArray().add(new JsonObject().put("type", "Resource").put("resource",
          new JsonObject().put("name", "cpu").put("current",
              new JsonObject().put("averageUtilization", status.getValue("currentCPUUtilizationPercentage"))))));
    } else {
      outStatus.putNull("currentMetrics");
    }
    JsonArray conditions = annotationArray(annotations, CONDITIONS);
    if (conditions != null && !conditions.isEmpty()) {
      outStatus.put("conditions", conditions.copy());
    }

    // ObjectMeta is a struct in Go: always written, if only as {}
    out.put("metadata", metadata == null ? new JsonObject() : withoutRoundTrip(metadata));
    return out.put("spec", outSpec).put("status", outStatus);
  }

  /** An autoscaling/v1 HPA from an autoscaling/v2 one, v2-only parts kept in the round-trip annotations. */
  public static JsonObject toV1(JsonObject v2) {
    JsonObject out = new JsonObject().put("apiVersion", "autoscaling/v1").put("kind", "HorizontalPodAutoscaler");
    JsonObject spec = object(v2, "spec") == null ? new JsonObject() : v2.getJsonObject("spec");
    JsonObject status = object(v2, "status") == null ? new JsonObject() : v2.getJsonObject("status");
    // stale annotations of an earlier conversion must not survive beside the ones written now
    JsonObject metadata = object(v2, "metadata") == null ? new JsonObject()
        : withoutRoundTrip(v2.getJsonObject("metadata"));
    JsonObject annotations = object(metadata, "annotations") == null ? new JsonObject()
        : metadata.getJsonObject("annotations");

    JsonObject outSpec = new JsonObject().put("scaleTargetRef", HpaV1Metrics.reference(object(spec, "scaleTargetRef")));
    copyIfSet(spec, outSpec, "minReplicas");
    outSpec.put("maxReplicas", JsonNodes.number(spec, "maxReplicas"));
    JsonArray others = new JsonArray();
    boolean cpuTargetTaken = false;
    for (JsonObject metric : objects(spec, "metrics")) {
      JsonObject resource = object(metric, "resource");
      boolean cpuResource = "Resource".equals(metric.getValue("type")) && resource != null
          && "cpu".equals(resource.getValue("name"));
      Object utilization = cpuResource ? JsonNodes.path(resource, "target") == null ? null
          : resource.getJsonObject("target").getValue("averageUtilization") : null;
      if (cpuResource && !cpuTargetTaken) {
        // the first CPU resource metric decides v1's target, whether or not it is a utilization
        cpuTargetTaken = true;
        if (utilization != null) {
          outSpec.put("targetCPUUtilizationPercentage", utilization);
        }
      }
      if (utilization == null) {
        others.add(HpaV1Metrics.specToV1(metric));
      }
    }
    if (!others.isEmpty()) {
      annotations.put(METRICS, others.encode());
    }
    JsonArray currentMetrics = new JsonArray();
    Object currentCpu = null;
    for (JsonObject metric : objects(status, "currentMetrics")) {
      currentMetrics.add(HpaV1Metrics.statusToV1(metric));
      JsonObject resource = object(metric, "resource");
      if ("Resource".equals(metric.getValue("type")) && resource != null && "cpu".equals(resource.getValue("name"))) {
        Object utilization = JsonNodes.path(resource, "current") == null ? null
            : resource.getJsonObject("current").getValue("averageUtilization");
        if (utilization != null) {
          currentCpu = utilization;
        }
      }
    }
    if (!currentMetrics.isEmpty()) {
      annotations.put(CURRENT_METRICS, currentMetrics.encode());
    }
    JsonArray conditions = new JsonArray();
    objects(status, "conditions").forEach(c -> conditions.add(conditionToV1(c)));
    if (!conditions.isEmpty()) {
      annotations.put(CONDITIONS, conditions.encode());
    }
    JsonObject behavior = object(spec, "behavior");
    if (behavior != null) {
      annotations.put(BEHAVIOR, behaviorToAnnotation(behavior).encode());
    }
    if (!annotations.isEmpty()) {
      metadata.put("annotations", annotations);
    }

    JsonObject outStatus = new JsonObject();
    copyIfSet(status, outStatus, "observedGeneration");
    copyIfSet(status, outStatus, "lastScaleTime");
    outStatus.put("currentReplicas", JsonNodes.number(status, "currentReplicas"));
    outStatus.put("desiredReplicas", JsonNodes.number(status, "desiredReplicas"));
    if (currentCpu != null) {
      outStatus.put("currentCPUUtilizationPercentage", currentCpu);
    }
    out.put("metadata", metadata);
    return out.put("spec", outSpec).put("status", outStatus);
  }

  private static JsonObject cpuMetric(Object utilization) {
    return new JsonObject().put("type", "Resource").put("resource", new JsonObject().put("name", "cpu")
        .put("target", new JsonObject().put("type", "Utilization").put("averageUtilization", utilization)));
  }

  private static JsonObject conditionToV1(JsonObject condition) {
    JsonObject out = new JsonObject().put("type", JsonNodes.string(condition, "type"))
        .put("status", JsonNodes.string(condition, "status"));
    for (String key : List.of("lastTransitionTime", "reason", "message")) {
      Object value = condition.getValue(key);
      if (value != null && !"".equals(value)) {
        out.put(key, value);
      }
    }
    return out;
  }

  /** spec.behavior as kube writes its internal struct: Go field names, unset pointers as null. */
  private static JsonObject behaviorToAnnotation(JsonObject behavior) {
    return new JsonObject().put("ScaleUp", rulesToAnnotation(object(behavior, "scaleUp")))
        .put("ScaleDown", rulesToAnnotation(object(behavior, "scaleDown")));
  }

  private static JsonObject rulesToAnnotation(JsonObject rules) {
    if (rules == null) {
      return null;
    }
    JsonArray policies = null;
    if (rules.getValue("policies") instanceof JsonArray array) {
      policies = new JsonArray();
      for (JsonObject policy : objectsOf(array)) {
        policies.add(new JsonObject().put("Type", JsonNodes.string(policy, "type"))
            .put("Value", JsonNodes.number(policy, "value"))
            .put("PeriodSeconds", JsonNodes.number(policy, "periodSeconds")));
      }
    }
    return new JsonObject().put("StabilizationWindowSeconds", rules.getValue("stabilizationWindowSeconds"))
        .put("SelectPolicy", rules.getValue("selectPolicy")).put("Policies", policies);
  }

  /** The behavior in the annotation, or null when absent, malformed or empty (only well-formed data moves). */
  private static JsonObject behaviorFromAnnotation(JsonObject annotations) {
    JsonObject parsed = annotationObject(annotations, BEHAVIOR);
    if (parsed == null) {
      return null;
    }
    JsonObject behavior = new JsonObject();
    JsonObject scaleUp = rulesFromAnnotation(ignoringCase(parsed, "scaleUp"));
    JsonObject scaleDown = rulesFromAnnotation(ignoringCase(parsed, "scaleDown"));
    if (scaleUp != null) {
      behavior.put("scaleUp", scaleUp);
    }
    if (scaleDown != null) {
      behavior.put("scaleDown", scaleDown);
    }
    return behavior.isEmpty() ? null : behavior;
  }

  private static JsonObject rulesFromAnnotation(Object value) {
    if (!(value instanceof JsonObject rules)) {
      return null;
    }
    JsonObject out = new JsonObject();
    Object window = ignoringCase(rules, "stabilizationWindowSeconds");
    if (window != null) {
      out.put("stabilizationWindowSeconds", window);
    }
    Object select = ignoringCase(rules, "selectPolicy");
    if (select != null) {
      out.put("selectPolicy", select);
    }
    if (ignoringCase(rules, "policies") instanceof JsonArray policies) {
      JsonArray converted = new JsonArray();
      for (JsonObject policy : objectsOf(policies)) {
        converted.add(new JsonObject().put("type", String.valueOf(ignoringCase(policy, "type")))
            .put("value", ignoringCase(policy, "value")).put("periodSeconds", ignoringCase(policy, "periodSeconds")));
      }
      out.put("policies", converted);
    }
    return out;
  }

  /** Go's decoder matches field names case-insensitively; so does reading the behavior annotation. */
  private static Object ignoringCase(JsonObject object, String key) {
    for (String name : object.fieldNames()) {
      if (name.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return object.getValue(name);
      }
    }
    return null;
  }

  private static JsonArray annotationArray(JsonObject annotations, String key) {
    Object parsed = parse(annotations, key);
    return parsed instanceof JsonArray array ? array : null;
  }

  private static JsonObject annotationObject(JsonObject annotations, String key) {
    Object parsed = parse(annotations, key);
    return parsed instanceof JsonObject object ? object : null;
  }

  private static Object parse(JsonObject annotations, String key) {
    String text = annotations == null ? null : annotations.getValue(key) instanceof String s ? s : null;
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String trimmed = text.trim();
      return trimmed.startsWith("[") ? new JsonArray(trimmed) : trimmed.startsWith("{") ? new JsonObject(trimmed)
          : null;
    } catch (DecodeException malformed) {
      return null;
    }
  }

  /** A copy of the metadata without the round-trip annotations (and without annotations, if none remain). */
  private static JsonObject withoutRoundTrip(JsonObject metadata) {
    JsonObject out = metadata.copy();
    JsonObject annotations = object(out, "annotations");
    if (annotations != null) {
      ROUND_TRIP.forEach(annotations::remove);
      if (annotations.isEmpty()) {
        out.remove("annotations");
      }
    }
    return out;
  }

  private static List<JsonObject> objectsOf(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    for (Object item : array) {
      if (item instanceof JsonObject o) {
        out.add(o);
      }
    }
    return out;
  }

  private static void copyIfSet(JsonObject from, JsonObject to, String key) {
    if (from.getValue(key) != null) {
      to.put(key, from.getValue(key));
    }
  }
}
