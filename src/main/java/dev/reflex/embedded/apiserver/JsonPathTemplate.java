package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSONPath subset CRD printer columns use, with or without kubectl's {@code {}} wrapping: fields
 * ({@code .spec.replicas}, {@code ['app.kubernetes.io/name']}, {@code .a\.b}), indexes ({@code [0]}, {@code [-1]}),
 * slices ({@code [0:2]}), wildcards ({@code [*]}, {@code .*}), recursive descent ({@code ..name}) and filters
 * ({@code [?(@.type=="Ready")]}, {@code [?(@.ready)]}, numeric {@code < <= > >=}). Missing keys simply match
 * nothing, as kube's column printer allows.
 */
public final class JsonPathTemplate {

  private sealed interface Step permits Field, Wildcard, Index, Slice, Descend, Filter {
  }

  private record Field(String name) implements Step {
  }

  private record Wildcard() implements Step {
  }

  private record Index(int index) implements Step {
  }

  private record Slice(Integer start, Integer end, int step) implements Step {
  }

  private record Descend(String name) implements Step {
  }

  /** {@code @path}, compared with {@code literal} by {@code operator}, or tested for presence when it is null. */
  private record Filter(List<Step> path, String operator, Object literal) implements Step {
  }

  private final String text;
  private final List<Step> steps;

  private JsonPathTemplate(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * @throws IllegalArgumentException when the expression is outside the supported subset or malformed
   */
  public static JsonPathTemplate parse(String expression) {
    String body = expression.trim();
    if (body.startsWith("{") && body.endsWith("}")) {
      body = body.substring(1, body.length() - 1).trim();
    }
    Parser parser = new Parser(body);
    List<Step> steps = parser.path(false);
    if (!parser.atEnd()) {
      throw parser.error();
    }
    return new JsonPathTemplate(expression, steps);
  }

  /** Every value the path reaches in {@code root}, in document order; empty when it reaches none. */
  public List<Object> find(JsonObject root) {
    return evaluate(steps, root);
  }

  /** The first value the path reaches, or null. */
  public Object first(JsonObject root) {
    List<Object> results = find(root);
    return results.isEmpty() ? null : results.get(0);
  }

  @Override
  public String toString() {
    return text;
  }

  private static List<Object> evaluate(List<Step> steps, Object root) {
    List<Object> current = new ArrayList<>();
    current.add(root);
    for (Step step : steps) {
      List<Object> next = new ArrayList<>();
      for (Object node : current) {
        apply(step, node, next);
      }
      current = next;
    }
    return current;
  }

  private static void apply(Step step, Object node, List<Object> out) {
    if (step instanceof Field f) {
      if (node instanceof JsonObject o && o.containsKey(f.name())) {
        out.add(o.getValue(f.name()));
      }
    } else if (step instanceof Wildcard) {
      children(node, out);
    } else if (step instanceof Index i) {
      if (node instanceof JsonArray a) {
        int at = i.index() < 0 ? a.size() + i.index() : i.index();
        if (at >= 0 && at < a.size()) {
          out.add(a.getValue(at));
        }
      }
    } else if (step instanceof Slice s) {
      if (node instanceof JsonArray a) {
        int size = a.size();
        int start = clamp(s.start() == null ? 0 : s.start(), size);
        int end = clamp(s.end() == null ? size : s.end(), size);
        for (int at = start; at < end; at += s.step()) {
          out.add(a.getValue(at));
        }
      }
    } else if (step instanceof Descend d) {
      descend(d.name(), node, out);
    } else if (step instanceof Filter f) {
      List<Object> items = new ArrayList<>();
      children(node, items);
      for (Object item : items) {
        if (matches(f, item)) {
          out.add(item);
        }
      }
    }
  }

  private static int clamp(int index, int size) {
    int at = index < 0 ? size + index : index;
    return Math.max(0, Math.min(size, at));
  }

  private static void children(Object node, List<Object> out) {
    if (node instanceof JsonObject o) {
      o.forEach(e -> out.add(o.getValue(e.getKey())));
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(a.getValue(i));
      }
    }
  }

  private static void descend(String name, Object node, List<Object> out) {
    if (node instanceof JsonObject o && o.containsKey(name)) {
      out.add(o.getValue(name));
    }
    List<Object> kids = new ArrayList<>();
    children(node, kids);
    for (Object kid : kids) {
      descend(name, kid, out);
    }
  }

