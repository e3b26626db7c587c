package dev.reflex.bus;

import io.vertx.core.json.JsonObject;

/**
 * A decision of the IHPA controller that changed a ReplicaProfile: the winning portrait, the clamped target and
 * the profile written. This is the "why it scaled" of {@code scripts/reflex tap reflex.controller.decision}.
 *
 * @param target the IHPA
 * @param provider the winning portrait provider, e.g. {@code Cron} or {@code Dynamic-Reactive}
 * @param portraitReplicas the winning portrait's replicas before clamping
 * @param targetReplicas after clamping to min/max
 * @param online online replicas written
 * @param cutoff cutoff replicas written
 * @param standby standby replicas written
 * @param phase the gray planner's phase ({@code IMMEDIATE}, {@code STEPPING}, {@code OBSERVING}, …)
 */
public record ScalingDecision(TargetKey target, String provider, int portraitReplicas, int targetReplicas,
    int online, int cutoff, int standby, String phase) implements BusMessage {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("type", "ScalingDecision").put("target", target.toString())
        .put("provider", provider).put("portraitReplicas", portraitReplicas).put("targetReplicas", targetReplicas)
        .put("online", online).put("cutoff", cutoff).put("standby", standby).put("phase", phase);
  }
}
