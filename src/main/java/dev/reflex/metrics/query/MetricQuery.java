package dev.reflex.metrics.query;

import dev.reflex.labels.LabelSelector;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric query, as in Kapacity's metric provider: a resource of pods or containers, the total resource of a
 * workload, a custom metric of a Kubernetes object, or an external metric (optionally restricted to a workload's
 * pods). Constructors validate and name the offending field.
 */
public sealed interface MetricQuery {

  /** The Kapacity query type this record stands for, e.g. {@code POD_RESOURCE}. */
  String typeName();

  /**
   * A {@code Pods} metric (HPA style): the named metric of each pod the selector picks, as an object query on kind
   * {@code Pod}.
   */
  static MetricQuery podsMetric(String namespace, LabelSelector pods, MetricId metric) {
    return new ObjectMetric(new GroupKind("", "Pod"), Optional.of(namespace), Optional.empty(), pods, metric);
  }

  /** Pods picked by name or by label selector (the name wins when both are given, as in Kapacity). */
  record PodPick(Optional<String> name, LabelSelector selector) {
    public PodPick {
      name = name.filter(n -> !n.isBlank());
      selector = selector == null ? LabelSelector.EVERYTHING : selector;
    }

    public static PodPick named(String name) {
      return new PodPick(Optional.of(name), LabelSelector.EVERYTHING);
    }

    public static PodPick selected(LabelSelector selector) {
      return new PodPick(Optional.empty(), selector);
    }
  }

  /** Usage of a resource ({@code cpu} in cores, {@code memory} in bytes) by each picked pod. */
  record PodResource(String namespace, PodPick pods, String resource) implements MetricQuery {
    public PodResource {
      namespace = required(namespace, "pod_resource.namespace");
      Objects.requireNonNull(pods, "pods");
      resource = required(resource, "pod_resource.resource_name");
    }

    @Override
    public String typeName() {
      return "POD_RESOURCE";
    }
  }

  /** Usage of a resource by one named container of each picked pod. */
  record ContainerResource(String namespace, PodPick pods, String resource, String container) implements MetricQuery {
    public ContainerResource {
      namespace = required(namespace, "container_resource.namespace");
      Objects.requireNonNull(pods, "pods");
      resource = required(resource, "container_resource.resource_name");
      container = required(container, "container_resource.container_name");
    }

    @Override
    public String typeName() {
      return "CONTAINER_RESOURCE";
    }
  }

  /** Total usage of a resource by a workload's pods (only the Ready ones when {@code readyPodsOnly}). */
  record WorkloadResource(GroupKind workload, String namespace, String name, String resource, boolean readyPodsOnly)
      implements MetricQuery {
    public WorkloadResource {
      Objects.requireNonNull(workload, "workload_resource.group_kind");
      namespace = required(namespace, "workload_resource.namespace");
      name = required(name, "workload_resource.name");
      resource = required(resource, "workload_resource.resource_name");
    }

    @Override
    public String typeName() {
      return "WORKLOAD_RESOURCE";
    }
  }

  /** Total usage of a resource by one container of a workload's pods. */
  record WorkloadContainerResource(GroupKind workload, String namespace, String name, String resource,
      String container, boolean readyPodsOnly) implements MetricQuery {
    public WorkloadContainerResource {
      Objects.requireNonNull(workload, "workload_container_resource.group_kind");
      namespace = required(namespace, "workload_container_resource.namespace");
      name = required(name, "workload_container_resource.name");
      resource = required(resource, "workload_container_resource.resource_name");
      container = required(container, "workload_container_resource.container_name");
    }

    @Override
    public String typeName() {
      return "WORKLOAD_CONTAINER_RESOURCE";
    }
  }

  /**
   * A custom metric describing Kubernetes objects (an Ingress, or pods for a {@code Pods} metric), picked by name or
   * by label selector; an empty namespace means a cluster-scoped object.
   */
  record ObjectMetric(GroupKind kind, Optional<String> namespace, Optional<String> name, LabelSelector selector,
      MetricId metric) implements MetricQuery {
    public ObjectMetric {
      Objects.requireNonNull(kind, "object.group_kind");
      namespace = namespace.filter(n -> !n.isBlank());
      name = name.filter(n -> !n.isBlank());
      selector = selector == null ? LabelSelector.EVERYTHING : selector;
      Objects.requireNonNull(metric, "object.metric");
    }

    @Override
    public String typeName() {
      return "OBJECT";
    }
  }

  /** A metric not tied to a Kubernetes object, optionally scoped to a namespace. */
  record External(Optional<String> namespace, MetricId metric) implements MetricQuery {
    public External {
      namespace = namespace.filter(n -> !n.isBlank());
      Objects.requireNonNull(metric, "external.metric");
    }

    @Override
    public String typeName() {
      return "EXTERNAL";
    }
  }

  /** An external metric restricted to the pods of a workload (Kapacity's ready-replicas history). */
  record WorkloadExternal(GroupKind workload, String namespace, String name, MetricId metric) implements MetricQuery {
    public WorkloadExternal {
      Objects.requireNonNull(workload, "workload_external.group_kind");
      namespace = required(namespace, "workload_external.namespace");
      name = required(name, "workload_external.name");
      Objects.requireNonNull(metric, "workload_external.metric");
    }

    @Override
    public String typeName() {
      return "WORKLOAD_EXTERNAL";
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be empty");
    }
    return value;
  }
}
