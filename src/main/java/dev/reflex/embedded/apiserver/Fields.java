package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Null-tolerant reads of nested fields, the way the printers read Go structs: an absent or mistyped field reads as
 * its zero value ({@code ""}, {@code 0}, an empty object or list) instead of failing the whole table.
 */
final class Fields {

  private Fields() {
  }

  static Object value(JsonObject root, String... path) {
    Object current = root;
    for (String key : path) {
      if (!(current instanceof JsonObject object)) {
        return null;
      }
      current = object.getValue(key);
    }
    return current;
  }

  static JsonObject object(JsonObject root, String... path) {
    return value(root, path) instanceof JsonObject o ? o : new JsonObject();
  }

  static JsonObject objectOrNull(JsonObject root, String... path) {
    return value(root, path) instanceof JsonObject o ? o : null;
  }

  static JsonArray array(JsonObject root, String... path) {
    return value(root, path) instanceof JsonArray a ? a : new JsonArray();
  }

  /** The objects of a list field, skipping anything that is not an object. */
  static List<JsonObject> objects(JsonObject root, String... path) {
    List<JsonObject> out = new ArrayList<>();
    for (Object item : array(root, path)) {
      if (item instanceof JsonObject o) {
        out.add(o);
      }
    }
    return out;
  }

  static String string(JsonObject root, String... path) {
    return value(root, path) instanceof String s ? s : "";
  }

  static boolean has(JsonObject root, String... path) {
    return value(root, path) != null;
  }

  static long integer(JsonObject root, String... path) {
    return value(root, path) instanceof Number n ? n.longValue() : 0;
  }

  /** A pointer-like integer: null when absent. */
  static Long integerOrNull(JsonObject root, String... path) {
    return value(root, path) instanceof Number n ? n.longValue() : null;
  }

  static boolean bool(JsonObject root, String... path) {
    return value(root, path) instanceof Boolean b && b;
  }

  static Instant time(JsonObject root, String... path) {
    return Timestamps.parse(string(root, path));
  }

  static int size(JsonObject root, String... path) {
    Object value = value(root, path);
    if (value instanceof JsonObject o) {
      return o.size();
    }
    if (value instanceof JsonArray a) {
      return a.size();
    }
    return 0;
  }

  static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }
}
