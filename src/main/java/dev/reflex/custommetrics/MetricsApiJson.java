package dev.reflex.custommetrics;

import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.Requirement;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The answers of the metrics APIs, in the JSON shapes of their versions. */
final class MetricsApiJson {

  /**
   * A custom metric's value for one object.
   *
   * @param namespace empty for a cluster-scoped object
   * @param metricSelector the {@code metricLabelSelector} the value was read under
   * @param windowSeconds the window a rate was computed over, when known (a streamed gauge has none)
   */
  record ObjectValue(GroupKind kind, String namespace, String name, String metric, LabelSelector metricSelector,
      Instant timestamp, Optional<Long> windowSeconds, double value) {
    ObjectValue {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** An external metric's value for one series, with the series' labels. */
  record ExternalValue(String metric, Map<String, String> labels, Instant timestamp, Optional<Long> windowSeconds,
      double value) {
    ExternalValue {
      labels = Map.copyOf(labels);
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** One entry of a resource list: {@code pods/http_requests} (custom) or {@code queue_depth} (external). */
  record Listed(String name, boolean namespaced) {
  }

  private MetricsApiJson() {
  }

  /** A {@code MetricValueList} of {@code custom.metrics.k8s.io/<version>}. */
  static JsonObject objectList(String version, List<ObjectValue> values) {
    JsonArray items = new JsonArray();
    for (ObjectValue v : values) {
      JsonObject described = new JsonObject().put("kind", v.kind().kind());
      if (!v.namespace().isEmpty()) {
        described.put("namespace", v.namespace());
      }
      described.put("name", v.name()).put("apiVersion", ObjectKinds.apiVersionOf(v.kind()));
      JsonObject item = new JsonObject().put("describedObject", described);
      if ("v1beta1".equals(version)) {
        item.put("metricName", v.metric());
      } else {
        item.put("metric", new JsonObject().put("name", v.metric()).put("selector", selector(v.metricSelector())));
      }
      item.put("timestamp", time(v.timestamp()));
      v.windowSeconds().ifPresent(w -> item.put("windowSeconds", w));
      item.put("value", quantity(v.value()));
      if ("v1beta1".equals(version)) {
        item.put("selector", selector(v.metricSelector()));
      }
      items.add(item);
    }
    return list("MetricValueList", MetricsApiPaths.CUSTOM + "/" + version, items);
  }

  /** An {@code ExternalMetricValueList}. */
  static JsonObject externalList(List<ExternalValue> values) {
    JsonArray items = new JsonArray();
    for (ExternalValue v : values) {
      JsonObject item = new JsonObject().put("metricName", v.metric())
          .put("metricLabels", new JsonObject(new TreeMap<>(v.labels())))
          .put("timestamp", time(v.timestamp()));
      v.windowSeconds().ifPresent(w -> item.put("window", w));
      items.add(item.put("value", quantity(v.value())));
    }
    return list("ExternalMetricValueList", MetricsApiPaths.EXTERNAL + "/" + MetricsApiPaths.EXTERNAL_VERSION, items);
  }

  /** The {@code APIResourceList} of one group version. */
  static JsonObject resourceList(String group, String version, List<Listed> listed) {
    boolean external = MetricsApiPaths.EXTERNAL.equals(group);
    JsonArray resources = new JsonArray();
    listed.forEach(l -> resources.add(new JsonObject().put("name", l.name()).put("singularName", "")
        .put("namespaced", l.namespaced()).put("kind", external ? "ExternalMetricValueList" : "MetricValueList")
        .put("verbs", new JsonArray().add("get"))));
    return new JsonObject().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", group + "/" + version).put("resources", resources);
  }

  /** The {@code Status} of a failed request. */
  static JsonObject status(MetricsApiException e) {
    return new JsonObject().put("kind", "Status").put("apiVersion", "v1").put("metadata", new JsonObject())
        .put("status", "Failure").put("message", e.getMessage()).put("reason", e.reason()).put("code", e.code());
  }

  /** A value as a Kubernetes quantity in its canonical form: 715.7 is {@code 715700m}, 2000 is {@code 2k}. */
  static String quantity(double value) {
    return Quantity.formatDecimal(Quantity.milliOf(value));
  }

  private static JsonObject list(String kind, String apiVersion, JsonArray items) {
    return new JsonObject().put("kind", kind).put("apiVersion", apiVersion).put("metadata", new JsonObject())
        .put("items", items);
  }

  private static String time(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * The metric selector as a {@code metav1.LabelSelector}, null when empty. Equality is a {@code matchLabels}
   * entry; set and existence requirements are {@code matchExpressions}; {@code gt}/{@code lt}, which a
   * LabelSelector cannot carry, are left out (they still filtered the series).
   */
  private static JsonObject selector(LabelSelector selector) {
    if (selector.isEmpty()) {
      return null;
    }
    JsonObject matchLabels = new JsonObject();
    JsonArray expressions = new JsonArray();
    for (Requirement r : selector.requirements()) {
      switch (r.operator()) {
        case EQUALS, DOUBLE_EQUALS -> matchLabels.put(r.key(), r.values().get(0));
        case IN -> expressions.add(expression(r, "In"));
        case NOT_IN, NOT_EQUALS -> expressions.add(expression(r, "NotIn"));
        case EXISTS -> expressions.add(expression(r, "Exists"));
        case DOES_NOT_EXIST -> expressions.add(expression(r, "DoesNotExist"));
        default -> {
          // gt and lt have no LabelSelector form.
        }
      }
    }
    JsonObject out = new JsonObject();
    if (!matchLabels.isEmpty()) {
      out.put("matchLabels", matchLabels);
    }
    if (!expressions.isEmpty()) {
      out.put("matchExpressions", expressions);
    }
    return out;
  }

  private static JsonObject expression(Requirement r, String operator) {
    JsonObject e = new JsonObject().put("key", r.key()).put("operator", operator);
    if (!r.values().isEmpty()) {
      e.put("values", new JsonArray(List.copyOf(r.values())));
    }
    return e;
  }
}
