package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** kube's name and number rules used by built-in validation, each returning its messages (empty when valid). */
final class NameChecks {

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile("(?s).*[a-z].*");

  private NameChecks() {
  }

  /** RFC 1123 label: container names, Service port names. */
  static List<String> dns1123Label(String value) {
    List<String> messages = new ArrayList<>();
    if (value.length() > 63) {
      messages.add("must be no more than 63 characters");
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      messages.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
          + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation "
          + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    }
    return messages;
  }

  /** IANA_SVC_NAME: a named container or target port. */
  static List<String> portName(String value) {
    List<String> messages = new ArrayList<>();
    if (value.length() > 15) {
      messages.add("must be no more than 15 characters");
    }
    if (!PORT_NAME_CHARS.matcher(value).matches()) {
      messages.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!HAS_LETTER.matcher(value).matches()) {
      messages.add("must contain at least one letter (a-z)");
    }
    if (value.contains("--")) {
      messages.add("must not contain consecutive hyphens (-)");
    }
    if (value.startsWith("-") || value.endsWith("-")) {
      messages.add("must not begin or end with a hyphen (-)");
    }
    return messages;
  }

  /** A port number: 1 to 65535. */
  static List<String> portNumber(long port) {
    return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
  }

  /** A name usable as one path segment of a URL (scale target kinds and names, metric names). */
  static List<String> pathSegmentName(String value) {
    List<String> messages = new ArrayList<>();
    if (value.equals(".") || value.equals("..")) {
      messages.add("may not be '" + value + "'");
    }
    for (String illegal : List.of("/", "%")) {
      if (value.contains(illegal)) {
        messages.add("may not contain '" + illegal + "'");
      }
    }
    return messages;
  }
}
