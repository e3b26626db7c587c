package dev.reflex.decide;

import dev.reflex.core.hpa.Behavior;
import dev.reflex.core.hpa.ContainerRequests;
import dev.reflex.core.hpa.ContainerUsage;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.MetricIdentifier;
import dev.reflex.core.hpa.MetricSourceType;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricTarget;
import dev.reflex.core.hpa.MetricTargetType;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.ObjectReference;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.PodMetric;
import dev.reflex.core.hpa.PodPhase;
import dev.reflex.core.hpa.Readiness;
import dev.reflex.core.hpa.Recommendation;
import dev.reflex.core.hpa.Scale;
import dev.reflex.core.hpa.ScaleEvent;
import dev.reflex.core.hpa.ScalingPolicy;
import dev.reflex.core.hpa.ScalingPolicyType;
import dev.reflex.core.hpa.ScalingRules;
import dev.reflex.core.hpa.SelectPolicy;
import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.LabelSelectorException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Maps a KubeHPA decide document (Kubernetes-shaped JSON) onto the core's input records. */
final class KubeHpaInputReader {

  private KubeHpaInputReader() {
  }

  static HpaInput input(JsonObject document) {
    JsonObject hpa = HpaJson.object(document, "hpa", "", true);
    HpaSpec spec = spec(hpa);
    JsonObject scaleJson = HpaJson.object(document, "scale", "", true);
    Integer proposed = HpaJson.integer(document, "proposedReplicas", "", false);
    if (proposed != null && proposed < 0) {
      throw new DecideInputException("proposedReplicas", "must be >= 0");
    }
    Scale scale = scale(scaleJson);
    Predicate<Map<String, String>> selector = labels -> true;
    if (scale.selector() != null && !scale.selector().isBlank() && scale.selectorError() == null) {
      selector = LabelSelector.parse(scale.selector())::matches;
    }
    return new HpaInput(spec, scale, pods(document, selector), podMetrics(document), metricValues(document), proposed,
        config(document));
  }

  static HpaSpec spec(JsonObject hpa) {
    JsonObject metadata = HpaJson.object(hpa, "metadata", "hpa", false);
    String name = metadata == null ? "" : orEmpty(HpaJson.string(metadata, "name", "hpa.metadata", false));
    String namespace = metadata == null ? null : HpaJson.string(metadata, "namespace", "hpa.metadata", false);
    JsonObject spec = HpaJson.object(hpa, "spec", "hpa", true);
    Integer min = HpaJson.integer(spec, "minReplicas", "hpa.spec", false);
    int minReplicas = min == null ? 1 : min;
    if (minReplicas < 0) {
      throw new DecideInputException("hpa.spec.minReplicas", "must be >= 0");
    }
    int maxReplicas = HpaJson.integer(spec, "maxReplicas", "hpa.spec", true);
    if (maxReplicas < 1 || maxReplicas < minReplicas) {
      throw new DecideInputException("hpa.spec.maxReplicas", "must be >= 1 and >= minReplicas");
    }
    List<MetricSpec> metrics = new ArrayList<>();
    JsonArray metricArray = HpaJson.array(spec, "metrics", "hpa.spec", false);
    if (metricArray != null) {
      for (int i = 0; i < metricArray.size(); i++) {
        String path = "hpa.spec.metrics[" + i + "]";
        metrics.add(metric(HpaJson.element(metricArray, i, path), path));
      }
    }
    JsonObject behaviorJson = HpaJson.object(spec, "behavior", "hpa.spec", false);
    Behavior behavior = behaviorJson == null ? null : behavior(behaviorJson, "hpa.spec.behavior");
    return new HpaSpec(name, namespace == null ? "default" : namespace, minReplicas, maxReplicas, metrics, behavior);
  }

