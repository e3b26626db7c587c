package dev.reflex.core.hpa;

/**
 * The target's scale subresource.
 *
 * @param specReplicas {@code spec.replicas}: the replica count the HPA treats as current
 * @param statusReplicas {@code status.replicas}: used by AverageValue Object/External metrics
 * @param selector {@code status.selector}; {@code null} or blank makes the reconcile fail with InvalidSelector
 * @param selectorError why the selector could not be parsed, or {@code null} when it parsed (the caller parses it
 *     to select the pods); a parse error makes the reconcile fail with InvalidSelector
 */
public record Scale(int specReplicas, int statusReplicas, String selector, String selectorError) {

  /** A scale whose selector parsed. */
  public Scale(int specReplicas, int statusReplicas, String selector) {
    this(specReplicas, statusReplicas, selector, null);
  }

  public Scale {
    if (specReplicas < 0 || statusReplicas < 0) {
      throw new IllegalArgumentException("replica counts must be >= 0");
    }
  }
}
