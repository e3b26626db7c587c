package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * A custom or external metric's name and label selector.
 *
 * @param name the metric name
 * @param selector the selector rendered as upstream prints it in messages (for example {@code
 *     &LabelSelector{MatchLabels:map[string]string{env: prod,},MatchExpressions:[]LabelSelectorRequirement{},}}),
 *     or {@code null} when the metric has no selector; metric values are matched on this text
 */
public record MetricIdentifier(String name, String selector) {

  public MetricIdentifier {
    Objects.requireNonNull(name, "name");
  }

  /** The selector as upstream's {@code %+v} prints it: the rendered text, or {@code <nil>}. */
  public String selectorText() {
    return selector == null ? "<nil>" : selector;
  }
}