  private static MetricSpec metric(JsonObject metric, String path) {
    String type = HpaJson.string(metric, "type", path, true);
    MetricSourceType source = MetricSourceType.fromApiName(type);
    if (source == null) {
      return new MetricSpec.UnknownMetric(type);
    }
    switch (source) {
      case RESOURCE: {
        String at = path + ".resource";
        JsonObject resource = HpaJson.object(metric, "resource", path, true);
        return new MetricSpec.ResourceMetric(HpaJson.string(resource, "name", at, true), target(resource, at));
      }
      case CONTAINER_RESOURCE: {
        String at = path + ".containerResource";
        JsonObject resource = HpaJson.object(metric, "containerResource", path, true);
        return new MetricSpec.ContainerResourceMetric(HpaJson.string(resource, "name", at, true),
            HpaJson.string(resource, "container", at, true), target(resource, at));
      }
      case PODS: {
        String at = path + ".pods";
        JsonObject pods = HpaJson.object(metric, "pods", path, true);
        MetricTarget target = target(pods, at);
        if (target.averageValue() == null) {
          throw new DecideInputException(at + ".target.averageValue", "is required for a Pods metric");
        }
        return new MetricSpec.PodsMetric(identifier(pods, at), target);
      }
      case OBJECT: {
        String at = path + ".object";
        JsonObject object = HpaJson.object(metric, "object", path, true);
        return new MetricSpec.ObjectMetric(reference(HpaJson.object(object, "describedObject", at, true),
            at + ".describedObject"), identifier(object, at), target(object, at));
      }
      default: {
        String at = path + ".external";
        JsonObject external = HpaJson.object(metric, "external", path, true);
        return new MetricSpec.ExternalMetric(identifier(external, at), target(external, at));
      }
    }
  }

  private static MetricIdentifier identifier(JsonObject source, String path) {
    JsonObject metric = HpaJson.object(source, "metric", path, true);
    String name = HpaJson.string(metric, "name", path + ".metric", true);
    JsonObject selector = HpaJson.object(metric, "selector", path + ".metric", false);
    return new MetricIdentifier(name, GoLabelSelectorText.render(selector, path + ".metric.selector"));
  }

  static ObjectReference reference(JsonObject object, String path) {
    return new ObjectReference(HpaJson.string(object, "kind", path, true), HpaJson.string(object, "name", path, true),
        HpaJson.string(object, "apiVersion", path, false));
  }

  private static MetricTarget target(JsonObject source, String path) {
    String at = path + ".target";
    JsonObject target = HpaJson.object(source, "target", path, true);
    String typeName = HpaJson.string(target, "type", at, true);
    MetricTargetType type = MetricTargetType.fromApiName(typeName);
    if (type == null) {
      throw new DecideInputException(at + ".type", "must be one of Utilization, AverageValue, Value, was \""
          + typeName + "\"");
    }
    Long value = HpaJson.quantity(target, "value", at, false);
    Long averageValue = HpaJson.quantity(target, "averageValue", at, false);
    Integer averageUtilization = HpaJson.integer(target, "averageUtilization", at, false);
    if (value != null && value <= 0) {
      throw new DecideInputException(at + ".value", "must be positive");
    }
    if (averageValue != null && averageValue <= 0) {
      throw new DecideInputException(at + ".averageValue", "must be positive");
    }
    if (averageUtilization != null && averageUtilization <= 0) {
      throw new DecideInputException(at + ".averageUtilization", "must be greater than 0");
    }
    switch (type) {
      case UTILIZATION:
        if (averageUtilization == null && averageValue == null) {
          throw new DecideInputException(at + ".averageUtilization", "is required for target type Utilization");
        }
        break;
      case AVERAGE_VALUE:
        if (averageValue == null) {
          throw new DecideInputException(at + ".averageValue", "is required for target type AverageValue");
        }
        break;
      default:
        if (value == null) {
          throw new DecideInputException(at + ".value", "is required for target type Value");
        }
    }
    return new MetricTarget(type, value, averageValue, averageUtilization);
  }

  private static Behavior behavior(JsonObject behavior, String path) {
    JsonObject up = HpaJson.object(behavior, "scaleUp", path, false);
    JsonObject down = HpaJson.object(behavior, "scaleDown", path, false);
    return new Behavior(rules(up, path + ".scaleUp", true), rules(down, path + ".scaleDown", false));
  }

