package dev.reflex.core.kpa;

import java.util.Objects;

/**
 * One KPA decision.
 *
 * @param desiredPodCount the pod count to apply: the decider's count after min/max/initial scale and the
 *     scale-to-zero grace; -1 when {@code scaleValid} is false (no change)
 * @param deciderPodCount the decider's own recommendation (after panic and scale-down delay, before bounds); -1
 *     when invalid
 * @param scaleValid false when there was no data to decide on; then nothing should change
 * @param panicMode whether the decider is in panic mode after this decision
 * @param excessBurstCapacity spare capacity beyond the target burst capacity: 0 when TBC is 0, -1 when TBC is
 *     unlimited, else floor(ready × total − TBC − observedPanic); negative means the activator stays in the path
 * @param numActivators how many activators Knative would put in the request path
 * @param observedStableValue the stable-window metric value used (revision total); 0 when invalid
 * @param observedPanicValue the panic-window metric value used (revision total); 0 when invalid
 * @param state the state to pass to the next decision
 */
public record KpaDecision(
    int desiredPodCount,
    int deciderPodCount,
    boolean scaleValid,
    boolean panicMode,
    int excessBurstCapacity,
    int numActivators,
    double observedStableValue,
    double observedPanicValue,
    KpaState state) {

  public KpaDecision {
    Objects.requireNonNull(state, "state");
  }
}
