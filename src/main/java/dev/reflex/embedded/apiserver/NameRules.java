package dev.reflex.embedded.apiserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name and key syntaxes of kube-apiserver (apimachinery's util/validation) with its messages, word for word:
 * clients show them to people and tests compare them.
 */
final class NameRules {

  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";

  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

  private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', "
      + "and must start and end with an alphanumeric character";

  private NameRules() {
  }

  /** Go's len(): strings are measured in UTF-8 bytes. */
  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder out = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  static List<String> dns1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (bytes(value) > 63) {
      errs.add(maxLenError(63));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      errs.add(DNS1123_SUBDOMAIN.matcher(value).matches() ? "must not contain dots"
          : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
              + "must start and end with an alphanumeric character", DNS1123_LABEL_FMT, "my-name", "123-abc"));
    }
    return errs;
  }

  static List<String> dns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (bytes(value) > 253) {
      errs.add(maxLenError(253));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
          + "or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  static List<String> dns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (bytes(value) > 63) {
      errs.add(maxLenError(63));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errs.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
          + "an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, "my-name",
          "abc-123"));
    }
    return errs;
  }

  /** A name that can be one segment of a URL path (RBAC objects, persistent volumes, embedded resources). */
  static List<String> pathSegment(String value, boolean prefix) {
    if (!prefix && (value.equals(".") || value.equals(".."))) {
      return List.of("may not be '" + value + "'");
    }
    List<String> errs = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (value.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }

  /** A label key or annotation key: an optional DNS subdomain prefix, a slash, and a name of up to 63 characters. */
  static List<String> qualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(prefix).forEach(m -> errs.add("prefix part " + m));
      }
    } else {
      errs.add("a qualified name " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name",
          "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (bytes(name) > 63) {
      errs.add("name part " + maxLenError(63));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  static List<String> labelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (bytes(value) > 63) {
      errs.add(maxLenError(63));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
          + "or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, "MyValue", "my_value",
          "12345"));
    }
    return errs;
  }
}