  private static ScalingRules rules(JsonObject rules, String path, boolean up) {
    if (rules == null) {
      return up ? ScalingRules.DEFAULT_SCALE_UP : ScalingRules.DEFAULT_SCALE_DOWN;
    }
    Integer window = HpaJson.integer(rules, "stabilizationWindowSeconds", path, false);
    if (window != null && (window < 0 || window > 3600)) {
      throw new DecideInputException(path + ".stabilizationWindowSeconds", "must be in [0, 3600]");
    }
    String selectName = HpaJson.string(rules, "selectPolicy", path, false);
    SelectPolicy select = selectName == null ? null : SelectPolicy.fromApiName(selectName);
    if (selectName != null && select == null) {
      throw new DecideInputException(path + ".selectPolicy", "must be one of Max, Min, Disabled, was \""
          + selectName + "\"");
    }
    List<ScalingPolicy> policies = null;
    JsonArray policyArray = HpaJson.array(rules, "policies", path, false);
    if (policyArray != null) {
      if (policyArray.isEmpty()) {
        throw new DecideInputException(path + ".policies", "must have at least one policy");
      }
      policies = new ArrayList<>();
      for (int i = 0; i < policyArray.size(); i++) {
        String at = path + ".policies[" + i + "]";
        policies.add(policy(HpaJson.element(policyArray, i, at), at));
      }
    }
    Double tolerance = null;
    Long toleranceMilli = HpaJson.quantity(rules, "tolerance", path, false);
    if (toleranceMilli != null) {
      if (toleranceMilli < 0) {
        throw new DecideInputException(path + ".tolerance", "must be >= 0");
      }
      tolerance = toleranceMilli / 1000.0;
    }
    return up ? ScalingRules.scaleUp(window, select, policies, tolerance)
        : ScalingRules.scaleDown(window, select, policies, tolerance);
  }

  private static ScalingPolicy policy(JsonObject policy, String path) {
    String typeName = HpaJson.string(policy, "type", path, true);
    ScalingPolicyType type = ScalingPolicyType.fromApiName(typeName);
    if (type == null) {
      throw new DecideInputException(path + ".type", "must be one of Pods, Percent, was \"" + typeName + "\"");
    }
    int value = HpaJson.integer(policy, "value", path, true);
    if (value <= 0) {
      throw new DecideInputException(path + ".value", "must be greater than 0");
    }
    int period = HpaJson.integer(policy, "periodSeconds", path, true);
    if (period < 1 || period > 1800) {
      throw new DecideInputException(path + ".periodSeconds", "must be in [1, 1800]");
    }
    return new ScalingPolicy(type, value, period);
  }

  private static Scale scale(JsonObject scale) {
    JsonObject spec = HpaJson.object(scale, "spec", "scale", true);
    int specReplicas = HpaJson.integer(spec, "replicas", "scale.spec", true);
    if (specReplicas < 0) {
      throw new DecideInputException("scale.spec.replicas", "must be >= 0");
    }
    JsonObject status = HpaJson.object(scale, "status", "scale", false);
    Integer statusReplicas = status == null ? null : HpaJson.integer(status, "replicas", "scale.status", false);
    if (statusReplicas != null && statusReplicas < 0) {
      throw new DecideInputException("scale.status.replicas", "must be >= 0");
    }
    String selector = status == null ? null : HpaJson.string(status, "selector", "scale.status", false);
    String selectorError = null;
    if (selector != null && !selector.isBlank()) {
      try {
        LabelSelector.parse(selector);
      } catch (LabelSelectorException e) {
        // kube's own text: the HPA controller puts it after "couldn't convert selector into …: ".
        selectorError = e.reason();
      }
    }
    return new Scale(specReplicas, statusReplicas == null ? specReplicas : statusReplicas, selector, selectorError);
  }

