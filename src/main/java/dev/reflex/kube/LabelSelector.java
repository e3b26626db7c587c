package dev.reflex.kube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Kubernetes label-selector strings ({@code a=b,c!=d,e in (x,y),f notin (z),g,!h}) as predicates over a label map.
 * Used where pods are matched to a workload's {@code Scale.status.selector}, and by the embedded API server,
 * whose store ignores selectors.
 */
public final class LabelSelector {

  private LabelSelector() {
  }

  public static Predicate<Map<String, String>> parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return labels -> true;
    }
    List<Predicate<Map<String, String>>> clauses = new ArrayList<>();
    for (String clause : splitTopLevel(selector)) {
      clauses.add(clause(clause.trim()));
    }
    return labels -> clauses.stream().allMatch(c -> c.test(labels));
  }

  /** Renders matchLabels and matchExpressions as the API server renders {@code Scale.status.selector}. */
  public static String render(Map<String, String> matchLabels, List<Map<String, Object>> expressions) {
    List<String> parts = new ArrayList<>();
    if (matchLabels != null) {
      matchLabels.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
    }
    if (expressions != null) {
      for (Map<String, Object> expr : expressions) {
        String key = String.valueOf(expr.get("key"));
        String op = String.valueOf(expr.get("operator"));
        Object values = expr.get("values");
        String list = values instanceof List<?> l
            ? l.stream().map(String::valueOf).sorted().collect(Collectors.joining(",")) : "";
        switch (op) {
          case "In" -> parts.add(key + " in (" + list + ")");
          case "NotIn" -> parts.add(key + " notin (" + list + ")");
          case "Exists" -> parts.add(key);
          case "DoesNotExist" -> parts.add("!" + key);
          default -> throw new IllegalArgumentException("unknown selector operator " + op);
        }
      }
    }
    return String.join(",", parts);
  }

  private static Predicate<Map<String, String>> clause(String clause) {
    String lower = clause.replaceAll("\\s+", " ");
    int in = lower.indexOf(" in (");
    int notIn = lower.indexOf(" notin (");
    if (notIn > 0) {
      String key = lower.substring(0, notIn).trim();
      Set<String> values = values(lower.substring(notIn + 7));
      return labels -> !labels.containsKey(key) || !values.contains(labels.get(key));
    }
    if (in > 0) {
      String key = lower.substring(0, in).trim();
      Set<String> values = values(lower.substring(in + 4));
      return labels -> labels.containsKey(key) && values.contains(labels.get(key));
    }
    if (clause.contains("!=")) {
      String[] kv = clause.split("!=", 2);
      return labels -> !kv[1].trim().equals(labels.get(kv[0].trim()));
    }
    if (clause.contains("==") || clause.contains("=")) {
      String[] kv = clause.split("==?", 2);
      return labels -> kv[1].trim().equals(labels.get(kv[0].trim()));
    }
    if (clause.startsWith("!")) {
      String key = clause.substring(1).trim();
      return labels -> !labels.containsKey(key);
    }
    return labels -> labels.containsKey(clause);
  }

  private static Set<String> values(String parenthesised) {
    String inner = parenthesised.trim();
    inner = inner.substring(inner.indexOf('(') + 1, inner.lastIndexOf(')'));
    return Arrays.stream(inner.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }

  /** Splits on commas that are not inside parentheses. */
  private static List<String> splitTopLevel(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts.stream().filter(s -> !s.isBlank()).toList();
  }
}
