package dev.reflex.metrics.ingest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes JSON lines, one sample per line: {@code {"labels":{"__name__":"concurrency","namespace":"default",
 * "pod":"web-0"},"timestamp":1700000000000,"value":3.5}}. Blank lines are skipped.
 */
public final class JsonLinesDecoder {

  private JsonLinesDecoder() {
  }

  /**
   * Decodes every line.
   *
   * @throws MalformedPayloadException naming the line and field at fault
   */
  public static List<RawSeries> decode(byte[] payload) throws MalformedPayloadException {
    String text = new String(payload, StandardCharsets.UTF_8);
    List<RawSeries> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonObject json;
      try {
        json = new JsonObject(line);
      } catch (DecodeException | ClassCastException e) {
        throw new MalformedPayloadException("line " + lineNo + " is not a JSON object: " + e.getMessage(), e);
      }
      out.add(series(json, lineNo));
    }
    return out;
  }

  private static RawSeries series(JsonObject json, int lineNo) throws MalformedPayloadException {
    Object labels = json.getValue("labels");
    if (!(labels instanceof JsonObject map)) {
      throw new MalformedPayloadException("line " + lineNo + ": field 'labels' must be an object of strings");
    }
    String[] names = new String[map.size()];
    String[] values = new String[map.size()];
    int i = 0;
    for (Map.Entry<String, Object> e : map) {
      if (!(e.getValue() instanceof String s)) {
        throw new MalformedPayloadException("line " + lineNo + ": label '" + e.getKey() + "' must be a string");
      }
      names[i] = e.getKey();
      values[i] = s;
      i++;
    }
    if (!(json.getValue("timestamp") instanceof Number ts)) {
      throw new MalformedPayloadException("line " + lineNo + ": field 'timestamp' must be a number (ms since epoch)");
    }
    Object value = json.getValue("value");
    double v;
    if (value instanceof Number n) {
      v = n.doubleValue();
    } else if (value instanceof String s && (s.equals("NaN") || s.endsWith("Inf"))) {
      v = Double.parseDouble(s.replace("Inf", "Infinity")); // Prometheus' spelling; rejected later, and counted
    } else {
      throw new MalformedPayloadException("line " + lineNo + ": field 'value' must be a number");
    }
    return new RawSeries(names, values, new long[] {ts.longValue()}, new double[] {v});
  }
}