  private static List<PodInfo> pods(JsonObject document, Predicate<Map<String, String>> selector) {
    JsonArray array = HpaJson.array(document, "pods", "", false);
    List<PodInfo> pods = new ArrayList<>();
    if (array == null) {
      return pods;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "pods[" + i + "]";
      JsonObject pod = HpaJson.element(array, i, path);
      JsonObject metadata = HpaJson.object(pod, "metadata", path, true);
      String name = HpaJson.string(metadata, "name", path + ".metadata", true);
      Map<String, String> labels = new HashMap<>();
      JsonObject labelJson = HpaJson.object(metadata, "labels", path + ".metadata", false);
      if (labelJson != null) {
        for (String key : labelJson.fieldNames()) {
          labels.put(key, HpaJson.string(labelJson, key, path + ".metadata.labels", true));
        }
      }
      boolean deleted = HpaJson.time(metadata, "deletionTimestamp", path + ".metadata", false) != null;
      JsonObject spec = HpaJson.object(pod, "spec", path, false);
      List<ContainerRequests> containers = new ArrayList<>();
      if (spec != null) {
        containers(spec, "containers", path + ".spec", false, containers);
        containers(spec, "initContainers", path + ".spec", true, containers);
      }
      JsonObject status = HpaJson.object(pod, "status", path, false);
      PodPhase phase = PodPhase.UNKNOWN;
      Instant start = null;
      Readiness ready = Readiness.ABSENT;
      Instant transition = null;
      if (status != null) {
        phase = phase(HpaJson.string(status, "phase", path + ".status", false), path + ".status.phase");
        start = HpaJson.time(status, "startTime", path + ".status", false);
        JsonArray conditions = HpaJson.array(status, "conditions", path + ".status", false);
        if (conditions != null) {
          for (int c = 0; c < conditions.size(); c++) {
            String at = path + ".status.conditions[" + c + "]";
            JsonObject condition = HpaJson.element(conditions, c, at);
            if ("Ready".equals(HpaJson.string(condition, "type", at, true))) {
              ready = readiness(HpaJson.string(condition, "status", at, true), at + ".status");
              transition = HpaJson.time(condition, "lastTransitionTime", at, false);
            }
          }
        }
      }
      if (selector.test(labels)) {
        pods.add(new PodInfo(name, phase, ready, transition, start, deleted, containers));
      }
    }
    return pods;
  }

