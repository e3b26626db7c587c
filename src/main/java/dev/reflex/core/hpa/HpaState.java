package dev.reflex.core.hpa;

import java.util.List;

/**
 * What the controller remembers about one HPA between reconciles (upstream keeps it in memory and loses it on
 * restart). {@link #FIRST_SIGHT} means the HPA has not been seen yet: the first reconcile seeds the recommendations
 * with the current replica count, which is why a restarted controller cannot scale down for one window.
 *
 * @param recommendations raw recommendations for stabilization
 * @param scaleUpEvents rescales upwards, for the policies (only kept when {@code behavior} is set)
 * @param scaleDownEvents rescales downwards, for the policies (only kept when {@code behavior} is set)
 * @param known whether the controller has seen this HPA before; a known HPA with no recommendations has none to
 *     stabilize over (upstream tells the two apart by whether its map holds the HPA's key at all)
 */
public record HpaState(List<Recommendation> recommendations, List<ScaleEvent> scaleUpEvents,
    List<ScaleEvent> scaleDownEvents, boolean known) {

  /** No history at all: the HPA has not been seen. */
  public static final HpaState FIRST_SIGHT = new HpaState(List.of(), List.of(), List.of(), false);

  /** The state of a known HPA. */
  public HpaState(
      List<Recommendation> recommendations, List<ScaleEvent> scaleUpEvents, List<ScaleEvent> scaleDownEvents) {
    this(recommendations, scaleUpEvents, scaleDownEvents, true);
  }

  public HpaState {
    recommendations = List.copyOf(recommendations);
    scaleUpEvents = List.copyOf(scaleUpEvents);
    scaleDownEvents = List.copyOf(scaleDownEvents);
  }

  /** Whether this HPA has been reconciled before. */
  public boolean seen() {
    return known;
  }
}
