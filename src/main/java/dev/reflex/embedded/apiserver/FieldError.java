package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One field-level error of a 422 Invalid answer, worded as kube-apiserver's {@code field.Error}: the cause's
 * {@code reason} is the error type ({@code FieldValueInvalid}, {@code FieldValueRequired}, …), its {@code field} the
 * dotted path ({@code spec.minReplicas}, {@code spec.containers[0].name}) and its {@code message} the error body
 * ({@code Invalid value: "abc": spec.minReplicas in body must be of type integer: "string"}).
 *
 * @param type the cause reason, one of the constants below
 * @param field the path of the field, as kube-apiserver prints it
 * @param value the offending value (String, Number, Boolean, JsonObject, JsonArray) or null when none is shown
 * @param detail what is wrong, may be empty
 */
public record FieldError(String type, String field, Object value, String detail) {

  public static final String INVALID = "FieldValueInvalid";
  public static final String REQUIRED = "FieldValueRequired";
  public static final String NOT_SUPPORTED = "FieldValueNotSupported";
  public static final String DUPLICATE = "FieldValueDuplicate";
  public static final String FORBIDDEN = "FieldValueForbidden";
  public static final String TOO_LONG = "FieldValueTooLong";
  public static final String TOO_MANY = "FieldValueTooMany";
  public static final String TYPE_INVALID = "FieldValueTypeInvalid";
  public static final String NOT_FOUND = "FieldValueNotFound";

  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(INVALID, field, value, detail);
  }

  public static FieldError typeInvalid(String field, Object value, String detail) {
    return new FieldError(TYPE_INVALID, field, value, detail);
  }

  public static FieldError required(String field, String detail) {
    return new FieldError(REQUIRED, field, null, detail);
  }

  public static FieldError forbidden(String field, String detail) {
    return new FieldError(FORBIDDEN, field, null, detail);
  }

  public static FieldError duplicate(String field, Object value) {
    return new FieldError(DUPLICATE, field, value, "");
  }

  public static FieldError notSupported(String field, Object value, List<String> supported) {
    String detail = supported.isEmpty() ? "" : "supported values: "
        + supported.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    return new FieldError(NOT_SUPPORTED, field, value, detail);
  }

  /** The part after the field path: {@code Required value}, {@code Invalid value: "x": detail}, … */
  public String body() {
    String head = switch (type) {
      case REQUIRED -> "Required value";
      case FORBIDDEN -> "Forbidden";
      case TOO_LONG -> "Too long";
      case TOO_MANY -> "Too many";
      case NOT_FOUND -> "Not found: " + render(value);
      case DUPLICATE -> "Duplicate value: " + render(value);
      case NOT_SUPPORTED -> "Unsupported value: " + render(value);
      default -> "Invalid value: " + render(value);
    };
    return detail == null || detail.isEmpty() ? head : head + ": " + detail;
  }

  /** {@code field: body}, as one item of a 422 message. */
  public String message() {
    return (field == null || field.isEmpty() ? "<nil>" : field) + ": " + body();
  }

  /** The {@code details.causes[]} entry of a Status. */
  public JsonObject cause() {
    return new JsonObject().put("reason", type).put("message", body()).put("field", field);
  }

  /** How kube-apiserver prints a bad value: strings quoted, numbers and booleans bare, objects as JSON. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return new JsonArray().add(s).encode().replaceAll("^\\[|]$", "");
    }
    if (value instanceof JsonObject || value instanceof JsonArray) {
      return "\"" + value + "\"";
    }
    return String.valueOf(value);
  }
}
