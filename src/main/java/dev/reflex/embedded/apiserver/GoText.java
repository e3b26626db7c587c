package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How Go's fmt prints the values that end up in kube-apiserver's messages: floats with {@code %v} ({@code 1e+06},
 * {@code 0.5}), strings with {@code %q}, and JSON objects and arrays with {@code %#v}
 * ({@code map[string]interface {}{"name":"a"}}). Clients compare these messages as text, so they must match.
 */
final class GoText {

  private GoText() {
  }

  /**
   * A value {@link FieldError#body()} prints bare (it prints any non-String, non-JSON value with
   * {@code String.valueOf}): what Go prints for a float, a map, a slice or a Stringer.
   */
  record Shown(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Go's {@code %q} of a string ({@link dev.reflex.core.GoText#quote}). */
  static String quote(String s) {
    return dev.reflex.core.GoText.quote(s);
  }

  /** The value to hand to a {@link FieldError} so that its body prints what kube-apiserver prints. */
  static Object shown(Object value) {
    if (value instanceof Double d) {
      return new Shown(formatFloat(d));
    }
    if (value instanceof JsonObject || value instanceof JsonArray) {
      return new Shown(sharpV(value));
    }
    return value;
  }

  /** A JSON number as Go's {@code %v} prints the int64 or float64 it decodes to. */
  static String number(Number n) {
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      return formatFloat(n.doubleValue());
    }
    return n.toString();
  }

  /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 and from 1e+06 on. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - exact.scale() - 1;
    String sign = d < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return sign + exact.toPlainString();
  }

  /** Go's {@code %#v} of a decoded JSON value (maps print with sorted keys). */
  static String sharpV(Object value) {
    if (value == null) {
      return "interface {}(nil)";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Number n) {
      return number(n);
    }
    if (value instanceof JsonObject o) {
      return sharpV(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return sharpV(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      List<String> keys = new ArrayList<>();
      m.keySet().forEach(k -> keys.add(String.valueOf(k)));
      keys.sort(null);
      return "map[string]interface {}{" + keys.stream().map(k -> quote(k) + ":" + sharpV(m.get(k)))
          .collect(Collectors.joining(", ")) + "}";
    }
    if (value instanceof List<?> l) {
      return "[]interface {}{" + l.stream().map(GoText::sharpV).collect(Collectors.joining(", ")) + "}";
    }
    return String.valueOf(value);
  }

  /** Go's {@code %#v} of a {@code []string}. */
  static String stringSlice(List<String> values) {
    return "[]string{" + values.stream().map(GoText::quote).collect(Collectors.joining(", ")) + "}";
  }
}
