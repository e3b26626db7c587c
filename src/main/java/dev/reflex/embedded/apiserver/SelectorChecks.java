package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * metav1.LabelSelector semantics for validation: whether a selector matches a set of labels, and the structural
 * errors of its match expressions. A nil selector matches nothing (kube's {@code labels.Nothing()}), which is why a
 * workload without selector fails twice: selector required, and the template labels not matched.
 */
final class SelectorChecks {

  private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

  private SelectorChecks() {
  }

  static boolean matches(JsonObject selector, JsonObject labels) {
    if (selector == null) {
      return false;
    }
    JsonObject set = labels == null ? new JsonObject() : labels;
    JsonObject matchLabels = JsonNodes.object(selector, "matchLabels");
    if (matchLabels != null) {
      for (String key : matchLabels.fieldNames()) {
        if (!String.valueOf(matchLabels.getValue(key)).equals(set.getValue(key))) {
          return false;
        }
      }
    }
    for (JsonObject expression : JsonNodes.objects(selector, "matchExpressions")) {
      String key = JsonNodes.string(expression, "key");
      JsonArray values = expression.getValue("values") instanceof JsonArray a ? a : new JsonArray();
      boolean has = set.getValue(key) != null;
      boolean in = has && values.contains(set.getValue(key));
      boolean ok = switch (JsonNodes.string(expression, "operator")) {
        case "In" -> in;
        case "NotIn" -> !in;
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** True when the selector selects on nothing at all (no labels, no expressions). */
  static boolean isEmpty(JsonObject selector) {
    JsonObject matchLabels = JsonNodes.object(selector, "matchLabels");
    return (matchLabels == null || matchLabels.isEmpty()) && JsonNodes.objects(selector, "matchExpressions").isEmpty();
  }

  /** The errors of the selector's expressions, under {@code path}. */
  static List<FieldError> validate(JsonObject selector, String path) {
    List<FieldError> errors = new ArrayList<>();
    List<JsonObject> expressions = JsonNodes.objects(selector, "matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      JsonObject expression = expressions.get(i);
      String at = path + ".matchExpressions[" + i + "]";
      String operator = JsonNodes.string(expression, "operator");
      int values = expression.getValue("values") instanceof JsonArray a ? a.size() : 0;
      switch (operator) {
        case "In", "NotIn" -> {
          if (values == 0) {
            errors.add(FieldError.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (values > 0) {
            errors.add(FieldError.forbidden(at + ".values",
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
          }
        }
        default -> errors.add(FieldError.notSupported(at + ".operator", operator, OPERATORS));
      }
    }
    return errors;
  }
}
