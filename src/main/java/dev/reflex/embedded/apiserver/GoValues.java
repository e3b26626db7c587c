package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Bad values printed the way kube-apiserver prints them in a field error: it falls back to Go's {@code %#v} for
 * maps and structs ({@code map[string]string{"app":"web"}}, {@code v1.LabelSelector{MatchLabels:…}}), which the
 * generic {@link FieldError} rendering (JSON) cannot reproduce. A {@link Rendered} value prints its text bare.
 */
final class GoValues {

  /** A bad value whose text is already what kube prints. */
  record Rendered(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private GoValues() {
  }

  /** {@code map[string]string{"a":"b", "c":"d"}} with sorted keys, {@code map[string]string(nil)} for none. */
  static Rendered stringMap(JsonObject map) {
    return new Rendered(stringMapText(map));
  }

  /** {@code []string{"10.0.0.1"}}, {@code []string(nil)} for none. */
  static Rendered stringSlice(JsonArray values) {
    if (values == null) {
      return new Rendered("[]string(nil)");
    }
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(GoText.quote(String.valueOf(v))));
    return new Rendered("[]string{" + String.join(", ", items) + "}");
  }

  /** A metav1.LabelSelector as {@code %#v} prints it. */
  static Rendered labelSelector(JsonObject selector) {
    JsonObject matchLabels = JsonNodes.object(selector, "matchLabels");
    String labels = selector != null && selector.getValue("matchLabels") != null && matchLabels != null
        ? stringMapText(matchLabels) : "map[string]string(nil)";
    List<JsonObject> expressions = JsonNodes.objects(selector, "matchExpressions");
    String exprs;
    if (selector == null || selector.getValue("matchExpressions") == null) {
      exprs = "[]v1.LabelSelectorRequirement(nil)";
    } else {
      List<String> items = new ArrayList<>();
      for (JsonObject e : expressions) {
        JsonArray values = e.getValue("values") instanceof JsonArray a ? a : null;
        items.add("v1.LabelSelectorRequirement{Key:" + GoText.quote(JsonNodes.string(e, "key")) + ", Operator:"
            + GoText.quote(JsonNodes.string(e, "operator")) + ", Values:" + stringSlice(values).text() + "}");
      }
      exprs = "[]v1.LabelSelectorRequirement{" + String.join(", ", items) + "}";
    }
    return new Rendered("v1.LabelSelector{MatchLabels:" + labels + ", MatchExpressions:" + exprs + "}");
  }

  private static String stringMapText(JsonObject map) {
    if (map == null) {
      return "map[string]string(nil)";
    }
    List<String> entries = new ArrayList<>();
    for (String key : new TreeSet<>(map.fieldNames())) {
      entries.add(GoText.quote(key) + ":" + GoText.quote(String.valueOf(map.getValue(key))));
    }
    return "map[string]string{" + String.join(", ", entries) + "}";
  }
}
