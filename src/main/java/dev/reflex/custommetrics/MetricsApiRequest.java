package dev.reflex.custommetrics;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import java.util.Objects;
import java.util.Optional;

/** One request to the metrics APIs, as {@link MetricsApiPaths} reads it from the path and query. */
sealed interface MetricsApiRequest {

  /** The API version asked for: {@code v1beta1} or {@code v1beta2} (external metrics: {@code v1beta1}). */
  String version();

  /** {@code GET /apis/<group>}: the APIGroup and the versions served (its version is the preferred one). */
  record GroupDocument(String group, String version) implements MetricsApiRequest {
    public GroupDocument {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(version, "version");
    }
  }

  /** {@code GET /apis/<group>/<version>}: the APIResourceList of the metrics served. */
  record ListResources(String group, String version) implements MetricsApiRequest {
    public ListResources {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * A custom metric of objects: one named object, or every object of a resource the label selector picks
   * ({@code name} empty for {@code *}).
   *
   * @param resource the resource as the path names it ({@code pods}, {@code deployments.apps})
   * @param kind the kind of {@code resource}
   * @param namespace empty for cluster-scoped objects (a Namespace's own metrics included)
   * @param name the object, empty for every object the selector picks
   * @param metric the metric name
   * @param objects {@code labelSelector}: which objects, when {@code name} is empty
   * @param metricSelector {@code metricLabelSelector}: which series of the metric
   */
  record ObjectValues(String version, String resource, GroupKind kind, Optional<String> namespace,
      Optional<String> name, String metric, LabelSelector objects, LabelSelector metricSelector)
      implements MetricsApiRequest {
    public ObjectValues {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(metric, "metric");
    }

    /** Whether this asks for pods. */
    boolean pods() {
      return kind.group().isEmpty() && "Pod".equals(kind.kind());
    }

    /** The objects asked for, as the adapter names them in its errors: {@code pods}, {@code deployments.apps x}. */
    String describe() {
      return resource + name.map(n -> " " + n).orElse("");
    }
  }

  /**
   * An external metric of a namespace.
   *
   * @param metricSelector {@code labelSelector}: which series of the metric
   */
  record ExternalValues(String version, String namespace, String metric, LabelSelector metricSelector)
      implements MetricsApiRequest {
    public ExternalValues {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(metric, "metric");
    }
  }
}
