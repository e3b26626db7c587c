package dev.reflex.api.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one spec: the violations in the order the fields appear in the spec, empty when the spec
 * is valid.
 *
 * @param violations the problems found, in spec order
 */
public record ValidationResult(List<Violation> violations) {

  /** Condition type an invalid IHPA reports on, with status False. */
  public static final String CONDITION_TYPE = "ScalingActive";

  /** Condition and event reason of an invalid spec. */
  public static final String REASON = "InvalidSpec";

  /** How many violations the condition message spells out before summarising the rest. */
  static final int MESSAGE_LIMIT = 5;

  /** Copies the list. */
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  /** True when nothing is wrong. */
  public boolean valid() {
    return violations.isEmpty();
  }

  /**
   * The message of the {@code ScalingActive=False/InvalidSpec} condition and of its Warning event: the first few
   * violations joined by "; " and a count of the rest, for example
   * {@code invalid spec: spec.maxReplicas: must not be less than minReplicas (3), got 2}. Empty when valid.
   */
  public String conditionMessage() {
    if (valid()) {
      return "";
    }
    String shown = violations.stream().limit(MESSAGE_LIMIT).map(Violation::render).collect(Collectors.joining("; "));
    int rest = violations.size() - MESSAGE_LIMIT;
    return "invalid spec: " + shown + (rest > 0 ? "; and " + rest + " more" : "");
  }
}