  private static void containers(JsonObject spec, String key, String path, boolean init,
      List<ContainerRequests> into) {
    JsonArray array = HpaJson.array(spec, key, path, false);
    if (array == null) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String at = path + "." + key + "[" + i + "]";
      JsonObject container = HpaJson.element(array, i, at);
      String name = HpaJson.string(container, "name", at, true);
      // Only init containers that keep running (sidecars) count towards the pod's request.
      if (init && !"Always".equals(HpaJson.string(container, "restartPolicy", at, false))) {
        continue;
      }
      Map<String, Long> requests = new HashMap<>();
      JsonObject resources = HpaJson.object(container, "resources", at, false);
      JsonObject requestJson = resources == null ? null : HpaJson.object(resources, "requests", at + ".resources",
          false);
      if (requestJson != null) {
        for (String resource : requestJson.fieldNames()) {
          requests.put(resource, HpaJson.quantity(requestJson, resource, at + ".resources.requests", true));
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
        throw new DecideInputException(path, "must be one of Pending, Running, Succeeded, Failed, Unknown, was \""
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
        throw new DecideInputException(path, "must be one of True, False, Unknown, was \"" + status + "\"");
    }
  }

  private static List<PodMetric> podMetrics(JsonObject document) {
    JsonArray array = HpaJson.array(document, "podMetrics", "", false);
    List<PodMetric> metrics = new ArrayList<>();
    if (array == null) {
      return metrics;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "podMetrics[" + i + "]";
      JsonObject metric = HpaJson.element(array, i, path);
      JsonObject metadata = HpaJson.object(metric, "metadata", path, true);
      String name = HpaJson.string(metadata, "name", path + ".metadata", true);
      Instant timestamp = HpaJson.time(metric, "timestamp", path, true);
      Duration window = HpaJson.duration(metric, "window", path, true);
      List<ContainerUsage> containers = new ArrayList<>();
      JsonArray containerArray = HpaJson.array(metric, "containers", path, false);
      if (containerArray != null) {
        for (int c = 0; c < containerArray.size(); c++) {
          String at = path + ".containers[" + c + "]";
          JsonObject container = HpaJson.element(containerArray, c, at);
          Map<String, Long> usage = new HashMap<>();
          JsonObject usageJson = HpaJson.object(container, "usage", at, false);
          if (usageJson != null) {
            for (String resource : usageJson.fieldNames()) {
              usage.put(resource, HpaJson.quantity(usageJson, resource, at + ".usage", true));
            }
          }
          containers.add(new ContainerUsage(HpaJson.string(container, "name", at, true), usage));
        }
      }
      metrics.add(new PodMetric(name, timestamp, window, containers));
    }
    return metrics;
  }

  private static List<MetricValue> metricValues(JsonObject document) {
    JsonArray array = HpaJson.array(document, "metricValues", "", false);
    List<MetricValue> values = new ArrayList<>();
    if (array == null) {
      return values;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "metricValues[" + i + "]";
      JsonObject entry = HpaJson.element(array, i, path);
      String typeName = HpaJson.string(entry, "type", path, true);
      MetricSourceType type = MetricSourceType.fromApiName(typeName);
      if (type != MetricSourceType.PODS && type != MetricSourceType.OBJECT && type != MetricSourceType.EXTERNAL) {
        throw new DecideInputException(path + ".type", "must be one of Pods, Object, External, was \"" + typeName
            + "\"");
      }
      JsonObject metric = HpaJson.object(entry, "metric", path, true);
      String name = HpaJson.string(metric, "name", path + ".metric", true);
      String selector = GoLabelSelectorText.render(HpaJson.object(metric, "selector", path + ".metric", false),
          path + ".metric.selector");
      String pod = HpaJson.string(entry, "pod", path, false);
      JsonObject described = HpaJson.object(entry, "describedObject", path, false);
      ObjectReference object = described == null ? null : reference(described, path + ".describedObject");
      Long value = HpaJson.quantity(entry, "value", path, false);
      String error = HpaJson.string(entry, "error", path, false);
      if ((value == null) == (error == null)) {
        throw new DecideInputException(path, "needs exactly one of value and error");
      }
      if (type == MetricSourceType.PODS && pod == null && error == null) {
        throw new DecideInputException(path + ".pod", "is required for a Pods value");
      }
      values.add(new MetricValue(type, name, selector, pod, object, value, error));
    }
    return values;
  }

  private static HpaConfig config(JsonObject document) {
    JsonObject config = HpaJson.object(document, "config", "", false);
    HpaConfig d = HpaConfig.DEFAULTS;
    if (config == null) {
      return d;
    }
    double up = nonNegative(config, "scaleUpTolerance", d.scaleUpTolerance());
    double down = nonNegative(config, "scaleDownTolerance", d.scaleDownTolerance());
    Duration init = seconds(config, "cpuInitializationPeriodSeconds", d.cpuInitializationPeriod());
    Duration delay = seconds(config, "initialReadinessDelaySeconds", d.initialReadinessDelay());
    Duration stabilization = seconds(config, "downscaleStabilizationSeconds", d.downscaleStabilization());
    double factor = nonNegative(config, "legacyScaleUpLimitFactor", d.legacyScaleUpLimitFactor());
    if (factor <= 0) {
      throw new DecideInputException("config.legacyScaleUpLimitFactor", "must be > 0");
    }
    double minimum = nonNegative(config, "legacyScaleUpLimitMinimum", d.legacyScaleUpLimitMinimum());
    return new HpaConfig(up, down, init, delay, stabilization, factor, minimum);
  }

  private static double nonNegative(JsonObject config, String key, double fallback) {
    Double value = HpaJson.number(config, key, "config", false);
    if (value == null) {
      return fallback;
    }
    if (value < 0) {
      throw new DecideInputException("config." + key, "must be >= 0");
    }
    return value;
  }

  private static Duration seconds(JsonObject config, String key, Duration fallback) {
    Double value = HpaJson.number(config, key, "config", false);
    if (value == null) {
      return fallback;
    }
    if (value < 0) {
      throw new DecideInputException("config." + key, "must be >= 0");
    }
    return Duration.ofMillis(Math.round(value * 1000));
  }

  static HpaState state(JsonObject document) {
    JsonObject state = HpaJson.object(document, "state", "", false);
    if (state == null) {
      return HpaState.FIRST_SIGHT;
    }
    List<Recommendation> recommendations = new ArrayList<>();
    JsonArray recs = HpaJson.array(state, "recommendations", "state", false);
    if (recs != null) {
      for (int i = 0; i < recs.size(); i++) {
        String at = "state.recommendations[" + i + "]";
        JsonObject rec = HpaJson.element(recs, i, at);
        recommendations.add(new Recommendation(HpaJson.time(rec, "timestamp", at, true),
            HpaJson.integer(rec, "replicas", at, true)));
      }
    }
    return new HpaState(recommendations, events(state, "scaleUpEvents"), events(state, "scaleDownEvents"));
  }

  private static List<ScaleEvent> events(JsonObject state, String key) {
    List<ScaleEvent> events = new ArrayList<>();
    JsonArray array = HpaJson.array(state, key, "state", false);
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        String at = "state." + key + "[" + i + "]";
        JsonObject event = HpaJson.element(array, i, at);
        events.add(new ScaleEvent(HpaJson.time(event, "timestamp", at, true),
            HpaJson.integer(event, "replicaChange", at, true)));
      }
    }
    return events;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
