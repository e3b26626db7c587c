package dev.reflex.objects;

import dev.reflex.core.hpa.HpaCondition;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An HPA decision in autoscaling/v2's shapes: the {@code currentMetrics} and {@code conditions} of an HPA's status,
 * as kube-controller-manager writes them (the what-if command prints the same).
 */
public final class HpaStatusJson {

  private HpaStatusJson() {
  }

  /**
   * The {@code currentMetrics}, one per metric of the spec.
   *
   * @param metricsJson the HPA's {@code spec.metrics} (to echo metric identifiers), or {@code null}
   */
  public static JsonArray currentMetrics(HpaDecision decision, JsonArray metricsJson) {
    JsonArray metrics = new JsonArray();
    List<MetricStatus> statuses = decision.currentMetrics();
    for (int i = 0; i < statuses.size(); i++) {
      JsonObject specJson = metricsJson != null && i < metricsJson.size()
          && metricsJson.getValue(i) instanceof JsonObject ? metricsJson.getJsonObject(i) : null;
      metrics.add(metricStatus(statuses.get(i), specJson));
    }
    return metrics;
  }

  /** The conditions the decision set, without transition times (the writer keeps or sets those). */
  public static JsonArray conditions(HpaDecision decision) {
    JsonArray conditions = new JsonArray();
    for (HpaCondition condition : decision.conditions()) {
      conditions.add(new JsonObject()
          .put("type", condition.type().apiName())
          .put("status", condition.status() ? "True" : "False")
          .put("reason", condition.reason().apiName())
          .put("message", condition.message()));
    }
    return conditions;
  }

  /** One autoscaling/v2 MetricStatus; a failed metric is the zero value upstream writes ({@code "type": ""}). */
  private static JsonObject metricStatus(MetricStatus status, JsonObject specJson) {
    MetricSpec spec = status.spec();
    if (spec == null) {
      return new JsonObject().put("type", "");
    }
    JsonObject current = new JsonObject();
    if (status.averageUtilization() != null) {
      current.put("averageUtilization", status.averageUtilization());
    }
    boolean memory = spec instanceof MetricSpec.ResourceMetric r && "memory".equals(r.resource())
        || spec instanceof MetricSpec.ContainerResourceMetric c && "memory".equals(c.resource());
    if (status.averageValue() != null) {
      current.put("averageValue", memory ? Quantity.formatBinary(status.averageValue())
          : Quantity.formatDecimal(status.averageValue()));
    }
    if (status.value() != null) {
      current.put("value", Quantity.formatDecimal(status.value()));
    }
    String type = spec.sourceType().apiName();
    String field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    JsonObject body = new JsonObject();
    if (spec instanceof MetricSpec.ResourceMetric resource) {
      body.put("name", resource.resource());
    } else if (spec instanceof MetricSpec.ContainerResourceMetric container) {
      body.put("name", container.resource()).put("container", container.container());
    } else {
      JsonObject source = specJson == null ? null : specJson.getJsonObject(field);
      if (spec instanceof MetricSpec.ObjectMetric object) {
        JsonObject described = new JsonObject().put("kind", object.describedObject().kind())
            .put("name", object.describedObject().name());
        if (object.describedObject().apiVersion() != null) {
          described.put("apiVersion", object.describedObject().apiVersion());
        }
        body.put("describedObject", described);
      }
      JsonObject metric = source != null && source.getValue("metric") instanceof JsonObject
          ? source.getJsonObject("metric").copy() : new JsonObject().put("name", metricName(spec));
      body.put("metric", metric);
    }
    body.put("current", current);
    return new JsonObject().put("type", type).put(field, body);
  }

  private static String metricName(MetricSpec spec) {
    if (spec instanceof MetricSpec.PodsMetric pods) {
      return pods.metric().name();
    } else if (spec instanceof MetricSpec.ObjectMetric object) {
      return object.metric().name();
    } else if (spec instanceof MetricSpec.ExternalMetric external) {
      return external.metric().name();
    }
    return "";
  }
}
