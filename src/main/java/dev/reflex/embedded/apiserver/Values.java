package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON values as structured-merge-diff compares them: integers and floats are equal when numerically equal, and
 * values of different kinds sort floats/integers, strings, booleans, lists, maps, then null.
 */
final class Values {

  private Values() {
  }

  static boolean isInteger(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger;
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  static boolean isScalar(Object v) {
    return v instanceof String || v instanceof Boolean || v instanceof Number;
  }

  /** Vert.x hands out Maps and Lists inside objects built from them; walkers see JsonObject/JsonArray only. */
  static Object wrap(Object v) {
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return new JsonObject(map);
    }
    if (v instanceof List<?> l) {
      return new JsonArray(new ArrayList<>(l));
    }
    return v;
  }

  /**
   * Whether {@link #compare} would answer 0, worked out without ordering ({@link JsonValues#deepEqual}: maps by size
   * and key lookup, no sorted key lists, and the very same node is equal at once). Writes compare whole objects that
   * are mostly unchanged, so this is the common answer to make cheap.
   */
  static boolean equal(Object a, Object b) {
    return JsonValues.deepEqual(a, b, Values::equalScalars);
  }

  private static boolean equalScalars(Object a, Object b) {
    return a instanceof String x ? x.equals(b) : compare(a, b) == 0;
  }

  private static int kindRank(Object v) {
    if (v instanceof Number) {
      return 0;
    }
    if (v instanceof String) {
      return 2;
    }
    if (v instanceof Boolean) {
      return 3;
    }
    if (v instanceof JsonArray || v instanceof List) {
      return 4;
    }
    if (v instanceof JsonObject || v instanceof Map) {
      return 5;
    }
    return 6;
  }

  static int compare(Object a, Object b) {
    a = wrap(a);
    b = wrap(b);
    if (a instanceof Number x && b instanceof Number y) {
      if (isFloat(x) || isFloat(y)) {
        return Double.compare(x.doubleValue(), y.doubleValue());
      }
      if ((x instanceof Integer || x instanceof Long) && (y instanceof Integer || y instanceof Long)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return new BigInteger(x.toString()).compareTo(new BigInteger(y.toString()));
    }
    int byKind = Integer.compare(kindRank(a), kindRank(b));
    if (byKind != 0) {
      return byKind;
    }
    if (a instanceof String x) {
      return x.compareTo((String) b);
    }
    if (a instanceof Boolean x) {
      return Boolean.compare(x, (Boolean) b);
    }
    if (a instanceof JsonArray x) {
      JsonArray y = (JsonArray) b;
      for (int i = 0; ; i++) {
        if (i >= x.size() || i >= y.size()) {
          return Integer.compare(x.size(), y.size());
        }
        int c = compare(x.getValue(i), y.getValue(i));
        if (c != 0) {
          return c;
        }
      }
    }
    if (a instanceof JsonObject x) {
      JsonObject y = (JsonObject) b;
      // Maps compare by their sorted keys, then by the values under them.
      List<String> xs = new ArrayList<>(new TreeSet<>(x.fieldNames()));
      List<String> ys = new ArrayList<>(new TreeSet<>(y.fieldNames()));
      for (int i = 0; ; i++) {
        if (i >= xs.size() || i >= ys.size()) {
          return Integer.compare(xs.size(), ys.size());
        }
        int c = xs.get(i).compareTo(ys.get(i));
        if (c != 0) {
          return c;
        }
        c = compare(x.getValue(xs.get(i)), y.getValue(ys.get(i)));
        if (c != 0) {
          return c;
        }
      }
    }
    return 0;
  }

  /** A deep copy, so that results never share mutable nodes with the inputs. */
  static Object copy(Object v) {
    v = wrap(v);
    if (v instanceof JsonObject o) {
      return o.copy();
    }
    if (v instanceof JsonArray a) {
      return a.copy();
    }
    return v;
  }

  /** How structured-merge-diff prints a key value in a path: Go's %q for strings, %v otherwise. */
  static String toGoString(Object v) {
    v = wrap(v);
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return goQuote(s);
    }
    if (isFloat(v)) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e21 ? String.valueOf((long) d) : String.valueOf(d);
    }
    if (v instanceof JsonArray a) {
      List<String> parts = new ArrayList<>();
      a.forEach(item -> parts.add(toGoString(item)));
      return "[" + String.join(",", parts) + "]";
    }
    if (v instanceof JsonObject o) {
      StringBuilder out = new StringBuilder();
      o.forEach(e -> out.append(e.getKey()).append('=').append(toGoString(e.getValue())));
      return out.toString();
    }
    return String.valueOf(v);
  }

  /** Go's strconv.Quote for the characters manager names and keys hold. */
  static String goQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", c));
          } else if (!Character.isDefined(c) || Character.getType(c) == Character.FORMAT
              || Character.getType(c) == Character.CONTROL) {
            out.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append('"').toString();
  }
}
