package dev.reflex.api.validation;

import java.util.Objects;

/**
 * One problem in a spec: the field path in kubectl's notation (for example
 * {@code spec.portraitProviders[0].cron.crons[1].start}) and what is wrong with it, in words a user can act on.
 *
 * @param field path of the offending field from the resource root
 * @param problem what is wrong, starting in lower case
 */
public record Violation(String field, String problem) {

  /** Validates that both parts are present. */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }

  /** Renders the violation as {@code field: problem}. */
  public String render() {
    return field + ": " + problem;
  }

  @Override
  public String toString() {
    return render();
  }
}
