package dev.reflex.forecast;

import dev.reflex.api.v1alpha1.CrossVersionObjectReference;
import dev.reflex.api.v1alpha1.MetricSourceType;
import dev.reflex.api.v1alpha1.MetricSpec;
import dev.reflex.api.v1alpha1.MetricTarget;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricQuery;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The history queries of a predictive portrait, by the metric conventions of Kapacity's predictive algorithm:
 * {@code metrics[0]} is the Resource or ContainerResource target (its history is the total usage of the workload's
 * Ready pods), {@code metrics[1]} a Pods metric naming the ready-replicas series (queried for the workload, target
 * type {@code NA}), and {@code metrics[2..]} the traffic: Object, External, or Pods (queried for the workload).
 *
 * @param usage total usage of the resource by Ready pods
 * @param replicas ready replicas
 * @param traffic one query per traffic metric, in order
 * @param targetPerReplica the per-replica target in cores or bytes
 */
public record PredictiveQueries(MetricQuery usage, MetricQuery replicas, List<MetricQuery> traffic,
    double targetPerReplica) {

  public PredictiveQueries {
    traffic = List.copyOf(traffic);
  }

  /**
   * Plans the queries.
   *
   * @param namespace the portrait's namespace
   * @param scaleTarget the workload
   * @param metrics the portrait's metrics
   * @param podRequest the workload's per-pod request of the target resource (cores or bytes), needed for a
   *     {@code Utilization} target only
   * @throws IllegalArgumentException naming the metric ({@code metrics[i]...}) that breaks the conventions
   */
  public static PredictiveQueries plan(String namespace, CrossVersionObjectReference scaleTarget,
      List<MetricSpec> metrics, OptionalDouble podRequest) {
    if (metrics == null || metrics.size() < 3) {
      throw new IllegalArgumentException("metrics: a predictive portrait needs the resource target, the ready pods "
          + "metric and at least one traffic metric (3 or more), got " + (metrics == null ? 0 : metrics.size()));
    }
    GroupKind workload = GroupKind.ofApiVersion(scaleTarget.apiVersion(), scaleTarget.kind());
    String name = scaleTarget.name();

    MetricSpec first = metrics.get(0);
    MetricQuery usage;
    double target;
    if (first.type() == MetricSourceType.Resource && first.resource() != null) {
      usage = new MetricQuery.WorkloadResource(workload, namespace, name, first.resource().name(), true);
      target = target(first.resource().target(), podRequest);
    } else if (first.type() == MetricSourceType.ContainerResource && first.containerResource() != null) {
      usage = new MetricQuery.WorkloadContainerResource(workload, namespace, name,
          first.containerResource().name(), first.containerResource().container(), true);
      target = target(first.containerResource().target(), podRequest);
    } else {
      throw new IllegalArgumentException("metrics[0]: must be a Resource or ContainerResource metric (the target "
          + "resource), got " + first.type());
    }

    MetricSpec second = metrics.get(1);
    if (second.type() != MetricSourceType.Pods || second.pods() == null || second.pods().metric() == null) {
      throw new IllegalArgumentException("metrics[1]: must be a Pods metric naming the ready pods series (e.g. "
          + "kube_pod_status_ready), got " + second.type());
    }
    MetricQuery replicas = new MetricQuery.WorkloadExternal(workload, namespace, name,
        metricId(second.pods().metric(), "metrics[1].pods.metric"));

    List<MetricQuery> traffic = new ArrayList<>();
    for (int i = 2; i < metrics.size(); i++) {
      MetricSpec m = metrics.get(i);
      String at = "metrics[" + i + "]";
      if (m.type() == MetricSourceType.Object && m.object() != null) {
        CrossVersionObjectReference ref = m.object().describedObject();
        if (ref == null) {
          throw new IllegalArgumentException(at + ".object.describedObject: must be set");
        }
        traffic.add(new MetricQuery.ObjectMetric(GroupKind.ofApiVersion(ref.apiVersion(), ref.kind()),
            Optional.of(namespace), Optional.ofNullable(ref.name()), LabelSelector.EVERYTHING,
            metricId(m.object().metric(), at + ".object.metric")));
      } else if (m.type() == MetricSourceType.External && m.external() != null) {
        traffic.add(new MetricQuery.External(Optional.of(namespace), metricId(m.external().metric(),
            at + ".external.metric")));
      } else if (m.type() == MetricSourceType.Pods && m.pods() != null) {
        traffic.add(new MetricQuery.WorkloadExternal(workload, namespace, name, metricId(m.pods().metric(),
            at + ".pods.metric")));
      } else {
        throw new IllegalArgumentException(at + ": a traffic metric must be Object, External or Pods, got "
            + m.type());
      }
    }
    return new PredictiveQueries(usage, replicas, traffic, target);
  }

  private static double target(MetricTarget target, OptionalDouble podRequest) {
    if (target == null || target.type() == null) {
      throw new IllegalArgumentException("metrics[0].target: must be set");
    }
    return switch (target.type()) {
      case "AverageValue" -> {
        if (target.averageValue() == null) {
          throw new IllegalArgumentException("metrics[0].target.averageValue: must be set");
        }
        BigDecimal v = target.averageValue().getNumericalAmount();
        yield v.doubleValue();
      }
      case "Utilization" -> {
        if (target.averageUtilization() == null) {
          throw new IllegalArgumentException("metrics[0].target.averageUtilization: must be set");
        }
        if (podRequest.isEmpty() || !(podRequest.getAsDouble() > 0)) {
          throw new IllegalArgumentException("metrics[0].target: a Utilization target needs the pods' resource "
              + "request, and none was found");
        }
        yield target.averageUtilization() / 100.0 * podRequest.getAsDouble();
      }
      default -> throw new IllegalArgumentException("metrics[0].target.type: must be AverageValue or Utilization "
          + "for predictive portraits, got " + target.type());
    };
  }

  private static MetricId metricId(dev.reflex.api.v1alpha1.MetricIdentifier id, String at) {
    if (id == null || id.name() == null || id.name().isBlank()) {
      throw new IllegalArgumentException(at + ".name: must be set");
    }
    return new MetricId(id.name(), selector(id.selector(), at + ".selector"));
  }

  /**
   * A Kubernetes LabelSelector object as a parsed selector, validated as kube validates one.
   *
   * @throws IllegalArgumentException naming the field when it is malformed
   */
  static LabelSelector selector(io.fabric8.kubernetes.api.model.LabelSelector s, String at) {
    if (s == null) {
      return LabelSelector.EVERYTHING;
    }
    JsonObject json = new JsonObject();
    if (s.getMatchLabels() != null) {
      json.put("matchLabels", new JsonObject(new LinkedHashMap<String, Object>(s.getMatchLabels())));
    }
    if (s.getMatchExpressions() != null) {
      JsonArray expressions = new JsonArray();
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        expressions.add(new JsonObject().put("key", r.getKey()).put("operator", r.getOperator())
            .put("values", r.getValues() == null ? null : new JsonArray(new ArrayList<>(r.getValues()))));
      }
      json.put("matchExpressions", expressions);
    }
    return LabelSelector.fromLabelSelectorJson(json, at);
  }
}
