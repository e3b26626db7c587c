package dev.reflex.labels;

import dev.reflex.labels.LabelSelectorException.Violation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code metav1.LabelSelector} ({@code matchLabels}, {@code matchExpressions}) as requirements, checked as
 * apimachinery's {@code ValidateLabelSelector} checks one in an object (v0.32): every problem found, each a field
 * error under the selector's path.
 */
final class SelectorJson {

  private SelectorJson() {
  }

  static LabelSelector read(JsonObject selector, String path) {
    if (selector == null) {
      return LabelSelector.EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    String labelsPath = child(path, "matchLabels");
    // Sorted: kube walks a Go map (in no fixed order); a fixed one keeps messages stable.
    Map<String, Object> labels = new TreeMap<>(object(selector, "matchLabels", path).getMap());
    labels.forEach((key, raw) -> {
      if (!(raw instanceof String value)) {
        throw typeError(labelsPath + "." + key, raw, "must be a string");
      }
      int before = violations.size();
      LabelSyntax.keyProblems(key).forEach(p -> violations.add(invalid(labelsPath, key, p)));
      LabelSyntax.valueProblems(value).forEach(p -> violations.add(invalid(labelsPath, value, p)));
      if (violations.size() == before) {
        requirements.add(new Requirement(key, Operator.EQUALS, List.of(value)));
      }
    });
    JsonArray expressions = array(selector, "matchExpressions", path);
    for (int i = 0; i < expressions.size(); i++) {
      String at = child(path, "matchExpressions") + "[" + i + "]";
      if (!(expressions.getValue(i) instanceof JsonObject expression)) {
        throw typeError(at, expressions.getValue(i), "must be an object");
      }
      Requirement requirement = expression(expression, at, violations);
      if (requirement != null) {
        requirements.add(requirement);
      }
    }
    if (!violations.isEmpty()) {
      throw LabelSelectorException.invalid(path, violations);
    }
    return new LabelSelector(requirements);
  }

  // A missing key or operator is the empty string, as a decoded Go struct has it, and fails as that.
  private static Requirement expression(JsonObject expression, String at, List<Violation> violations) {
    int before = violations.size();
    String key = string(expression, "key", at);
    String operatorName = string(expression, "operator", at);
    List<String> values = new ArrayList<>();
    JsonArray array = array(expression, "values", at);
    for (int v = 0; v < array.size(); v++) {
      if (!(array.getValue(v) instanceof String value)) {
        throw typeError(at + ".values[" + v + "]", array.getValue(v), "must be a string");
      }
      values.add(value);
    }
    Operator operator = switch (operatorName) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> null;
    };
    String valuesPath = at + ".values";
    if (operator == null) {
      violations.add(invalid(at + ".operator", operatorName, "not a valid selector operator"));
    } else if ((operator == Operator.IN || operator == Operator.NOT_IN) && values.isEmpty()) {
      violations.add(new Violation(Violation.REQUIRED, valuesPath, null,
          "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if ((operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST) && !values.isEmpty()) {
      violations.add(new Violation(Violation.FORBIDDEN, valuesPath, null,
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
    LabelSyntax.keyProblems(key).forEach(p -> violations.add(invalid(at + ".key", key, p)));
    for (int v = 0; v < values.size(); v++) {
      String value = values.get(v);
      String valuePath = valuesPath + "[" + v + "]";
      LabelSyntax.valueProblems(value).forEach(p -> violations.add(invalid(valuePath, value, p)));
    }
    return violations.size() == before ? new Requirement(key, operator, values) : null;
  }

  private static Violation invalid(String field, Object value, String detail) {
    return new Violation(Violation.INVALID, field, value, detail);
  }

  private static LabelSelectorException typeError(String field, Object value, String detail) {
    return LabelSelectorException.invalid(null, List.of(new Violation(Violation.TYPE_INVALID, field, value, detail)));
  }

  private static JsonObject object(JsonObject parent, String name, String path) {
    Object value = parent.getValue(name);
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw typeError(child(path, name), value, "must be an object");
  }

  private static JsonArray array(JsonObject parent, String name, String path) {
    Object value = parent.getValue(name);
    if (value == null) {
      return new JsonArray();
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw typeError(child(path, name), value, "must be an array");
  }

  private static String string(JsonObject parent, String name, String path) {
    Object value = parent.getValue(name);
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return text;
    }
    throw typeError(child(path, name), value, "must be a string");
  }

  private static String child(String path, String name) {
    return path == null || path.isEmpty() ? name : path + "." + name;
  }
}
