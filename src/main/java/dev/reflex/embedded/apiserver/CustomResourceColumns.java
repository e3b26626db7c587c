package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.ResourceType.PrinterColumn;
import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tables of custom resources, as apiextensions-apiserver builds them: NAME, then each additionalPrinterColumn in
 * order (a CRD version without any gets a single {@code Age} date column). A cell is the first value the column's
 * JSONPath reaches, typed by the column: {@code integer} truncates numbers, {@code number} keeps them,
 * {@code boolean} and {@code string} need that JSON type (a string column prints other values as text),
 * {@code date} turns an RFC 3339 string into an age ({@code <invalid>} when unparsable). Nothing found, or a
 * value of the wrong type, gives a null cell.
 */
final class CustomResourceColumns {

  private static final PrinterColumn DEFAULT_AGE =
      new PrinterColumn("Age", "date", "", ColumnDescriptions.META_CREATION, 0, ".metadata.creationTimestamp");

  private final List<TableColumn> columns = new ArrayList<>();
  private final List<JsonPathTemplate> paths = new ArrayList<>();

  /**
   * A column whose JSONPath cannot be parsed ends the list there: kube keeps the columns parsed before it (its
   * convertor is returned alongside the error) and drops that one and the rest.
   */
  CustomResourceColumns(List<PrinterColumn> printerColumns) {
    columns.add(TableColumn.nameColumn());
    List<PrinterColumn> declared = printerColumns == null || printerColumns.isEmpty()
        ? List.of(DEFAULT_AGE) : printerColumns;
    for (PrinterColumn column : declared) {
      try {
        paths.add(JsonPathTemplate.parse(column.jsonPath()));
      } catch (IllegalArgumentException e) {
        break;
      }
      String description = column.description() == null || column.description().isEmpty()
          ? "Custom resource definition column (in JSONPath format): " + column.jsonPath() : column.description();
      columns.add(new TableColumn(column.name(), column.type(), column.format(), description, column.priority()));
    }
  }

  List<TableColumn> columns() {
    return columns;
  }

  TableRow row(JsonObject object, Instant now) {
    List<Object> cells = new ArrayList<>();
    cells.add(BuiltInColumns.name(object));
    for (int i = 0; i < paths.size(); i++) {
      List<Object> found = paths.get(i).find(object);
      cells.add(found.isEmpty() ? null : cell(columns.get(i + 1).type(), found.get(0), now));
    }
    return new TableRow(cells, null);
  }

  static Object cell(String type, Object value, Instant now) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case "integer":
        return value instanceof Number n ? (Object) n.longValue() : null;
      case "number":
        if (value instanceof Number n) {
          double d = n.doubleValue();
          // Go writes a whole float64 without a fraction; a Long encodes the same way.
          return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return null;
      case "boolean":
        return value instanceof Boolean ? value : null;
      case "string":
        return GoText.of(value);
      case "date":
        if (value instanceof String s) {
          if (s.isEmpty() || s.equals("null")) {
            return "<unknown>";
          }
          Instant at = Timestamps.parse(s);
          return at == null ? "<invalid>" : HumanDuration.since(at, now);
        }
        return null;
      default:
        return null;
    }
  }

  /** How kube's JSONPath printer writes a value: strings bare, scalars as Go prints them, the rest as JSON. */
  static final class GoText {

    private GoText() {
    }

    static String of(Object value) {
      if (value instanceof String s) {
        return s;
      }
      if (value instanceof JsonObject || value instanceof JsonArray) {
        StringBuilder out = new StringBuilder();
        json(value, out);
        return out.toString();
      }
      if (value instanceof Double || value instanceof Float) {
        return goFloat(((Number) value).doubleValue());
      }
      return String.valueOf(value);
    }

    /** Go's %v of a float64: the shortest digits, in exponent form when the exponent is below -4 or from 6 on. */
    static String goFloat(double d) {
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "+Inf" : "-Inf";
      }
      if (d == 0) {
        return 1 / d < 0 ? "-0" : "0";
      }
      java.math.BigDecimal value = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
      String digits = value.unscaledValue().toString();
      int exponent = digits.length() - 1 - value.scale();
      String sign = d < 0 ? "-" : "";
      if (exponent < -4 || exponent >= 6) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int abs = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
      }
      return sign + value.toPlainString();
    }

    /** Go's json.Marshal: object keys sorted, {@code <>&} escaped. */
    private static void json(Object value, StringBuilder out) {
      if (value instanceof JsonObject o) {
        out.append('{');
        Map<String, Object> sorted = new TreeMap<>(o.getMap());
        boolean first = true;
        for (String key : sorted.keySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(key, out);
          out.append(':');
          json(o.getValue(key), out);
        }
        out.append('}');
      } else if (value instanceof JsonArray a) {
        out.append('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          json(a.getValue(i), out);
        }
        out.append(']');
      } else if (value instanceof String s) {
        string(s, out);
      } else if (value == null) {
        out.append("null");
      } else {
        out.append(value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e21
            ? Long.toString(d.longValue()) : String.valueOf(value));
      }
    }

    private static void string(String s, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
