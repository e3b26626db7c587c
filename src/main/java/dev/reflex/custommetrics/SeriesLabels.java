package dev.reflex.custommetrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the labels of a streamed series from its identity, {@code name=value,name=value} in label order
 * (what the ingest path writes into {@code PodSample.series}). A comma inside a value stays in the value: a new
 * label begins only where a comma is followed by a label name and {@code =}.
 */
final class SeriesLabels {

  private static final Pattern NEXT_LABEL = Pattern.compile(",(?=[a-zA-Z_][a-zA-Z0-9_]*=)");

  private SeriesLabels() {
  }

  static Map<String, String> parse(String series) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (series == null || series.isEmpty()) {
      return labels;
    }
    Matcher next = NEXT_LABEL.matcher(series);
    int start = 0;
    while (start <= series.length()) {
      int end = next.find(start) ? next.start() : series.length();
      String pair = series.substring(start, end);
      int eq = pair.indexOf('=');
      if (eq > 0) {
        labels.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      start = end + 1;
    }
    return labels;
  }
}
