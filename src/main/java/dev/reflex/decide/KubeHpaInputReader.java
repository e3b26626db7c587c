package dev.reflex.decide;

import dev.reflex.core.hpa.ContainerUsage;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.MetricSourceType;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.ObjectReference;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.PodMetric;
import dev.reflex.core.hpa.Recommendation;
import dev.reflex.core.hpa.Scale;
import dev.reflex.core.hpa.ScaleEvent;
import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.LabelSelectorException;
import dev.reflex.objects.GoLabelSelectorText;
import dev.reflex.objects.HpaObjects;
import dev.reflex.objects.InvalidFieldException;
import dev.reflex.objects.ObjectJson;
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
    JsonObject hpa = ObjectJson.object(document, "hpa", "", true);
    HpaSpec spec = HpaObjects.spec(hpa);
    JsonObject scaleJson = ObjectJson.object(document, "scale", "", true);
    Integer proposed = ObjectJson.integer(document, "proposedReplicas", "", false);
    if (proposed != null && proposed < 0) {
      throw new InvalidFieldException("proposedReplicas", "must be >= 0");
    }
    Scale scale = scale(scaleJson);
    Predicate<Map<String, String>> selector = labels -> true;
    if (scale.selector() != null && !scale.selector().isBlank() && scale.selectorError() == null) {
      selector = LabelSelector.parse(scale.selector())::matches;
    }
    return new HpaInput(spec, scale, pods(document, selector), podMetrics(document), metricValues(document), proposed,
        config(document));
  }

  private static Scale scale(JsonObject scale) {
    JsonObject spec = ObjectJson.object(scale, "spec", "scale", true);
    int specReplicas = ObjectJson.integer(spec, "replicas", "scale.spec", true);
    if (specReplicas < 0) {
      throw new InvalidFieldException("scale.spec.replicas", "must be >= 0");
    }
    JsonObject status = ObjectJson.object(scale, "status", "scale", false);
    Integer statusReplicas = status == null ? null : ObjectJson.integer(status, "replicas", "scale.status", false);
    if (statusReplicas != null && statusReplicas < 0) {
      throw new InvalidFieldException("scale.status.replicas", "must be >= 0");
    }
    String selector = status == null ? null : ObjectJson.string(status, "selector", "scale.status", false);
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
    JsonArray array = ObjectJson.array(document, "pods", "", false);
    List<PodInfo> pods = new ArrayList<>();
    if (array == null) {
      return pods;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "pods[" + i + "]";
      JsonObject pod = ObjectJson.element(array, i, path);
      if (selector.test(HpaObjects.labels(pod, path))) {
        pods.add(HpaObjects.pod(pod, path));
      }
    }
    return pods;
  }

  private static List<PodMetric> podMetrics(JsonObject document) {
    JsonArray array = ObjectJson.array(document, "podMetrics", "", false);
    List<PodMetric> metrics = new ArrayList<>();
    if (array == null) {
      return metrics;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "podMetrics[" + i + "]";
      JsonObject metric = ObjectJson.element(array, i, path);
      JsonObject metadata = ObjectJson.object(metric, "metadata", path, true);
      String name = ObjectJson.string(metadata, "name", path + ".metadata", true);
      Instant timestamp = ObjectJson.time(metric, "timestamp", path, true);
      Duration window = ObjectJson.duration(metric, "window", path, true);
      List<ContainerUsage> containers = new ArrayList<>();
      JsonArray containerArray = ObjectJson.array(metric, "containers", path, false);
      if (containerArray != null) {
        for (int c = 0; c < containerArray.size(); c++) {
          String at = path + ".containers[" + c + "]";
          JsonObject container = ObjectJson.element(containerArray, c, at);
          Map<String, Long> usage = new HashMap<>();
          JsonObject usageJson = ObjectJson.object(container, "usage", at, false);
          if (usageJson != null) {
            for (String resource : usageJson.fieldNames()) {
              usage.put(resource, ObjectJson.quantity(usageJson, resource, at + ".usage", true));
            }
          }
          containers.add(new ContainerUsage(ObjectJson.string(container, "name", at, true), usage));
        }
      }
      metrics.add(new PodMetric(name, timestamp, window, containers));
    }
    return metrics;
  }

  private static List<MetricValue> metricValues(JsonObject document) {
    JsonArray array = ObjectJson.array(document, "metricValues", "", false);
    List<MetricValue> values = new ArrayList<>();
    if (array == null) {
      return values;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "metricValues[" + i + "]";
      JsonObject entry = ObjectJson.element(array, i, path);
      String typeName = ObjectJson.string(entry, "type", path, true);
      MetricSourceType type = MetricSourceType.fromApiName(typeName);
      if (type != MetricSourceType.PODS && type != MetricSourceType.OBJECT && type != MetricSourceType.EXTERNAL) {
        throw new InvalidFieldException(path + ".type", "must be one of Pods, Object, External, was \"" + typeName
            + "\"");
      }
      JsonObject metric = ObjectJson.object(entry, "metric", path, true);
      String name = ObjectJson.string(metric, "name", path + ".metric", true);
      String selector = GoLabelSelectorText.render(ObjectJson.object(metric, "selector", path + ".metric", false),
          path + ".metric.selector");
      String pod = ObjectJson.string(entry, "pod", path, false);
      JsonObject described = ObjectJson.object(entry, "describedObject", path, false);
      ObjectReference object = described == null ? null : HpaObjects.reference(described, path + ".describedObject");
      Long value = ObjectJson.quantity(entry, "value", path, false);
      String error = ObjectJson.string(entry, "error", path, false);
      if ((value == null) == (error == null)) {
        throw new InvalidFieldException(path, "needs exactly one of value and error");
      }
      if (type == MetricSourceType.PODS && pod == null && error == null) {
        throw new InvalidFieldException(path + ".pod", "is required for a Pods value");
      }
      values.add(new MetricValue(type, name, selector, pod, object, value, error));
    }
    return values;
  }

  private static HpaConfig config(JsonObject document) {
    JsonObject config = ObjectJson.object(document, "config", "", false);
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
      throw new InvalidFieldException("config.legacyScaleUpLimitFactor", "must be > 0");
    }
    double minimum = nonNegative(config, "legacyScaleUpLimitMinimum", d.legacyScaleUpLimitMinimum());
    return new HpaConfig(up, down, init, delay, stabilization, factor, minimum);
  }

  private static double nonNegative(JsonObject config, String key, double fallback) {
    Double value = ObjectJson.number(config, key, "config", false);
    if (value == null) {
      return fallback;
    }
    if (value < 0) {
      throw new InvalidFieldException("config." + key, "must be >= 0");
    }
    return value;
  }

  private static Duration seconds(JsonObject config, String key, Duration fallback) {
    Double value = ObjectJson.number(config, key, "config", false);
    if (value == null) {
      return fallback;
    }
    if (value < 0) {
      throw new InvalidFieldException("config." + key, "must be >= 0");
    }
    return Duration.ofMillis(Math.round(value * 1000));
  }

  static HpaState state(JsonObject document) {
    JsonObject state = ObjectJson.object(document, "state", "", false);
    if (state == null) {
      return HpaState.FIRST_SIGHT;
    }
    List<Recommendation> recommendations = new ArrayList<>();
    JsonArray recs = ObjectJson.array(state, "recommendations", "state", false);
    if (recs != null) {
      for (int i = 0; i < recs.size(); i++) {
        String at = "state.recommendations[" + i + "]";
        JsonObject rec = ObjectJson.element(recs, i, at);
        recommendations.add(new Recommendation(ObjectJson.time(rec, "timestamp", at, true),
            ObjectJson.integer(rec, "replicas", at, true)));
      }
    }
    return new HpaState(recommendations, events(state, "scaleUpEvents"), events(state, "scaleDownEvents"));
  }

  private static List<ScaleEvent> events(JsonObject state, String key) {
    List<ScaleEvent> events = new ArrayList<>();
    JsonArray array = ObjectJson.array(state, key, "state", false);
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        String at = "state." + key + "[" + i + "]";
        JsonObject event = ObjectJson.element(array, i, at);
        events.add(new ScaleEvent(ObjectJson.time(event, "timestamp", at, true),
            ObjectJson.integer(event, "replicaChange", at, true)));
      }
    }
    return events;
  }

}
