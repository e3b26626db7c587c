package dev.reflex.objects;

import dev.reflex.core.hpa.Behavior;
import dev.reflex.core.hpa.ContainerRequests;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.MetricIdentifier;
import dev.reflex.core.hpa.MetricSourceType;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricTarget;
import dev.reflex.core.hpa.MetricTargetType;
import dev.reflex.core.hpa.ObjectReference;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.PodPhase;
import dev.reflex.core.hpa.Readiness;
import dev.reflex.core.hpa.ScalingPolicy;
import dev.reflex.core.hpa.ScalingPolicyType;
import dev.reflex.core.hpa.ScalingRules;
import dev.reflex.core.hpa.SelectPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The autoscaling/v2 HorizontalPodAutoscaler spec (metrics, behavior) and the core/v1 pods its algorithm reads, as
 * the HPA core's records. Every field the reader cannot use is reported as an {@link InvalidFieldException} naming
 * its path under the caller's prefix, e.g. {@code hpa.spec.metrics[0].pods.target.averageValue: is required for a
 * Pods metric}. The HorizontalPortrait controller reads a KubeHPA portrait's metrics and pods here, and
 * {@code reflex decide} reads its document's {@code hpa} and {@code pods} here.
 */
public final class HpaObjects {

  private HpaObjects() {
  }

  /** An HPA object: {@code metadata.name}, {@code metadata.namespace} and {@code spec}. */
  public static HpaSpec spec(JsonObject hpa) {
    JsonObject metadata = ObjectJson.object(hpa, "metadata", "hpa", false);
    String given = metadata == null ? null : ObjectJson.string(metadata, "name", "hpa.metadata", false);
    String name = given == null ? "" : given;
    String namespace = metadata == null ? null : ObjectJson.string(metadata, "namespace", "hpa.metadata", false);
    JsonObject spec = ObjectJson.object(hpa, "spec", "hpa", true);
    Integer min = ObjectJson.integer(spec, "minReplicas", "hpa.spec", false);
    int minReplicas = min == null ? 1 : min;
    if (minReplicas < 0) {
      throw new InvalidFieldException("hpa.spec.minReplicas", "must be >= 0");
    }
    int maxReplicas = ObjectJson.integer(spec, "maxReplicas", "hpa.spec", true);
    if (maxReplicas < 1 || maxReplicas < minReplicas) {
      throw new InvalidFieldException("hpa.spec.maxReplicas", "must be >= 1 and >= minReplicas");
    }
    JsonArray metricArray = ObjectJson.array(spec, "metrics", "hpa.spec", false);
    List<MetricSpec> metrics = metricArray == null ? List.of() : metrics(metricArray, "hpa.spec.metrics");
    JsonObject behaviorJson = ObjectJson.object(spec, "behavior", "hpa.spec", false);
    Behavior behavior = behaviorJson == null ? null : behavior(behaviorJson, "hpa.spec.behavior");
    return new HpaSpec(name, namespace == null ? "default" : namespace, minReplicas, maxReplicas, metrics, behavior);
  }

