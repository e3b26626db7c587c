package dev.reflex.decide;

import dev.reflex.core.hpa.HpaCondition;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaEvent;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricStatus;
import dev.reflex.core.hpa.Recommendation;
import dev.reflex.core.hpa.ScaleEvent;
import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Renders a KubeHPA decision as the decide output document (autoscaling/v2 shapes for metric statuses). */
final class KubeHpaOutputWriter {

  private KubeHpaOutputWriter() {
  }

  /**
   * The output document.
   *
   * @param decision the core's decision
   * @param metricsJson the input's {@code hpa.spec.metrics} (to echo metric identifiers), or {@code null}
   */
  static JsonObject write(HpaDecision decision, JsonArray metricsJson) {
    JsonObject out = new JsonObject()
        .put("algorithm", "KubeHPA")
        .put("currentReplicas", decision.currentReplicas())
        .put("desiredReplicas", decision.desiredReplicas())
        .put("scaleUpdated", decision.scaleUpdated());
    if (decision.rescaleReason() != null) {
      out.put("rescaleReason", decision.rescaleReason());
    }
    JsonArray metrics = new JsonArray();
    List<MetricStatus> statuses = decision.currentMetrics();
    for (int i = 0; i < statuses.size(); i++) {
      JsonObject specJson = metricsJson != null && i < metricsJson.size()
          && metricsJson.getValue(i) instanceof JsonObject ? metricsJson.getJsonObject(i) : null;
      metrics.add(metricStatus(statuses.get(i), specJson));
    }
    out.put("currentMetrics", metrics);
    JsonArray conditions = new JsonArray();
    for (HpaCondition condition : decision.conditions()) {
      conditions.add(new JsonObject()
          .put("type", condition.type().apiName())
          .put("status", condition.status() ? "True" : "False")
          .put("reason", condition.reason().apiName())
          .put("message", condition.message()));
    }
    out.put("conditions", conditions);
    JsonArray events = new JsonArray();
    for (HpaEvent event : decision.events()) {
      events.add(new JsonObject()
          .put("type", event.type())
          .put("reason", event.reason().apiName())
          .put("message", event.message()));
    }
    out.put("events", events);
    if (decision.error() != null) {
      out.put("error", decision.error());
    }
    out.put("state", state(decision.nextState()));
    return out;
  }

  static JsonObject state(HpaState state) {
    JsonArray recommendations = new JsonArray();
    for (Recommendation rec : state.recommendations()) {
      recommendations.add(new JsonObject().put("timestamp", rec.timestamp().toString())
          .put("replicas", rec.replicas()));
    }
    return new JsonObject()
        .put("recommendations", recommendations)
        .put("scaleUpEvents", events(state.scaleUpEvents()))
        .put("scaleDownEvents", events(state.scaleDownEvents()));
  }

  private static JsonArray events(List<ScaleEvent> events) {
    JsonArray array = new JsonArray();
    for (ScaleEvent event : events) {
      array.add(new JsonObject().put("timestamp", event.timestamp().toString())
          .put("replicaChange", event.replicaChange()));
    }
    return array;
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
