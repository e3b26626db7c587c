package dev.reflex.metrics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Kubernetes label selector ({@code app=web,tier in (a,b),!canary}). The empty selector selects
 * everything.
 *
 * @param requirements the requirements, all of which must hold, in the order written
 */
public record LabelSelector(List<Requirement> requirements) {

  /** The selector that selects everything. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private static final Pattern SET_FORM = Pattern.compile("^([^\\s!=()]+)\\s+(in|notin)\\s*\\((.*)\\)$");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?");

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  /** The operators of a requirement. */
  public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

  /**
   * One requirement: {@code key} compared with {@code values} by {@code operator}.
   *
   * @param key the label key
   * @param operator how to compare
   * @param values one value for (not-)equals, one or more for (not-)in, none for (does-not-)exist
   */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** The selector in Kubernetes syntax, e.g. {@code app=web,tier in (a,b)} (the form the API's labelSelector takes). */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (Requirement r : requirements) {
      if (out.length() > 0) {
        out.append(',');
      }
      switch (r.operator()) {
        case EQUALS -> out.append(r.key()).append('=').append(r.values().get(0));
        case NOT_EQUALS -> out.append(r.key()).append("!=").append(r.values().get(0));
        case IN -> out.append(r.key()).append(" in (").append(String.join(",", r.values())).append(')');
        case NOT_IN -> out.append(r.key()).append(" notin (").append(String.join(",", r.values())).append(')');
        case EXISTS -> out.append(r.key());
        default -> out.append('!').append(r.key());
      }
    }
    return out.toString();
  }

  /**
   * Parses a selector string.
   *
   * @throws IllegalArgumentException naming {@code field} and the part that does not parse
   */
  public static LabelSelector parse(String text, String field) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> result = new ArrayList<>();
    for (String part : splitTopLevel(text, field)) {
      result.add(parseOne(part.trim(), field));
    }
    return new LabelSelector(result);
  }

  private static List<String> splitTopLevel(String text, String field) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException(field + ": unbalanced ')' in \"" + text + "\"");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(from, i));
        from = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException(field + ": unbalanced '(' in \"" + text + "\"");
    }
    parts.add(text.substring(from));
    return parts;
  }

  private static Requirement parseOne(String part, String field) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException(field + ": empty requirement");
    }
    Matcher set = SET_FORM.matcher(part);
    if (set.matches()) {
      List<String> values = new ArrayList<>();
      for (String v : set.group(3).split(",")) {
        String value = v.trim();
        if (!value.isEmpty()) {
          values.add(value);
        }
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException(field + ": \"" + part + "\" needs at least one value");
      }
      return new Requirement(key(set.group(1), part, field), set.group(2).equals("in") ? Operator.IN
          : Operator.NOT_IN, values);
    }
    if (part.startsWith("!") && !part.contains("=")) {
      return new Requirement(key(part.substring(1).trim(), part, field), Operator.DOES_NOT_EXIST, List.of());
    }
    int neq = part.indexOf("!=");
    if (neq > 0) {
      return new Requirement(key(part.substring(0, neq).trim(), part, field), Operator.NOT_EQUALS,
          List.of(part.substring(neq + 2).trim()));
    }
    int eq = part.indexOf('=');
    if (eq > 0) {
      int valueFrom = part.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(key(part.substring(0, eq).trim(), part, field), Operator.EQUALS,
          List.of(part.substring(valueFrom).trim()));
    }
    return new Requirement(key(part, part, field), Operator.EXISTS, List.of());
  }

  private static String key(String key, String part, String field) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(field + ": cannot parse \"" + part + "\" (bad label key \"" + key + "\")");
    }
    return key;
  }
}
