package dev.reflex.decide;

import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaEvent;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.Recommendation;
import dev.reflex.core.hpa.ScaleEvent;
import dev.reflex.objects.HpaStatusJson;
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
    out.put("currentMetrics", HpaStatusJson.currentMetrics(decision, metricsJson));
    out.put("conditions", HpaStatusJson.conditions(decision));
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
}