  private static boolean matches(Filter filter, Object item) {
    List<Object> found = evaluate(filter.path(), item);
    if (filter.operator() == null) {
      return !found.isEmpty() && found.get(0) != null && !Boolean.FALSE.equals(found.get(0));
    }
    if (found.isEmpty()) {
      return false;
    }
    Object left = found.get(0);
    Object right = filter.literal();
    if (left instanceof Number l && right instanceof Number r) {
      int order = Double.compare(l.doubleValue(), r.doubleValue());
      return switch (filter.operator()) {
        case "==" -> order == 0;
        case "!=" -> order != 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    }
    return switch (filter.operator()) {
      case "==" -> Objects.equals(left, right);
      case "!=" -> !Objects.equals(left, right);
      default -> false;
    };
  }

  /** A hand-written recursive-descent parser over the expression text. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    IllegalArgumentException error() {
      return new IllegalArgumentException("unsupported JSONPath expression \"" + s + "\" at offset " + pos);
    }

    /** Steps until the end, or until {@code )} / an operator inside a filter. */
    List<Step> path(boolean inFilter) {
      List<Step> steps = new ArrayList<>();
      if (!atEnd() && (s.charAt(pos) == '$' || (inFilter && s.charAt(pos) == '@'))) {
        pos++;
      }
      while (!atEnd()) {
        char c = s.charAt(pos);
        if (c == '.') {
          if (pos + 1 < s.length() && s.charAt(pos + 1) == '.') {
            pos += 2;
            steps.add(new Descend(name()));
          } else {
            pos++;
            if (!atEnd() && s.charAt(pos) == '*') {
              pos++;
              steps.add(new Wildcard());
            } else if (!atEnd() && s.charAt(pos) != '.' && s.charAt(pos) != '[') {
              steps.add(new Field(name()));
            }
          }
        } else if (c == '[') {
          pos++;
          steps.add(bracket());
        } else if (inFilter) {
          return steps;
        } else {
          throw error();
        }
      }
      return steps;
    }

    private String name() {
      StringBuilder out = new StringBuilder();
      while (!atEnd()) {
        char c = s.charAt(pos);
        if (c == '\\' && pos + 1 < s.length()) {
          out.append(s.charAt(pos + 1));
          pos += 2;
          continue;
        }
        if (c == '.' || c == '[' || c == ')' || c == ' ' || c == '=' || c == '!' || c == '<' || c == '>') {
          break;
        }
        out.append(c);
        pos++;
      }
      if (out.isEmpty()) {
        throw error();
      }
      return out.toString();
    }

    private Step bracket() {
      skipSpaces();
      Step step;
      char c = peek();
      if (c == '*') {
        pos++;
        step = new Wildcard();
      } else if (c == '\'' || c == '"') {
        step = new Field(quoted());
      } else if (c == '?') {
        pos++;
        expect('(');
        skipSpaces();
        List<Step> path = path(true);
        skipSpaces();
        String operator = null;
        Object literal = null;
        if (peek() != ')') {
          operator = operator();
          skipSpaces();
          literal = literal();
          skipSpaces();
        }
        expect(')');
        step = new Filter(path, operator, literal);
      } else {
        Integer start = optionalInt();
        if (peek() == ':') {
          pos++;
          Integer end = optionalInt();
          int stride = 1;
          if (peek() == ':') {
            pos++;
            Integer given = optionalInt();
            stride = given == null || given <= 0 ? 1 : given;
          }
          step = new Slice(start, end, stride);
        } else if (start != null) {
          step = new Index(start);
        } else {
          throw error();
        }
      }
      skipSpaces();
      expect(']');
      return step;
    }

    private String operator() {
      for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      throw error();
    }

    private Object literal() {
      char c = peek();
      if (c == '\'' || c == '"') {
        return quoted();
      }
      if (s.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      int begin = pos;
      while (!atEnd() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      if (begin == pos) {
        throw error();
      }
      String number = s.substring(begin, pos);
      try {
        return number.matches("[+-]?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
      } catch (NumberFormatException e) {
        throw error();
      }
    }

    private String quoted() {
      char quote = s.charAt(pos++);
      StringBuilder out = new StringBuilder();
      while (!atEnd() && s.charAt(pos) != quote) {
        if (s.charAt(pos) == '\\' && pos + 1 < s.length()) {
          pos++;
        }
        out.append(s.charAt(pos++));
      }
      expect(quote);
      return out.toString();
    }

    private Integer optionalInt() {
      skipSpaces();
      int begin = pos;
      if (!atEnd() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
        pos++;
      }
      while (!atEnd() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (begin == pos) {
        return null;
      }
      try {
        return Integer.parseInt(s.substring(begin, pos));
      } catch (NumberFormatException e) {
        throw error();
      }
    }

    private char peek() {
      return atEnd() ? '\0' : s.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error();
      }
      pos++;
    }

    private void skipSpaces() {
      while (!atEnd() && s.charAt(pos) == ' ') {
        pos++;
      }
    }
  }
}
