package dev.reflex.metrics.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the sample lines of Prometheus' text exposition format (version 0.0.4), what a {@code /metrics} page or a
 * Pushgateway push holds: {@code name{label="value",...} value [timestamp]}, one per line; a name outside
 * {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, such as a custom metric's {@code packets-per-second}, is written as Prometheus 3
 * writes it, {@code {"packets-per-second",pod="a"} 500}, or as a {@code __name__} label. {@code #} lines
 * ({@code HELP}, {@code TYPE}, comments) and blank lines are skipped; label values take the format's escapes
 * ({@code \\}, {@code \"}, {@code \n}); values are Go floats ({@code 1.5e3}, {@code NaN}, {@code +Inf}); a line
 * without a timestamp takes {@code defaultTimestampMillis}.
 */
public final class TextExpositionDecoder {

  private TextExpositionDecoder() {
  }

  /**
   * Decodes every sample line.
   *
   * @throws MalformedPayloadException naming the line and what is wrong with it
   */
  public static List<RawSeries> decode(String text, long defaultTimestampMillis) throws MalformedPayloadException {
    List<RawSeries> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        out.add(new Line(trimmed).sample(defaultTimestampMillis));
      } catch (IllegalArgumentException e) {
        throw new MalformedPayloadException("line " + lineNo + ": " + e.getMessage() + ": " + trimmed, e);
      }
    }
    return out;
  }

  /** A cursor over one sample line. */
  private static final class Line {
    private final String text;
    private int at;

    Line(String text) {
      this.text = text;
    }

    RawSeries sample(long defaultTimestampMillis) {
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      if (text.charAt(0) != '{') {
        names.add("__name__");
        values.add(name(true));
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '.')) {
          int end = at;
          while (end < text.length() && text.charAt(end) != '{' && text.charAt(end) != ' ') {
            end++;
          }
          throw new IllegalArgumentException("a metric name with '" + text.charAt(at) + "' must be quoted inside the"
              + " braces, {\"" + text.substring(0, end) + "\",label=\"value\"}");
        }
        skipSpaces();
      }
      if (at < text.length() && text.charAt(at) == '{') {
        labels(names, values);
      }
      if (!names.contains("__name__")) {
        throw new IllegalArgumentException("a line starts with a metric name");
      }
      String[] rest = text.substring(at).strip().split("\\s+");
      if (rest.length == 0 || rest[0].isEmpty()) {
        throw new IllegalArgumentException("no value");
      }
      if (rest.length > 2) {
        throw new IllegalArgumentException("more than a value and a timestamp after the labels");
      }
      double value = value(rest[0]);
      long timestamp = defaultTimestampMillis;
      if (rest.length == 2) {
        try {
          timestamp = Long.parseLong(rest[1]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("timestamp '" + rest[1] + "' is not milliseconds since the epoch");
        }
      }
      return new RawSeries(names.toArray(String[]::new), values.toArray(String[]::new), new long[] {timestamp},
          new double[] {value});
    }

    /** A metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or a label name (no colons). */
    private String name(boolean metric) {
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || metric && c == ':';
        if (!letter && !(at > start && c >= '0' && c <= '9')) {
          break;
        }
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException(metric ? "a line starts with a metric name" : "a label name is missing");
      }
      return text.substring(start, at);
    }

    private void labels(List<String> names, List<String> values) {
      at++;
      while (true) {
        skipSpaces();
        if (at < text.length() && text.charAt(at) == '}') {
          at++;
          return;
        }
        boolean quoted = at < text.length() && text.charAt(at) == '"';
        String name;
        if (quoted) {
          at++;
          name = quoted("a quoted name's closing quote is missing");
        } else {
          name = name(false);
        }
        skipSpaces();
        if (quoted && names.isEmpty() && (at >= text.length() || text.charAt(at) != '=')) {
          // Prometheus 3's form for a name outside [a-zA-Z_:][a-zA-Z0-9_:]*: {"packets-per-second",pod="a"}.
          names.add("__name__");
          values.add(name);
          separator(name);
          continue;
        }
        expect('=');
        skipSpaces();
        expect('"');
        String value = quoted("label " + name + ": the value's closing quote is missing");
        if (names.contains(name)) {
          throw new IllegalArgumentException("label " + name + " is given twice");
        }
        names.add(name);
        values.add(value);
        separator(name);
      }
    }

    /** After a label: a comma, or the closing brace left for the loop to see. */
    private void separator(String after) {
      skipSpaces();
      if (at < text.length() && text.charAt(at) == ',') {
        at++;
      } else if (at >= text.length() || text.charAt(at) != '}') {
        throw new IllegalArgumentException("expected ',' or '}' after label " + after);
      }
    }

    /**
     * The quoted text after the cursor's opening quote (a label value, or a name Prometheus 3 quotes), the format's
     * escapes read, up to and past its closing quote.
     */
    private String quoted(String unclosed) {
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw new IllegalArgumentException(unclosed);
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\' && at < text.length()) {
          char escaped = text.charAt(at++);
          out.append(escaped == 'n' ? '\n' : escaped);
        } else {
          out.append(c);
        }
      }
    }

    private void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at column " + (at + 1));
      }
      at++;
    }

    private void skipSpaces() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
        at++;
      }
    }

    private static double value(String text) {
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "+Inf":
        case "Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + text + "' is not a number");
          }
      }
    }
  }
}
