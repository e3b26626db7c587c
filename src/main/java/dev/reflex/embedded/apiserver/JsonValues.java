package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * JSON values as kube-apiserver's decoder sees them: every number is an int64 when it is integral and fits, else a
 * float64. Vert.x hands us Integer, Long, Double, BigInteger or BigDecimal depending on the literal; normalising to
 * Long and Double once makes type checks, enum comparisons and printed values agree with kube's.
 */
final class JsonValues {

  private static final double TWO_TO_63 = 9.223372036854775808E18;

  private JsonValues() {
  }

  /** A deep copy with numbers normalised; Maps and Lists become JsonObject and JsonArray. */
  static Object copy(Object value) {
    if (value instanceof JsonObject o) {
      return copyObject(o.getMap());
    }
    if (value instanceof Map<?, ?> m) {
      return copyObject(m);
    }
    if (value instanceof JsonArray a) {
      return copyArray(a.getList());
    }
    if (value instanceof List<?> l) {
      return copyArray(l);
    }
    if (value instanceof Number n) {
      return normalize(n);
    }
    return value;
  }

  static JsonObject copyObject(JsonObject o) {
    return copyObject(o.getMap());
  }

  private static JsonObject copyObject(Map<?, ?> m) {
    JsonObject out = new JsonObject();
    m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
    return out;
  }

  private static JsonArray copyArray(List<?> l) {
    JsonArray out = new JsonArray();
    l.forEach(v -> out.add(copy(v)));
    return out;
  }

  /** Long for integral numbers that fit in an int64, Double otherwise. */
  static Number normalize(Number n) {
    if (n instanceof Long) {
      return n;
    }
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Number) b.longValue() : (Number) b.doubleValue();
    }
    double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
    if (!Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < TWO_TO_63) {
      return (long) d;
    }
    return d;
  }

  /** The OpenAPI type name of a value, as kube-openapi reports it in "must be of type" messages. */
  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof JsonObject || value instanceof Map) {
      return "object";
    }
    if (value instanceof JsonArray || value instanceof List) {
      return "array";
    }
    return normalize((Number) value) instanceof Long ? "integer" : "number";
  }

  /** Deep equality where 1 and 1.0 are the same number. */
  static boolean same(Object a, Object b) {
    return deepEqual(a, b, JsonValues::sameScalar);
  }

  private static boolean sameScalar(Object a, Object b) {
    Object x = a instanceof Number n ? normalize(n) : a;
    Object y = b instanceof Number n ? normalize(n) : b;
    if (x instanceof Number nx && y instanceof Number ny) {
      return nx.doubleValue() == ny.doubleValue() && (nx instanceof Long == ny instanceof Long
          || nx.doubleValue() == Math.rint(nx.doubleValue()));
    }
    return x == null ? y == null : x.equals(y);
  }

  /**
   * The one structural equality of decoded JSON: maps (JsonObject or Map) by their keys and the values under them,
   * lists (JsonArray or List) item by item, a map or list never equal to anything else, and every other pair as
   * {@code scalars} says (each caller has its own rule for numbers). The very same node is equal at once.
   */
  static boolean deepEqual(Object a, Object b, BiPredicate<Object, Object> scalars) {
    if (a == b) {
      return true;
    }
    Object x = a instanceof JsonObject o ? o.getMap() : a instanceof JsonArray l ? l.getList() : a;
    Object y = b instanceof JsonObject o ? o.getMap() : b instanceof JsonArray l ? l.getList() : b;
    if (x instanceof Map<?, ?> mx) {
      if (!(y instanceof Map<?, ?> my) || mx.size() != my.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : mx.entrySet()) {
        Object theirs = my.get(entry.getKey());
        if (theirs == null && !my.containsKey(entry.getKey()) || !deepEqual(entry.getValue(), theirs, scalars)) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof List<?> lx) {
      if (!(y instanceof List<?> ly) || lx.size() != ly.size()) {
        return false;
      }
      for (int i = 0; i < lx.size(); i++) {
        if (!deepEqual(lx.get(i), ly.get(i), scalars)) {
          return false;
        }
      }
      return true;
    }
    return !(y instanceof Map) && !(y instanceof List) && scalars.test(x, y);
  }
}
