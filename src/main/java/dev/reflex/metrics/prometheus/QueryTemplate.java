package dev.reflex.metrics.prometheus;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders prometheus-adapter query templates: Go template syntax with {@code <<} {@code >>} delimiters, of which
 * the field form {@code <<.Name>>} is what adapter configs use ({@code <<.Series>>}, {@code <<.LabelMatchers>>},
 * {@code <<.GroupBy>>}, {@code <<.Resource>>}, {@code <<.Group>>}). Any other action is refused with a message
 * naming the field, instead of producing silently wrong PromQL.
 */
public final class QueryTemplate {

  private static final Pattern ACTION = Pattern.compile("<<-?\\s*(.*?)\\s*-?>>", Pattern.DOTALL);
  private static final Pattern FIELD = Pattern.compile("\\.([A-Za-z][A-Za-z0-9]*)");

  private QueryTemplate() {
  }

  /**
   * Replaces each {@code <<.Name>>} by {@code values.get(Name)}.
   *
   * @throws IllegalArgumentException naming {@code field} for an unknown name or an unsupported action
   */
  public static String render(String template, Map<String, String> values, String field) {
    Matcher m = ACTION.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher f = FIELD.matcher(m.group(1));
      if (!f.matches()) {
        throw new IllegalArgumentException(field + ": unsupported template action <<" + m.group(1)
            + ">> (only <<.Name>> fields are supported)");
      }
      String value = values.get(f.group(1));
      if (value == null) {
        throw new IllegalArgumentException(field + ": unknown template field <<." + f.group(1) + ">> (known: "
            + String.join(", ", new java.util.TreeSet<>(values.keySet())) + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
