package dev.reflex.metrics.prometheus;

import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.Requirement;
import java.util.ArrayList;
import java.util.List;

/**
 * One PromQL label matcher such as {@code namespace="default"} or {@code pod=~"web-0|web-1"}.
 *
 * @param label the label name
 * @param op one of {@code =}, {@code !=}, {@code =~}, {@code !~}
 * @param value the value or regex, unescaped
 */
public record LabelMatcher(String label, String op, String value) {

  private static final List<String> OPS = List.of("=", "!=", "=~", "!~");

  public LabelMatcher {
    if (!OPS.contains(op)) {
      throw new IllegalArgumentException("matcher operator must be one of " + OPS + ", got " + op);
    }
  }

  /** {@code label="a"} for one name, {@code label=~"a|b"} for several (names are regex-quoted). */
  public static LabelMatcher oneOf(String label, List<String> names) {
    if (names.size() == 1) {
      return new LabelMatcher(label, "=", names.get(0));
    }
    return new LabelMatcher(label, "=~", alternatives(names));
  }

  /**
   * The matchers equivalent to a Kubernetes label selector on the series' labels: {@code env=prod} becomes
   * {@code env="prod"}, {@code tier in (a,b)} becomes {@code tier=~"a|b"}, {@code canary} (exists) becomes
   * {@code canary!=""} and {@code !canary} becomes {@code canary=""}.
   *
   * @throws IllegalArgumentException for {@code k>n} or {@code k<n}: PromQL has no numeric label comparison
   */
  public static List<LabelMatcher> fromSelector(LabelSelector selector) {
    List<LabelMatcher> out = new ArrayList<>();
    for (Requirement r : selector.requirements()) {
      out.add(switch (r.operator()) {
        case EQUALS, DOUBLE_EQUALS -> new LabelMatcher(r.key(), "=", r.values().get(0));
        case NOT_EQUALS -> new LabelMatcher(r.key(), "!=", r.values().get(0));
        case IN -> new LabelMatcher(r.key(), "=~", alternatives(r.values()));
        case NOT_IN -> new LabelMatcher(r.key(), "!~", alternatives(r.values()));
        case EXISTS -> new LabelMatcher(r.key(), "!=", "");
        case DOES_NOT_EXIST -> new LabelMatcher(r.key(), "=", "");
        case GREATER_THAN, LESS_THAN -> throw new IllegalArgumentException("the label selector requirement "
            + r.render() + " compares numbers, which no PromQL label matcher can");
      });
    }
    return out;
  }

  /** Renders matchers comma-separated, the value of {@code <<.LabelMatchers>>}. */
  public static String render(List<LabelMatcher> matchers) {
    StringBuilder out = new StringBuilder();
    for (LabelMatcher m : matchers) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(m.label()).append(m.op()).append('"').append(escape(m.value())).append('"');
    }
    return out.toString();
  }

  private static String alternatives(List<String> values) {
    return String.join("|", values.stream().map(LabelMatcher::quoteRegex).toList());
  }

  // Escapes regex metacharacters one by one (RE2 has no \Q...\E), so "a.b" only matches itself.
  private static String quoteRegex(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  // A PromQL double-quoted string: backslash and quote escaped.
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
