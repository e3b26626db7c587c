package dev.reflex.core.hpa;

import java.util.Objects;

/** One entry of {@code spec.metrics}: a metric source and its target. */
public sealed interface MetricSpec {

  /** The metric source type. */
  MetricSourceType sourceType();

  /** Average of a resource (cpu, memory) over all containers of each selected pod. */
  record ResourceMetric(String resource, MetricTarget target) implements MetricSpec {
    public ResourceMetric {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public MetricSourceType sourceType() {
      return MetricSourceType.RESOURCE;
    }
  }

  /** Average of a resource of one named container of each selected pod. */
  record ContainerResourceMetric(String resource, String container, MetricTarget target) implements MetricSpec {
    public ContainerResourceMetric {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public MetricSourceType sourceType() {
      return MetricSourceType.CONTAINER_RESOURCE;
    }
  }

  /** A custom metric reported per pod, averaged over the pods (AverageValue targets only). */
  record PodsMetric(MetricIdentifier metric, MetricTarget target) implements MetricSpec {
    public PodsMetric {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public MetricSourceType sourceType() {
      return MetricSourceType.PODS;
    }
  }

  /** A custom metric describing one Kubernetes object (Value or AverageValue targets). */
  record ObjectMetric(ObjectReference describedObject, MetricIdentifier metric, MetricTarget target)
      implements MetricSpec {
    public ObjectMetric {
      Objects.requireNonNull(describedObject, "describedObject");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public MetricSourceType sourceType() {
      return MetricSourceType.OBJECT;
    }
  }

  /** A metric from outside the cluster; all series matching the selector are summed. */
  record ExternalMetric(MetricIdentifier metric, MetricTarget target) implements MetricSpec {
    public ExternalMetric {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public MetricSourceType sourceType() {
      return MetricSourceType.EXTERNAL;
    }
  }

  /**
   * A metric whose {@code type} is none of the five; upstream reports it as {@code InvalidMetricSourceType}.
   *
   * @param type the type as written in the spec
   */
  record UnknownMetric(String type) implements MetricSpec {
    public UnknownMetric {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public MetricSourceType sourceType() {
      return null;
    }
  }
}