  /**
   * A {@code metrics} list of MetricSpecs.
   *
   * @param path the list's path, e.g. {@code spec.metrics}
   */
  public static List<MetricSpec> metrics(JsonArray metrics, String path) {
    List<MetricSpec> specs = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      String at = path + "[" + i + "]";
      specs.add(metric(ObjectJson.element(metrics, i, at), at));
    }
    return specs;
  }

  private static MetricSpec metric(JsonObject metric, String path) {
    String type = ObjectJson.string(metric, "type", path, true);
    MetricSourceType source = MetricSourceType.fromApiName(type);
    if (source == null) {
      return new MetricSpec.UnknownMetric(type);
    }
    switch (source) {
      case RESOURCE: {
        String at = path + ".resource";
        JsonObject resource = ObjectJson.object(metric, "resource", path, true);
        return new MetricSpec.ResourceMetric(ObjectJson.string(resource, "name", at, true), target(resource, at));
      }
      case CONTAINER_RESOURCE: {
        String at = path + ".containerResource";
        JsonObject resource = ObjectJson.object(metric, "containerResource", path, true);
        return new MetricSpec.ContainerResourceMetric(ObjectJson.string(resource, "name", at, true),
            ObjectJson.string(resource, "container", at, true), target(resource, at));
      }
      case PODS: {
        String at = path + ".pods";
        JsonObject pods = ObjectJson.object(metric, "pods", path, true);
        MetricTarget target = target(pods, at);
        if (target.averageValue() == null) {
          throw new InvalidFieldException(at + ".target.averageValue", "is required for a Pods metric");
        }
        return new MetricSpec.PodsMetric(identifier(pods, at), target);
      }
      case OBJECT: {
        String at = path + ".object";
        JsonObject object = ObjectJson.object(metric, "object", path, true);
        return new MetricSpec.ObjectMetric(reference(ObjectJson.object(object, "describedObject", at, true),
            at + ".describedObject"), identifier(object, at), target(object, at));
      }
      default: {
        String at = path + ".external";
        JsonObject external = ObjectJson.object(metric, "external", path, true);
        return new MetricSpec.ExternalMetric(identifier(external, at), target(external, at));
      }
    }
  }

  private static MetricIdentifier identifier(JsonObject source, String path) {
    JsonObject metric = ObjectJson.object(source, "metric", path, true);
    String name = ObjectJson.string(metric, "name", path + ".metric", true);
    JsonObject selector = ObjectJson.object(metric, "selector", path + ".metric", false);
    return new MetricIdentifier(name, GoLabelSelectorText.render(selector, path + ".metric.selector"));
  }

  /** An object reference: {@code kind}, {@code name} and optionally {@code apiVersion}. */
  public static ObjectReference reference(JsonObject object, String path) {
    return new ObjectReference(ObjectJson.string(object, "kind", path, true),
        ObjectJson.string(object, "name", path, true),
        ObjectJson.string(object, "apiVersion", path, false));
  }

  private static MetricTarget target(JsonObject source, String path) {
    String at = path + ".target";
    JsonObject target = ObjectJson.object(source, "target", path, true);
    String typeName = ObjectJson.string(target, "type", at, true);
    MetricTargetType type = MetricTargetType.fromApiName(typeName);
    if (type == null) {
      throw new InvalidFieldException(at + ".type", "must be one of Utilization, AverageValue, Value, was \""
          + typeName + "\"");
    }
    Long value = ObjectJson.quantity(target, "value", at, false);
    Long averageValue = ObjectJson.quantity(target, "averageValue", at, false);
    Integer averageUtilization = ObjectJson.integer(target, "averageUtilization", at, false);
    if (value != null && value <= 0) {
      throw new InvalidFieldException(at + ".value", "must be positive");
    }
    if (averageValue != null && averageValue <= 0) {
      throw new InvalidFieldException(at + ".averageValue", "must be positive");
    }
    if (averageUtilization != null && averageUtilization <= 0) {
      throw new InvalidFieldException(at + ".averageUtilization", "must be greater than 0");
    }
    switch (type) {
      case UTILIZATION:
        if (averageUtilization == null && averageValue == null) {
          throw new InvalidFieldException(at + ".averageUtilization", "is required for target type Utilization");
        }
        break;
      case AVERAGE_VALUE:
        if (averageValue == null) {
          throw new InvalidFieldException(at + ".averageValue", "is required for target type AverageValue");
        }
        break;
      default:
        if (value == null) {
          throw new InvalidFieldException(at + ".value", "is required for target type Value");
        }
    }
    return new MetricTarget(type, value, averageValue, averageUtilization);
  }

  private static Behavior behavior(JsonObject behavior, String path) {
    JsonObject up = ObjectJson.object(behavior, "scaleUp", path, false);
    JsonObject down = ObjectJson.object(behavior, "scaleDown", path, false);
    return new Behavior(rules(up, path + ".scaleUp", true), rules(down, path + ".scaleDown", false));
  }

  private static ScalingRules rules(JsonObject rules, String path, boolean up) {
    if (rules == null) {
      return up ? ScalingRules.DEFAULT_SCALE_UP : ScalingRules.DEFAULT_SCALE_DOWN;
    }
    Integer window = ObjectJson.integer(rules, "stabilizationWindowSeconds", path, false);
    if (window != null && (window < 0 || window > 3600)) {
      throw new InvalidFieldException(path + ".stabilizationWindowSeconds", "must be in [0, 3600]");
    }
    String selectName = ObjectJson.string(rules, "selectPolicy", path, false);
    SelectPolicy select = selectName == null ? null : SelectPolicy.fromApiName(selectName);
    if (selectName != null && select == null) {
      throw new InvalidFieldException(path + ".selectPolicy", "must be one of Max, Min, Disabled, was \""
          + selectName + "\"");
    }
    List<ScalingPolicy> policies = null;
    JsonArray policyArray = ObjectJson.array(rules, "policies", path, false);
    if (policyArray != null) {
      if (policyArray.isEmpty()) {
        throw new InvalidFieldException(path + ".policies", "must have at least one policy");
      }
      policies = new ArrayList<>();
      for (int i = 0; i < policyArray.size(); i++) {
        String at = path + ".policies[" + i + "]";
        policies.add(policy(ObjectJson.element(policyArray, i, at), at));
      }
    }
    Double tolerance = null;
    Long toleranceMilli = ObjectJson.quantity(rules, "tolerance", path, false);
    if (toleranceMilli != null) {
      if (toleranceMilli < 0) {
        throw new InvalidFieldException(path + ".tolerance", "must be >= 0");
      }
      tolerance = toleranceMilli / 1000.0;
    }
    return up ? ScalingRules.scaleUp(window, select, policies, tolerance)
        : ScalingRules.scaleDown(window, select, policies, tolerance);
  }

  private static ScalingPolicy policy(JsonObject policy, String path) {
    String typeName = ObjectJson.string(policy, "type", path, true);
    ScalingPolicyType type = ScalingPolicyType.fromApiName(typeName);
    if (type == null) {
      throw new InvalidFieldException(path + ".type", "must be one of Pods, Percent, was \"" + typeName + "\"");
    }
    int value = ObjectJson.integer(policy, "value", path, true);
    if (value <= 0) {
      throw new InvalidFieldException(path + ".value", "must be greater than 0");
    }
    int period = ObjectJson.integer(policy, "periodSeconds", path, true);
    if (period < 1 || period > 1800) {
      throw new InvalidFieldException(path + ".periodSeconds", "must be in [1, 1800]");
    }
    return new ScalingPolicy(type, value, period);
  }

  /** A pod's labels (strings only, as the API allows). */
  public static Map<String, String> labels(JsonObject pod, String path) {
    JsonObject metadata = ObjectJson.object(pod, "metadata", path, true);
    Map<String, String> labels = new HashMap<>();
    JsonObject labelJson = ObjectJson.object(metadata, "labels", path + ".metadata", false);
    if (labelJson != null) {
      for (String key : labelJson.fieldNames()) {
        labels.put(key, ObjectJson.string(labelJson, key, path + ".metadata.labels", true));
      }
    }
    return labels;
  }

  /** A core/v1 pod as the HPA reads it: phase, readiness, start, deletion and the requests that count. */
  public static PodInfo pod(JsonObject pod, String path) {
    JsonObject metadata = ObjectJson.object(pod, "metadata", path, true);
    String name = ObjectJson.string(metadata, "name", path + ".metadata", true);
    boolean deleted = ObjectJson.time(metadata, "deletionTimestamp", path + ".metadata", false) != null;
    JsonObject spec = ObjectJson.object(pod, "spec", path, false);
    List<ContainerRequests> containers = new ArrayList<>();
    if (spec != null) {
      containers(spec, "containers", path + ".spec", false, containers);
      containers(spec, "initContainers", path + ".spec", true, containers);
    }
    JsonObject status = ObjectJson.object(pod, "status", path, false);
    PodPhase phase = PodPhase.UNKNOWN;
    Instant start = null;
    Readiness ready = Readiness.ABSENT;
    Instant transition = null;
    if (status != null) {
      phase = phase(ObjectJson.string(status, "phase", path + ".status", false), path + ".status.phase");
      start = ObjectJson.time(status, "startTime", path + ".status", false);
      JsonArray conditions = ObjectJson.array(status, "conditions", path + ".status", false);
      if (conditions != null) {
        for (int c = 0; c < conditions.size(); c++) {
          String at = path + ".status.conditions[" + c + "]";
          JsonObject condition = ObjectJson.element(conditions, c, at);
          if ("Ready".equals(ObjectJson.string(condition, "type", at, true))) {
            ready = readiness(ObjectJson.string(condition, "status", at, true), at + ".status");
            transition = ObjectJson.time(condition, "lastTransitionTime", at, false);
          }
        }
      }
    }
    return new PodInfo(name, phase, ready, transition, start, deleted, containers);
  }

  private static void containers(JsonObject spec, String key, String path, boolean init,
      List<ContainerRequests> into) {
    JsonArray array = ObjectJson.array(spec, key, path, false);
    if (array == null) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String at = path + "." + key + "[" + i + "]";
      JsonObject container = ObjectJson.element(array, i, at);
      String name = ObjectJson.string(container, "name", at, true);
      // Only init containers that keep running (sidecars) count towards the pod's request.
      if (init && !"Always".equals(ObjectJson.string(container, "restartPolicy", at, false))) {
        continue;
      }
      Map<String, Long> requests = new HashMap<>();
      JsonObject resources = ObjectJson.object(container, "resources", at, false);
      JsonObject requestJson = resources == null ? null : ObjectJson.object(resources, "requests", at + ".resources",
          false);
      if (requestJson != null) {
        for (String resource : requestJson.fieldNames()) {
          requests.put(resource, ObjectJson.quantity(requestJson, resource, at + ".resources.requests", true));
        }
      }
      into.add(new ContainerRequests(name, requests));
    }
  }

  private static PodPhase phase(String phase, String path) {
    if (phase == null || phase.isEmpty()) {
      return PodPhase.UNKNOWN;
    }
    switch (phase) {
      case "Pending":
        return PodPhase.PENDING;
      case "Running":
        return PodPhase.RUNNING;
      case "Succeeded":
        return PodPhase.SUCCEEDED;
      case "Failed":
        return PodPhase.FAILED;
      case "Unknown":
        return PodPhase.UNKNOWN;
      default:
        throw new InvalidFieldException(path, "must be one of Pending, Running, Succeeded, Failed, Unknown, was \""
            + phase + "\"");
    }
  }

  private static Readiness readiness(String status, String path) {
    switch (status) {
      case "True":
        return Readiness.TRUE;
      case "False":
        return Readiness.FALSE;
      case "Unknown":
        return Readiness.UNKNOWN;
      default:
        throw new InvalidFieldException(path, "must be one of True, False, Unknown, was \"" + status + "\"");
    }
  }
}
