package dev.reflex.objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric's structured {@code selector} as the HPA controller prints it in its messages: Go's {@code %v} of a
 * {@code *metav1.LabelSelector}. Not a selector string; parsing and matching live in {@link
 * dev.reflex.labels.LabelSelector}.
 */
public final class GoLabelSelectorText {

  private GoLabelSelectorText() {
  }

  /**
   * Renders a structured selector ({@code matchLabels}, {@code matchExpressions}) as the controller's messages
   * print it, e.g. {@code &LabelSelector{MatchLabels:map[string]string{env: prod,},MatchExpressions:
   * []LabelSelectorRequirement{},}}; {@code null} for no selector.
   */
  public static String render(JsonObject selector, String path) {
    if (selector == null) {
      return null;
    }
    StringBuilder out = new StringBuilder("&LabelSelector{MatchLabels:map[string]string{");
    JsonObject matchLabels = ObjectJson.object(selector, "matchLabels", path, false);
    if (matchLabels != null) {
      Map<String, String> sorted = new TreeMap<>();
      for (String key : matchLabels.fieldNames()) {
        sorted.put(key, ObjectJson.string(matchLabels, key, path + ".matchLabels", true));
      }
      sorted.forEach((k, v) -> out.append(k).append(": ").append(v).append(','));
    }
    out.append("},MatchExpressions:[]LabelSelectorRequirement{");
    JsonArray expressions = ObjectJson.array(selector, "matchExpressions", path, false);
    if (expressions != null) {
      for (int i = 0; i < expressions.size(); i++) {
        String at = path + ".matchExpressions[" + i + "]";
        JsonObject expression = ObjectJson.element(expressions, i, at);
        List<String> values = new ArrayList<>();
        JsonArray valueArray = ObjectJson.array(expression, "values", at, false);
        if (valueArray != null) {
          for (int v = 0; v < valueArray.size(); v++) {
            Object value = valueArray.getValue(v);
            if (!(value instanceof String)) {
              throw new InvalidFieldException(at + ".values[" + v + "]", "must be a string");
            }
            values.add((String) value);
          }
        }
        out.append("LabelSelectorRequirement{Key:").append(ObjectJson.string(expression, "key", at, true))
            .append(",Operator:").append(ObjectJson.string(expression, "operator", at, true))
            .append(",Values:[").append(String.join(" ", values)).append("],},");
      }
    }
    return out.append("},}").toString();
  }
}
