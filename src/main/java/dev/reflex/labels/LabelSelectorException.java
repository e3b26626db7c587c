package dev.reflex.labels;

import dev.reflex.core.GoText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A selector that does not parse or validate. {@link #reason()} is kube's own wording (what kube-apiserver answers
 * in a 400 for a bad {@code labelSelector}, what the HPA controller puts after "couldn't convert selector into a
 * corresponding internal selector object: "); the message puts the caller's field name in front when one was given.
 */
public final class LabelSelectorException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;
  private final transient List<Violation> violations;

  private LabelSelectorException(String message, String field, String reason, List<Violation> violations) {
    super(message);
    this.field = field;
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  /** A string selector that does not parse; {@code field} may be null. */
  static LabelSelectorException unparsable(String field, String reason) {
    return new LabelSelectorException(field == null || field.isEmpty() ? reason : field + ": " + reason, field, reason,
        List.of());
  }

  /**
   * A structured selector at {@code field} (may be null) that fails validation; the reason, and the message, join
   * the violations (whose paths already start with the field) as kube's aggregated error does: one as is, several
   * in brackets, duplicates once.
   */
  static LabelSelectorException invalid(String field, List<Violation> violations) {
    List<String> messages = new ArrayList<>();
    violations.forEach(v -> messages.add(v.message()));
    String reason = aggregate(messages);
    return new LabelSelectorException(reason, field, reason, violations);
  }

  /** How apimachinery's {@code utilerrors.Aggregate} prints a list of errors. */
  static String aggregate(List<String> messages) {
    Set<String> distinct = new LinkedHashSet<>(messages);
    return distinct.size() == 1 ? distinct.iterator().next() : "[" + String.join(", ", distinct) + "]";
  }

  /** The field the caller named, or null. */
  public String field() {
    return field;
  }

  /** Kube's error text, without the field name. */
  public String reason() {
    return reason;
  }

  /** The field errors of a structured selector, each a {@code field.Error}; empty for a string selector. */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * One field error of a structured selector, shaped as apimachinery's {@code field.Error} (and the embedded API
   * server's {@code FieldError}), so a 422 can list it as a cause.
   *
   * @param type {@code FieldValueInvalid}, {@code FieldValueRequired}, {@code FieldValueForbidden} or
   *     {@code FieldValueTypeInvalid}
   * @param field the dotted path, e.g. {@code spec.selector.matchExpressions[0].values}
   * @param value the offending value, or null where kube shows none
   * @param detail what is wrong
   */
  public record Violation(String type, String field, Object value, String detail) {

    public static final String INVALID = "FieldValueInvalid";
    public static final String REQUIRED = "FieldValueRequired";
    public static final String FORBIDDEN = "FieldValueForbidden";
    public static final String TYPE_INVALID = "FieldValueTypeInvalid";

    /** {@code field: body}, as {@code field.Error.Error()} prints it. */
    public String message() {
      return field + ": " + body();
    }

    /** The error without its field: {@code Required value: …}, {@code Invalid value: "x": …}. */
    public String body() {
      String head = switch (type) {
        case REQUIRED -> "Required value";
        case FORBIDDEN -> "Forbidden";
        default -> "Invalid value: " + (value instanceof String s ? GoText.quote(s) : String.valueOf(value));
      };
      return detail.isEmpty() ? head : head + ": " + detail;
    }
  }
}
