package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** Label maps and label selectors written the way kube's {@code labels} package prints them in table cells. */
final class LabelFormat {

  private LabelFormat() {
  }

  /** {@code a=1,b=2} sorted by pair, {@code <none>} when empty ({@code labels.FormatLabels}). */
  static String labels(JsonObject map) {
    String text = set(map);
    return text.isEmpty() ? "<none>" : text;
  }

  /** A selector's text with {@code <none>} for a missing or empty one ({@code metav1.FormatLabelSelector}). */
  static String selectorOrNone(JsonObject selector) {
    String text = selector(selector);
    return text.isEmpty() ? "<none>" : text;
  }

  /**
   * A LabelSelector as {@code labels.Selector.String()}: requirements sorted by key, {@code k=v},
   * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}; empty for a missing or empty selector, and
   * {@code <error>} for an unknown operator.
   */
  static String selector(JsonObject selector) {
    if (selector == null) {
      return "";
    }
    record Requirement(String key, String text) {
    }
    List<Requirement> requirements = new ArrayList<>();
    Fields.object(selector, "matchLabels").forEach(e ->
        requirements.add(new Requirement(e.getKey(), e.getKey() + "=" + e.getValue())));
    for (JsonObject expression : Fields.objects(selector, "matchExpressions")) {
      String key = Fields.string(expression, "key");
      List<String> values = new ArrayList<>();
      Fields.array(expression, "values").forEach(v -> values.add(String.valueOf(v)));
      values.sort(Comparator.naturalOrder());
      String text = switch (Fields.string(expression, "operator")) {
        case "In" -> key + " in (" + String.join(",", values) + ")";
        case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
        case "Exists" -> key;
        case "DoesNotExist" -> "!" + key;
        default -> null;
      };
      if (text == null) {
        return "<error>";
      }
      requirements.add(new Requirement(key, text));
    }
    requirements.sort(Comparator.comparing(Requirement::key));
    return String.join(",", requirements.stream().map(Requirement::text).toList());
  }

  private static String set(JsonObject map) {
    if (map == null) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    new TreeMap<>(map.getMap()).forEach((k, v) -> pairs.add(k + "=" + v));
    pairs.sort(Comparator.naturalOrder());
    return String.join(",", pairs);
  }
}
