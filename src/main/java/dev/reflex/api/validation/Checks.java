package dev.reflex.api.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while the rule classes walk a spec; one instance per validation. */
final class Checks {

  private final List<Violation> found = new ArrayList<>();

  void add(String field, String problem) {
    found.add(new Violation(field, problem));
  }

  /** Adds "is required" when the value is null (or a blank string) and tells whether it was present. */
  boolean required(String field, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      add(field, "is required");
      return false;
    }
    return true;
  }

  /** Adds a violation when a present integer is below the minimum. */
  void atLeast(String field, Integer value, int min) {
    if (value != null && value < min) {
      add(field, "must be at least " + min + ", got " + value);
    }
  }

  /** Adds a violation when a present integer is above the maximum. */
  void atMost(String field, Integer value, int max) {
    if (value != null && value > max) {
      add(field, "must be at most " + max + ", got " + value);
    }
  }

  /** Adds "must be absent for ..." when a member of another type is set. */
  void absent(String field, Object value, String forWhat) {
    if (value != null) {
      add(field, "must be absent for " + forWhat);
    }
  }

  ValidationResult result() {
    return new ValidationResult(found);
  }
}
