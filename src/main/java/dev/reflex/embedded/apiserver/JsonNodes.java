package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Small reads and writes over decoded JSON that the built-in defaulting, validation and conversion share. They read
 * a field the way Go's decoder fills a struct: an absent key and an explicit {@code null} are the same zero value, so
 * {@code "restartPolicy": null} is defaulted exactly like a missing one.
 */
final class JsonNodes {

  private JsonNodes() {
  }

  /** True when the key is missing or null: Go's nil pointer, nil slice or nil map. */
  static boolean isNil(JsonObject object, String key) {
    return object == null || object.getValue(key) == null;
  }

  /** True when the value is nil or the empty string: Go's zero string, which defaulting replaces. */
  static boolean isEmptyString(JsonObject object, String key) {
    Object value = object.getValue(key);
    return value == null || (value instanceof String s && s.isEmpty());
  }

  /** The number as a long, or the fallback when missing, null or not a number. */
  static long longOr(JsonObject object, String key, long fallback) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof Number n ? n.longValue() : fallback;
  }

  /** The number as decoded (Integer, Long, …), or 0 (Go's zero int) when missing or not a number. */
  static Number number(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof Number n ? n : 0;
  }

  /** The string, or the empty string (Go's zero value) when missing or not a string. */
  static String string(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof String s ? s : "";
  }

  /** The nested object, or null when missing or of another type. */
  static JsonObject object(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof JsonObject o ? o : null;
  }

  /** The nested object along a path, or null when any step is missing. */
  static JsonObject path(JsonObject object, String... keys) {
    JsonObject current = object;
    for (String key : keys) {
      current = object(current, key);
    }
    return current;
  }

  /** The nested object, created (and stored) when missing or null, as defaulting a struct pointer does. */
  static JsonObject child(JsonObject object, String key) {
    JsonObject existing = object(object, key);
    if (existing == null) {
      existing = new JsonObject();
      object.put(key, existing);
    }
    return existing;
  }

  /** The objects of an array field; missing, null and non-object entries are skipped. */
  static List<JsonObject> objects(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    List<JsonObject> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** Sets a pointer-typed default: only when the field is nil. */
  static void defaultValue(JsonObject object, String key, Object value) {
    if (isNil(object, key)) {
      object.put(key, value);
    }
  }

  /** Sets a string default: when the field is nil or empty, as Go's {@code if x == ""}. */
  static void defaultString(JsonObject object, String key, String value) {
    if (isEmptyString(object, key)) {
      object.put(key, value);
    }
  }

  /** Sets a non-pointer int default: when the field is nil or 0, as Go's {@code if x == 0}. */
  static void defaultNonZero(JsonObject object, String key, int value) {
    if (longOr(object, key, 0) == 0) {
      object.put(key, value);
    }
  }
}
