package dev.reflex.metrics.prometheus;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code name}: which series it names and how. {@code matches} is a regex on the series name (default:
 * the whole name); {@code as} is the exposed name with {@code $1} or {@code ${1}} for capture groups (default
 * {@code $1} when the regex captures, the whole match otherwise). Example from a custom-metric walkthrough:
 * matches {@code (.*)_server_requests_seconds_count} and as {@code ${1}_index_qps} name series
 * {@code http_server_requests_seconds_count} {@code http_index_qps}.
 *
 * @param matches the regex on series names
 * @param as the exposed-name template
 */
public record NameRule(Optional<Pattern> matches, Optional<String> as) {

  /** No name section: series keep their own names. */
  public static final NameRule NONE = new NameRule(Optional.empty(), Optional.empty());

  /** The exposed metric name of {@code series}, or empty when the regex does not match it. */
  public Optional<String> metricName(String series) {
    Pattern pattern = matches.orElse(Pattern.compile(".*"));
    Matcher m = pattern.matcher(series);
    if (!m.find()) {
      return Optional.empty();
    }
    String template = as.filter(a -> !a.isEmpty()).orElse(m.groupCount() > 0 ? "$1" : "$0");
    return Optional.of(expand(template, m));
  }

  /** Expands {@code $n}, {@code ${n}} and {@code ${name}} the way Go's regexp Expand does, unknown groups empty. */
  private static String expand(String template, Matcher m) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        out.append(group(m, template.substring(i + 2, close)));
        i = close + 1;
      } else {
        int end = i + 1;
        while (end < template.length()
            && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
          end++;
        }
        if (end == i + 1) {
          out.append(c);
          i++;
          continue;
        }
        out.append(group(m, template.substring(i + 1, end)));
        i = end;
      }
    }
    return out.toString();
  }

  private static String group(Matcher m, String ref) {
    try {
      String value = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
      return value == null ? "" : value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return "";
    }
  }
}
