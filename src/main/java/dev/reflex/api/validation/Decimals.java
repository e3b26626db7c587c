package dev.reflex.api.validation;

import java.math.BigDecimal;
import java.util.Optional;

/** Parses decimals held in strings, the way Kapacity and Knative store fractional parameters. */
final class Decimals {

  private Decimals() {
  }

  static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks an optional decimal field against an inclusive range (either bound may be null) and returns its value
   * when present and valid.
   */
  static Optional<BigDecimal> check(Checks checks, String field, String text, String min, String max) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<BigDecimal> value = parse(text);
    if (value.isEmpty()) {
      checks.add(field, "\"" + text + "\" is not a decimal number");
      return Optional.empty();
    }
    BigDecimal v = value.get();
    if (min != null && v.compareTo(new BigDecimal(min)) < 0) {
      checks.add(field, "must be at least " + min + ", got " + text);
      return Optional.empty();
    }
    if (max != null && v.compareTo(new BigDecimal(max)) > 0) {
      checks.add(field, "must be at most " + max + ", got " + text);
      return Optional.empty();
    }
    return value;
  }
}
