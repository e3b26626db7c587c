package dev.reflex.grpc;

import dev.reflex.grpc.proto.ContainerResourceQuery;
import dev.reflex.grpc.proto.ExternalQuery;
import dev.reflex.grpc.proto.ObjectQuery;
import dev.reflex.grpc.proto.PodResourceQuery;
import dev.reflex.grpc.proto.Query;
import dev.reflex.grpc.proto.WorkloadContainerResourceQuery;
import dev.reflex.grpc.proto.WorkloadExternalQuery;
import dev.reflex.grpc.proto.WorkloadResourceQuery;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQuery.PodPick;
import java.util.Optional;

/**
 * Wire {@link Query} to {@link MetricQuery}. As in Kapacity, the {@code type} enum decides which member of the
 * {@code query} oneof is read; a name wins over a selector; selectors are Kubernetes label-selector strings. Bad
 * input is an {@link IllegalArgumentException} naming the field.
 */
public final class ProtoQueries {

  private ProtoQueries() {
  }

  /** Converts a wire query. */
  public static MetricQuery fromProto(Query query) {
    return switch (query.getType()) {
      case POD_RESOURCE -> {
        PodResourceQuery q = query.getPodResource();
        yield new MetricQuery.PodResource(q.getNamespace(), pick(q.getName(), q.getSelector(),
            "pod_resource.selector"), q.getResourceName());
      }
      case CONTAINER_RESOURCE -> {
        ContainerResourceQuery q = query.getContainerResource();
        yield new MetricQuery.ContainerResource(q.getNamespace(), pick(q.getName(), q.getSelector(),
            "container_resource.selector"), q.getResourceName(), q.getContainerName());
      }
      case WORKLOAD_RESOURCE -> {
        WorkloadResourceQuery q = query.getWorkloadResource();
        yield new MetricQuery.WorkloadResource(groupKind(q.getGroupKind(), q.hasGroupKind(),
            "workload_resource.group_kind"), q.getNamespace(), q.getName(), q.getResourceName(),
            q.getReadyPodsOnly());
      }
      case WORKLOAD_CONTAINER_RESOURCE -> {
        WorkloadContainerResourceQuery q = query.getWorkloadContainerResource();
        yield new MetricQuery.WorkloadContainerResource(groupKind(q.getGroupKind(), q.hasGroupKind(),
            "workload_container_resource.group_kind"), q.getNamespace(), q.getName(), q.getResourceName(),
            q.getContainerName(), q.getReadyPodsOnly());
      }
      case OBJECT -> {
        ObjectQuery q = query.getObject();
        yield new MetricQuery.ObjectMetric(groupKind(q.getGroupKind(), q.hasGroupKind(), "object.group_kind"),
            q.hasNamespace() ? Optional.of(q.getNamespace()) : Optional.empty(), Optional.of(q.getName()),
            LabelSelector.parse(q.getName().isEmpty() ? q.getSelector() : "", "object.selector"),
            metric(q.getMetric(), q.hasMetric(), "object.metric"));
      }
      case EXTERNAL -> {
        ExternalQuery q = query.getExternal();
        yield new MetricQuery.External(q.hasNamespace() ? Optional.of(q.getNamespace()) : Optional.empty(),
            metric(q.getMetric(), q.hasMetric(), "external.metric"));
      }
      case WORKLOAD_EXTERNAL -> {
        WorkloadExternalQuery q = query.getWorkloadExternal();
        yield new MetricQuery.WorkloadExternal(groupKind(q.getGroupKind(), q.hasGroupKind(),
            "workload_external.group_kind"), q.getNamespace(), q.getName(),
            metric(q.getMetric(), q.hasMetric(), "workload_external.metric"));
      }
      default -> throw new IllegalArgumentException("type: unknown query type " + query.getTypeValue());
    };
  }

  private static PodPick pick(String name, String selector, String field) {
    return name.isEmpty() ? PodPick.selected(LabelSelector.parse(selector, field)) : PodPick.named(name);
  }

  private static GroupKind groupKind(dev.reflex.grpc.proto.GroupKind gk, boolean present, String field) {
    if (!present || gk.getKind().isEmpty()) {
      throw new IllegalArgumentException(field + ".kind: must not be empty");
    }
    return new GroupKind(gk.getGroup(), gk.getKind());
  }

  private static MetricId metric(dev.reflex.grpc.proto.MetricIdentifier id, boolean present, String field) {
    if (!present || id.getName().isEmpty()) {
      throw new IllegalArgumentException(field + ".name: must not be empty");
    }
    return new MetricId(id.getName(), LabelSelector.parse(id.hasSelector() ? id.getSelector() : "",
        field + ".selector"));
  }
}
