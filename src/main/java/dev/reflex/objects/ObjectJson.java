package dev.reflex.objects;

import dev.reflex.core.GoDuration;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * Typed field access for Kubernetes-shaped JSON (decide documents, portrait specs, pods): every getter names the
 * full field path in its {@link InvalidFieldException}, e.g.
 * {@code hpa.spec.metrics[0].resource.target.type: must be a string}.
 */
public final class ObjectJson {

  private ObjectJson() {
  }

  public static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Object value(JsonObject parent, String key, String path, boolean required) {
    Object value = parent.getValue(key);
    if (value == null && required) {
      throw new InvalidFieldException(at(path, key), "is required");
    }
    return value;
  }

  public static JsonObject object(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value != null && !(value instanceof JsonObject)) {
      throw new InvalidFieldException(at(path, key), "must be an object");
    }
    return (JsonObject) value;
  }

  public static JsonArray array(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value != null && !(value instanceof JsonArray)) {
      throw new InvalidFieldException(at(path, key), "must be an array");
    }
    return (JsonArray) value;
  }

  public static JsonObject element(JsonArray array, int index, String elementPath) {
    Object value = array.getValue(index);
    if (!(value instanceof JsonObject)) {
      throw new InvalidFieldException(elementPath, "must be an object");
    }
    return (JsonObject) value;
  }

  public static String string(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value != null && !(value instanceof String)) {
      throw new InvalidFieldException(at(path, key), "must be a string");
    }
    return (String) value;
  }

  public static Integer integer(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number)) {
      throw new InvalidFieldException(at(path, key), "must be an integer");
    }
    double d = ((Number) value).doubleValue();
    if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
      throw new InvalidFieldException(at(path, key), "must be an integer");
    }
    return (int) d;
  }

  public static Double number(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())) {
      throw new InvalidFieldException(at(path, key), "must be a number");
    }
    return ((Number) value).doubleValue();
  }

  public static Instant time(JsonObject parent, String key, String path, boolean required) {
    String text = string(parent, key, path, required);
    if (text == null) {
      return null;
    }
    Instant time = Timestamps.parse(text);
    if (time == null) {
      throw new InvalidFieldException(at(path, key), "must be an RFC 3339 time, was \"" + text + "\"");
    }
    return time;
  }

  /** A quantity string ({@code "500m"}) or a plain JSON number, in milli-units. */
  public static Long quantity(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Number) {
        return Quantity.milliOf(((Number) value).doubleValue());
      }
      if (value instanceof String) {
        return Quantity.parseMilli((String) value);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(at(path, key), e.getMessage());
    }
    throw new InvalidFieldException(at(path, key), "must be a quantity string or a number");
  }

  /** A Go duration string ({@code "30s"}, {@code "1m0s"}, {@code "500ms"}) or a number of seconds. */
  public static Duration duration(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Number) {
      double seconds = ((Number) value).doubleValue();
      if (!Double.isFinite(seconds) || seconds < 0) {
        throw new InvalidFieldException(at(path, key), "must be a non-negative number of seconds");
      }
      return Duration.ofNanos(Math.round(seconds * 1e9));
    }
    if (value instanceof String text && !text.isEmpty()) {
      try {
        Duration parsed = GoDuration.parse(text);
        if (!parsed.isNegative()) {
          return parsed;
        }
      } catch (IllegalArgumentException e) {
        // falls through to the error below
      }
    }
    throw new InvalidFieldException(at(path, key), "must be a duration such as \"30s\" or a number of seconds");
  }

}
