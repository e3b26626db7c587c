package dev.reflex.labels;

import dev.reflex.core.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One requirement of a selector: the label {@code key} related to {@code values} by {@code operator}. Always valid:
 * the constructor applies apimachinery's {@code labels.NewRequirement} rules and throws its error text.
 *
 * @param key a label key ({@code [prefix/]name})
 * @param operator how to compare
 * @param values one for the (in)equalities and {@code >}/{@code <} (an integer there), one or more for
 *     {@code in}/{@code notin}, none for the existence tests; each a valid label value (empty included)
 */
public record Requirement(String key, Operator operator, List<String> values) {

  private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");

  /** @throws LabelSelectorException with kube's {@code NewRequirement} error when the parts do not make one */
  public Requirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    values = List.copyOf(values);
    List<String> problems = problems(key, operator, values);
    if (!problems.isEmpty()) {
      throw LabelSelectorException.unparsable(null, LabelSelectorException.aggregate(problems));
    }
  }

  /**
   * What {@code labels.NewRequirement} objects to, each as its {@code field.Error} prints without a root path
   * ({@code values[0]: Invalid value: "x": …}); empty when the parts make a requirement.
   */
  static List<String> problems(String key, Operator operator, List<String> values) {
    List<String> out = new ArrayList<>();
    List<String> keyProblems = LabelSyntax.keyProblems(key);
    if (!keyProblems.isEmpty()) {
      out.add("key: Invalid value: " + GoText.quote(key) + ": " + String.join("; ", keyProblems));
    }
    String all = "values: Invalid value: " + goSlice(values) + ": ";
    switch (operator) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          out.add(all + "for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          out.add(all + "exact-match compatibility requires one single value");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          out.add(all + "values set must be empty for exists and does not exist");
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          out.add(all + "for 'Gt', 'Lt' operators, exactly one value is required");
        }
        for (int i = 0; i < values.size(); i++) {
          if (integer(values.get(i)).isEmpty()) {
            out.add("values[" + i + "]: Invalid value: " + GoText.quote(values.get(i))
                + ": for 'Gt', 'Lt' operators, the value must be an integer");
          }
        }
      }
      default -> throw new AssertionError(operator);
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> valueProblems = LabelSyntax.valueProblems(values.get(i));
      if (!valueProblems.isEmpty()) {
        out.add("values[" + i + "][" + key + "]: Invalid value: " + GoText.quote(values.get(i)) + ": "
            + String.join("; ", valueProblems));
      }
    }
    return out;
  }

  /** Whether the labels satisfy this requirement; a missing label satisfies only {@code !=}, notin and {@code !}. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.get(key);
    boolean present = actual != null || labels.containsKey(key);
    return switch (operator) {
      case EQUALS, DOUBLE_EQUALS, IN -> present && values.contains(actual);
      case NOT_EQUALS, NOT_IN -> !present || !values.contains(actual);
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GREATER_THAN, LESS_THAN -> {
        // A label that is no integer matches neither way, as in kube.
        OptionalLong label = present ? integer(actual) : OptionalLong.empty();
        long bound = integer(values.get(0)).orElseThrow();
        yield label.isPresent()
            && (operator == Operator.GREATER_THAN ? label.getAsLong() > bound : label.getAsLong() < bound);
      }
    };
  }

  /**
   * The requirement as {@code labels.Requirement.String()} prints it: {@code k=v}, {@code k==v}, {@code k!=v},
   * {@code k>3}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}; several values sorted.
   */
  public String render() {
    String list = values.size() == 1 ? values.get(0) : values.stream().sorted().collect(Collectors.joining(","));
    return switch (operator) {
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> key + operator.kube() + list;
      case GREATER_THAN -> key + ">" + list;
      case LESS_THAN -> key + "<" + list;
      case IN, NOT_IN -> key + " " + operator.kube() + " (" + list + ")";
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
    };
  }

  @Override
  public String toString() {
    return render();
  }

  // Go's strconv.ParseInt(s, 10, 64): an optional sign and ASCII digits, in range.
  private static OptionalLong integer(String text) {
    if (text == null || !GO_INT.matcher(text).matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  // %#v of a []string: []string{"a", "b"}.
  private static String goSlice(List<String> values) {
    return values.stream().map(GoText::quote).collect(Collectors.joining(", ", "[]string{", "}"));
  }
}
