package dev.reflex.decide;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Label selectors in their two shapes: the string form of a scale's {@code status.selector}
 * ({@code app=web,tier in (a,b),!canary}) parsed into a pod filter, and the structured form of a metric's
 * {@code selector} rendered as the HPA controller prints it in messages.
 */
final class LabelSelectors {

  private LabelSelectors() {
  }

  /**
   * Parses a selector string into a predicate over pod labels. Supports {@code k=v}, {@code k==v}, {@code k!=v},
   * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code k>n} and {@code k<n}.
   *
   * @throws IllegalArgumentException with the reason when the text is not a selector
   */
  static Predicate<Map<String, String>> parse(String text) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      requirements.add(requirement(part.trim()));
    }
    return labels -> {
      for (Predicate<Map<String, String>> requirement : requirements) {
        if (!requirement.test(labels)) {
          return false;
        }
      }
      return true;
    };
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("unexpected ')' at position " + i);
        }
      } else if (ch == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("found '(', expected: ')'");
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Predicate<Map<String, String>> requirement(String part) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException("found '', expected: identifier");
    }
    if (part.startsWith("!")) {
      String key = key(part.substring(1).trim());
      return labels -> !labels.containsKey(key);
    }
    String[] setOps = {" notin ", " in "};
    for (String op : setOps) {
      int at = part.indexOf(op);
      if (at > 0) {
        String key = key(part.substring(0, at).trim());
        String rest = part.substring(at + op.length()).trim();
        if (!rest.startsWith("(") || !rest.endsWith(")")) {
          throw new IllegalArgumentException("found '" + rest + "', expected: '('");
        }
        List<String> values = new ArrayList<>();
        for (String value : rest.substring(1, rest.length() - 1).split(",", -1)) {
          values.add(value.trim());
        }
        boolean in = op.equals(" in ");
        return labels -> in == (labels.containsKey(key) && values.contains(labels.get(key)));
      }
    }
    for (String op : new String[] {"!=", "==", "=", ">", "<"}) {
      int at = part.indexOf(op);
      if (at > 0) {
        String key = key(part.substring(0, at).trim());
        String value = part.substring(at + op.length()).trim();
        switch (op) {
          case "!=":
            return labels -> !value.equals(labels.get(key));
          case ">":
          case "<":
            long bound = number(value);
            boolean greater = op.equals(">");
            return labels -> {
              String actual = labels.get(key);
              if (actual == null) {
                return false;
              }
              try {
                long n = Long.parseLong(actual);
                return greater ? n > bound : n < bound;
              } catch (NumberFormatException e) {
                return false;
              }
            };
          default:
            return labels -> value.equals(labels.get(key));
        }
      }
    }
    String key = key(part);
    return labels -> labels.containsKey(key);
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("for 'Gt', 'Lt' operators, the value must be an integer: " + value);
    }
  }

  private static String key(String key) {
    if (!key.matches("([A-Za-z0-9.\\-]+/)?[A-Za-z0-9]([A-Za-z0-9_.\\-]*[A-Za-z0-9])?")) {
      throw new IllegalArgumentException("invalid label key \"" + key + "\"");
    }
    return key;
  }

  /**
   * Renders a structured selector ({@code matchLabels}, {@code matchExpressions}) as the controller's messages
   * print it, e.g. {@code &LabelSelector{MatchLabels:map[string]string{env: prod,},MatchExpressions:
   * []LabelSelectorRequirement{},}}; {@code null} for no selector.
   */
  static String render(JsonObject selector, String path) {
    if (selector == null) {
      return null;
    }
    StringBuilder out = new StringBuilder("&LabelSelector{MatchLabels:map[string]string{");
    JsonObject matchLabels = HpaJson.object(selector, "matchLabels", path, false);
    if (matchLabels != null) {
      Map<String, String> sorted = new TreeMap<>();
      for (String key : matchLabels.fieldNames()) {
        sorted.put(key, HpaJson.string(matchLabels, key, path + ".matchLabels", true));
      }
      sorted.forEach((k, v) -> out.append(k).append(": ").append(v).append(','));
    }
    out.append("},MatchExpressions:[]LabelSelectorRequirement{");
    JsonArray expressions = HpaJson.array(selector, "matchExpressions", path, false);
    if (expressions != null) {
      for (int i = 0; i < expressions.size(); i++) {
        String at = path + ".matchExpressions[" + i + "]";
        JsonObject expression = HpaJson.element(expressions, i, at);
        List<String> values = new ArrayList<>();
        JsonArray valueArray = HpaJson.array(expression, "values", at, false);
        if (valueArray != null) {
          for (int v = 0; v < valueArray.size(); v++) {
            Object value = valueArray.getValue(v);
            if (!(value instanceof String)) {
              throw new DecideInputException(at + ".values[" + v + "]", "must be a string");
            }
            values.add((String) value);
          }
        }
        out.append("LabelSelectorRequirement{Key:").append(HpaJson.string(expression, "key", at, true))
            .append(",Operator:").append(HpaJson.string(expression, "operator", at, true))
            .append(",Values:[").append(String.join(" ", values)).append("],},");
      }
    }
    return out.append("},}").toString();
  }
}
