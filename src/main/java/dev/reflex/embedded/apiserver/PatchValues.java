package dev.reflex.embedded.apiserver;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * JSON values as the Go patch libraries see them. Go decodes integers and fractions into different types
 * ({@code int64}, {@code float64}) and compares scalars with {@code ==}, so {@code 80} and {@code 80.0} are different
 * merge keys; Vert.x may hold the same integer as an Integer or a Long, which must not matter. Error texts of the
 * libraries print values with Go's {@code %v}, reproduced by {@link #goFormat}.
 */
final class PatchValues {

  /** Marks a body that is not JSON at all, so each patch type can word its own 400. */
  static final Object NOT_JSON = new Object();

  private PatchValues() {
  }

  /** The decoded body, or {@link #NOT_JSON}. */
  static Object parse(String body) {
    try {
      return Json.decodeValue(body);
    } catch (DecodeException e) {
      return NOT_JSON;
    }
  }

  static Object copy(Object value) {
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    if (value instanceof JsonArray a) {
      return a.copy();
    }
    return value;
  }

  static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger;
  }

  static boolean isFraction(Object value) {
    return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
  }

  /** Go's {@code ==} on two decoded scalars; containers are never equal (Go would panic). */
  static boolean sameScalar(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (isIntegral(a) && isIntegral(b)) {
      return new BigInteger(a.toString()).equals(new BigInteger(b.toString()));
    }
    if (isFraction(a) && isFraction(b)) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof JsonObject || a instanceof JsonArray) {
      return false;
    }
    return a.equals(b);
  }

  /** Structural equality of two JSON values, numbers compared as {@link #sameScalar}. */
  static boolean deepEquals(Object a, Object b) {
    return JsonValues.deepEqual(a, b, PatchValues::sameScalar);
  }

  /** The Go type a decoded value has in {@code map[string]interface{}}, as reflect prints it. */
  static String goType(Object value) {
    if (value instanceof JsonObject) {
      return "map[string]interface {}";
    }
    if (value instanceof JsonArray) {
      return "[]interface {}";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (isIntegral(value)) {
      return "int64";
    }
    if (isFraction(value)) {
      return "float64";
    }
    return "%!s(<nil>)";
  }

  /** The kind word {@code encoding/json} uses in "cannot unmarshal X into ...". */
  static String jsonKind(Object value) {
    if (value instanceof JsonObject) {
      return "object";
    }
    if (value instanceof JsonArray) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return "number";
  }

  /** Go's {@code %v} of a decoded value: {@code map[k:v]} with sorted keys, {@code [a b]}, {@code <nil>}. */
  static String goFormat(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof JsonObject o) {
      Map<String, Object> sorted = new TreeMap<>(o.getMap());
      return sorted.entrySet().stream()
          .map(e -> e.getKey() + ":" + goFormat(o.getValue(e.getKey())))
          .collect(Collectors.joining(" ", "map[", "]"));
    }
    if (value instanceof JsonArray a) {
      return a.stream().map(PatchValues::goFormat).collect(Collectors.joining(" ", "[", "]"));
    }
    if (isFraction(value)) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        return new BigDecimal(d).toBigInteger().toString();
      }
      return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
    }
    return value.toString();
  }

  /** Drops null members of objects, at any depth, also inside arrays (null array elements stay); returns it. */
  static <T> T pruneNulls(T value) {
    if (value instanceof JsonObject object) {
      for (String key : new ArrayList<>(object.fieldNames())) {
        Object member = object.getValue(key);
        if (member == null) {
          object.remove(key);
        } else {
          pruneNulls(member);
        }
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        pruneNulls(array.getValue(i));
      }
    }
    return value;
  }
}
