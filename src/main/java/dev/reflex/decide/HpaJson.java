package dev.reflex.decide;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed field access for decide documents: every getter names the full field path in its
 * {@link DecideInputException}, e.g. {@code hpa.spec.metrics[0].resource.target.type: must be a string}.
 */
final class HpaJson {

  private static final Pattern GO_DURATION = Pattern.compile("(?:([0-9.]+)h)?(?:([0-9.]+)m(?!s))?(?:([0-9.]+)s)?"
      + "(?:([0-9.]+)ms)?");

  private HpaJson() {
  }

  static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Object value(JsonObject parent, String key, String path, boolean required) {
    Object value = parent.getValue(key);
    if (value == null && required) {
      throw new DecideInputException(at(path, key), "is required");
    }
    return value;
  }

  static JsonObject object(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value != null && !(value instanceof JsonObject)) {
      throw new DecideInputException(at(path, key), "must be an object");
    }
    return (JsonObject) value;
  }

  static JsonArray array(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value != null && !(value instanceof JsonArray)) {
      throw new DecideInputException(at(path, key), "must be an array");
    }
    return (JsonArray) value;
  }

  static JsonObject element(JsonArray array, int index, String elementPath) {
    Object value = array.getValue(index);
    if (!(value instanceof JsonObject)) {
      throw new DecideInputException(elementPath, "must be an object");
    }
    return (JsonObject) value;
  }

  static String string(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value != null && !(value instanceof String)) {
      throw new DecideInputException(at(path, key), "must be a string");
    }
    return (String) value;
  }

  static Integer integer(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number)) {
      throw new DecideInputException(at(path, key), "must be an integer");
    }
    double d = ((Number) value).doubleValue();
    if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
      throw new DecideInputException(at(path, key), "must be an integer");
    }
    return (int) d;
  }

  static Double number(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())) {
      throw new DecideInputException(at(path, key), "must be a number");
    }
    return ((Number) value).doubleValue();
  }

  static Instant time(JsonObject parent, String key, String path, boolean required) {
    String text = string(parent, key, path, required);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new DecideInputException(at(path, key), "must be an RFC 3339 time, was \"" + text + "\"");
    }
  }

  /** A quantity string ({@code "500m"}) or a plain JSON number, in milli-units. */
  static Long quantity(JsonObject parent, String key, String path, boolean required) {
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
      throw new DecideInputException(at(path, key), e.getMessage());
    }
    throw new DecideInputException(at(path, key), "must be a quantity string or a number");
  }

  /** A Go duration string ({@code "30s"}, {@code "1m0s"}, {@code "500ms"}) or a number of seconds. */
  static Duration duration(JsonObject parent, String key, String path, boolean required) {
    Object value = value(parent, key, path, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Number) {
      double seconds = ((Number) value).doubleValue();
      if (!Double.isFinite(seconds) || seconds < 0) {
        throw new DecideInputException(at(path, key), "must be a non-negative number of seconds");
      }
      return Duration.ofNanos(Math.round(seconds * 1e9));
    }
    if (value instanceof String && !((String) value).isEmpty()) {
      Matcher m = GO_DURATION.matcher((String) value);
      if (m.matches()) {
        try {
          double seconds = part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3))
              + part(m.group(4)) / 1000;
          return Duration.ofNanos(Math.round(seconds * 1e9));
        } catch (NumberFormatException e) {
          // falls through to the error below
        }
      }
    }
    throw new DecideInputException(at(path, key), "must be a duration such as \"30s\" or a number of seconds");
  }

  private static double part(String text) {
    return text == null ? 0 : Double.parseDouble(text);
  }
}
