package dev.reflex.metrics.hpa;

import dev.reflex.metrics.query.LabelSelector;
import dev.reflex.metrics.query.LabelSelector.Operator;
import dev.reflex.metrics.query.LabelSelector.Requirement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Kubernetes LabelSelector object ({@code matchLabels}, {@code matchExpressions}) as a query selector. */
final class MetricSelectors {

  private MetricSelectors() {
  }

  /**
   * The parsed selector; {@code null} selects everything.
   *
   * @throws IllegalArgumentException naming {@code field} and the part that is malformed
   */
  static LabelSelector of(JsonObject selector, String field) {
    if (selector == null) {
      return LabelSelector.EVERYTHING;
    }
    List<Requirement> out = new ArrayList<>();
    Object labels = selector.getValue("matchLabels");
    if (labels instanceof JsonObject matchLabels) {
      Map<String, Object> sorted = new TreeMap<>(matchLabels.getMap());
      sorted.forEach((key, value) -> {
        if (!(value instanceof String text)) {
          throw new IllegalArgumentException(field + ".matchLabels." + key + ": must be a string");
        }
        out.add(new Requirement(key, Operator.EQUALS, List.of(text)));
      });
    } else if (labels != null) {
      throw new IllegalArgumentException(field + ".matchLabels: must be an object");
    }
    Object expressions = selector.getValue("matchExpressions");
    if (expressions instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(requirement(list.getValue(i), field + ".matchExpressions[" + i + "]"));
      }
    } else if (expressions != null) {
      throw new IllegalArgumentException(field + ".matchExpressions: must be an array");
    }
    return new LabelSelector(out);
  }

  private static Requirement requirement(Object element, String at) {
    if (!(element instanceof JsonObject e) || !(e.getValue("key") instanceof String key)
        || !(e.getValue("operator") instanceof String operator)) {
      throw new IllegalArgumentException(at + ": needs a key and an operator");
    }
    List<String> values = new ArrayList<>();
    if (e.getValue("values") instanceof JsonArray array) {
      array.forEach(v -> values.add(String.valueOf(v)));
    }
    Operator op = switch (operator) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> throw new IllegalArgumentException(at + ".operator: must be one of In, NotIn, Exists, "
          + "DoesNotExist, was \"" + operator + "\"");
    };
    boolean needsValues = op == Operator.IN || op == Operator.NOT_IN;
    if (needsValues == values.isEmpty()) {
      throw new IllegalArgumentException(at + ".values: " + (needsValues ? "must not be empty for " : "must be empty "
          + "for ") + operator);
    }
    return new Requirement(key, op, values);
  }
}
