package dev.reflex.labels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a label key or value well formed, with the sentences apimachinery's {@code validation.IsQualifiedName}
 * and {@code IsValidLabelValue} answer (v0.32), so the errors read as kube's. Lengths count UTF-8 bytes, as Go does.
 */
public final class LabelSyntax {

  private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String VALUE_FORMAT = "(" + NAME_FORMAT + ")?";
  private static final String SUBDOMAIN_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern NAME = Pattern.compile(NAME_FORMAT);
  private static final Pattern VALUE = Pattern.compile(VALUE_FORMAT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
  private static final int NAME_MAX = 63;
  private static final int VALUE_MAX = 63;
  private static final int SUBDOMAIN_MAX = 253;

  private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start "
      + "and end with an alphanumeric character" + examples(NAME_FORMAT, "MyName", "my.name", "123-abc");
  private static final String VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric "
      + "characters, '-', '_' or '.', and must start and end with an alphanumeric character"
      + examples(VALUE_FORMAT, "MyValue", "my_value", "12345");
  private static final String SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
      + examples(SUBDOMAIN_FORMAT, "example.com");

  private LabelSyntax() {
  }

  /** Why {@code key} is not a label key ({@code [prefix/]name}); empty when it is one. */
  public static List<String> keyProblems(String key) {
    List<String> problems = new ArrayList<>();
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      problems.add("a qualified name " + NAME_RULE + " with an optional DNS subdomain prefix and '/' (e.g. "
          + "'example.com/MyName')");
      return problems;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()) {
        problems.add("prefix part must be non-empty");
      } else {
        if (bytes(prefix) > SUBDOMAIN_MAX) {
          problems.add("prefix part " + tooLong(SUBDOMAIN_MAX));
        }
        if (!SUBDOMAIN.matcher(prefix).matches()) {
          problems.add("prefix part " + SUBDOMAIN_RULE);
        }
      }
    }
    if (name.isEmpty()) {
      problems.add("name part must be non-empty");
    } else if (bytes(name) > NAME_MAX) {
      problems.add("name part " + tooLong(NAME_MAX));
    }
    if (!NAME.matcher(name).matches()) {
      problems.add("name part " + NAME_RULE);
    }
    return problems;
  }

  /** Why {@code value} is not a label value (empty is one); empty when it is one. */
  public static List<String> valueProblems(String value) {
    List<String> problems = new ArrayList<>();
    if (bytes(value) > VALUE_MAX) {
      problems.add(tooLong(VALUE_MAX));
    }
    if (!VALUE.matcher(value).matches()) {
      problems.add(VALUE_RULE);
    }
    return problems;
  }

  private static String tooLong(int max) {
    return "must be no more than " + max + " characters";
  }

  // kube's RegexError: each example quoted and followed by ", ", joined with " or " (hence the double spaces).
  private static String examples(String format, String... examples) {
    StringBuilder out = new StringBuilder(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      out.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(format).append("')").toString();
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
