package dev.reflex.decide;

import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.objects.ObjectJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code reflex decide} for {@code "algorithm": "KubeHPA"}: reads an autoscaling/v2 HPA, the target's scale, the
 * selected pods, their resource metrics and the custom/external metric values, decides one reconcile with
 * {@link KubeHpa}, and writes the decision with the state to feed into the next document.
 */
public final class KubeHpaDecide implements DecideAlgorithm {

  @Override
  public String name() {
    return "KubeHPA";
  }

  @Override
  public JsonObject decide(JsonObject document) {
    Instant now = ObjectJson.time(document, "now", "", true);
    HpaInput input = KubeHpaInputReader.input(document);
    HpaState state = KubeHpaInputReader.state(document);
    HpaDecision decision = KubeHpa.decide(input, state, now);
    JsonObject spec = document.getJsonObject("hpa").getJsonObject("spec");
    JsonArray metrics = spec.getValue("metrics") instanceof JsonArray ? spec.getJsonArray("metrics") : null;
    return KubeHpaOutputWriter.write(decision, metrics);
  }
}
