package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Validates an object against its OpenAPI v3 structural schema the way kube-apiserver validates custom resources
 * (kube-openapi's validator, then apiextensions' conversion of its results into field errors), so that a 422 reads
 * word for word like kube's: {@code spec.minReplicas: Invalid value: "string": spec.minReplicas in body must be of
 * type integer: "string"}.
 *
 * <p>{@link #apply} runs what kube runs on create and update, in its order: prune unknown fields (reporting them for
 * {@code fieldValidation}), drop nulls the schema does not allow, apply defaults, then validate (the schema, embedded
 * resources, list-type sets and maps). ObjectMeta of the object itself is not checked here: the caller knows the
 * kind's scope and name rule, runs {@link ObjectMetaValidation#validate} and puts those errors first, as kube does.
 */
public final class SchemaValidator {

  /** The path kube-apiserver prints for an error that names no field (its nil field path). */
  static final String NO_FIELD = "<nil>";

  /**
   * What {@link #apply} made of an object.
   *
   * @param object the pruned and defaulted copy (the input is not touched)
   * @param errors the validation errors, in kube's order, empty when valid
   * @param unknownFields the paths of the fields pruning removed, as {@code fieldValidation} reports them
   */
  public record Outcome(JsonObject object, List<FieldError> errors, List<String> unknownFields) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final SchemaContext ctx;
  private final Map<String, Object> patterns = new HashMap<>();

  private SchemaValidator(SchemaContext ctx) {
    this.ctx = ctx;
  }

  /** Prunes, defaults and validates a copy of the object against the schema of the whole object. */
  public static Outcome apply(JsonObject object, JsonObject rootSchema, SchemaContext ctx) {
    JsonObject copy = JsonValues.copyObject(object);
    List<String> unknown = SchemaPruner.prune(copy, rootSchema, ctx);
    SchemaDefaulter.dropDisallowedNulls(copy, rootSchema, ctx);
    SchemaDefaulter.applyDefaults(copy, rootSchema, ctx);
    return new Outcome(copy, validate(copy, rootSchema, ctx), unknown);
  }

  /** Validates an object as it is (no pruning, no defaulting): schema, embedded resources, list sets and maps. */
  public static List<FieldError> validate(JsonObject object, JsonObject rootSchema, SchemaContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    if (rootSchema != null) {
      errors.addAll(new SchemaValidator(ctx).check(JsonValues.copyObject(object), rootSchema, "").errors);
    }
    errors.addAll(EmbeddedResourceValidation.validate(object, rootSchema, ctx));
    errors.addAll(ListTypeValidation.validate(object, rootSchema, ctx));
    return errors;
  }

  /**
   * kube-apiserver's 422 message: {@code Kind.group "name" is invalid: [a: …, b: …]}, repeated messages once, and
   * no brackets around a single one.
   */
  public static String invalidMessage(String qualifiedKind, String name, List<FieldError> errors) {
    String head = qualifiedKind + " " + GoText.quote(name) + " is invalid";
    Set<String> messages = new LinkedHashSet<>();
    errors.forEach(e -> messages.add(e.message()));
    if (messages.isEmpty()) {
      return head;
    }
    String joined = String.join(", ", messages);
    return head + ": " + (messages.size() == 1 ? joined : "[" + joined + "]");
  }

  /** kube's fieldValidation=Strict answer (400) for the unknown fields: {@code strict decoding error: unknown …}. */
  public static String strictDecodingError(List<String> unknownFields) {
    return "strict decoding error: " + unknownFields.stream().map(SchemaValidator::unknownFieldWarning)
        .collect(Collectors.joining(", "));
  }

  /** kube's fieldValidation=Warn warning for one unknown field: {@code unknown field "spec.foo"}. */
  public static String unknownFieldWarning(String path) {
    return "unknown field " + GoText.quote(path);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // kube-openapi's validator: one pass per schema node, validators in its order, errors deduplicated per node.

  /** Errors of one node and kube-openapi's match count, which picks the closest failing anyOf/oneOf branch. */
  private static final class Result {
    final List<FieldError> errors = new ArrayList<>();
    int matches;

    void add(FieldError e) {
      if (!errors.contains(e)) {
        errors.add(e);
      }
    }

    Result merge(Result other) {
      if (other != null) {
        other.errors.forEach(this::add);
        matches += other.matches;
      }
      return this;
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The field of an error named after a kube-openapi path (leading dot trimmed; the root has none). */
  private static String field(String path) {
    String p = path.startsWith(".") ? path.substring(1) : path;
    return p.isEmpty() ? NO_FIELD : p;
  }

  private static String in(String path) {
    return path + " in body";
  }

  private Result check(Object data, JsonObject raw, String path) {
    Result res = new Result();
    SchemaView s = SchemaView.of(raw, ctx);
    if (s == null) {
      return res;
    }
    List<String> types = s.types();
    String format = Formats.effective(types.size() == 1 ? types.get(0) : null, s.node().getString("format"));
    if (data == null) {
      if (!types.isEmpty() && !types.contains("null") && !s.nullable()) {
        res.add(typeError(path, String.join(",", types), "null"));
      }
      res.merge(checkEnum(null, s, path));
      return res;
    }
    String kind = JsonValues.typeName(data);
    if (!types.isEmpty() || format != null) {
      res.merge(checkType(kind, types, format, path));
      res.matches++;
    }
    res.merge(checkCombinators(data, s, path));
    res.matches++;
    if (data instanceof String str) {
      res.merge(checkString(str, s, path));
      res.matches++;
      if (Formats.isStringFormat(format)) {
        if (!Formats.validates(format, str)) {
          res.add(FieldError.typeInvalid(field(path), str,
              in(path) + " must be of type " + format + ": " + GoText.quote(str)));
        }
        res.matches++;
      }
    }
    if (data instanceof Number n) {
      res.merge(NumberChecks.check(n, s, types, format, path));
      res.matches++;
    }
    if (data instanceof JsonArray array) {
      res.merge(checkArray(array, s, path));
      res.matches++;
    }
    res.merge(checkEnum(data, s, path));
    res.matches++;
    if (data instanceof JsonObject object) {
      res.merge(checkObject(object, s, path));
      res.matches++;
    }
    res.matches++;
    return res;
  }

  private static FieldError typeError(String path, String expected, String actual) {
    return FieldError.typeInvalid(field(path), actual,
        in(path) + " must be of type " + expected + ": " + GoText.quote(actual));
  }

  private static Result checkType(String kind, List<String> types, String format, String path) {
    Result res = new Result();
    String valueFormat = switch (kind) {
      case "integer" -> "int64";
      case "number" -> "float64";
      default -> "";
    };
    boolean intAsNumber = kind.equals("integer") && types.contains("number");
    boolean stringLike = kind.equals("string") || kind.equals("array");
    if (!stringLike && format != null
        && !(types.contains(kind) || format.equals(valueFormat) || intAsNumber)) {
      res.add(typeError(path, format, valueFormat));
      return res;
    }
    if (!(types.contains("number") || types.contains("integer")) && format != null && stringLike) {
      res.matches++;
      return res;
    }
    if (!(types.contains(kind) || intAsNumber)) {
      res.add(typeError(path, String.join(",", types), kind));
      return res;
    }
    res.matches++;
    return res;
  }

  private Result checkCombinators(Object data, SchemaView s, String path) {
    Result main = new Result();
    List<JsonObject> anyOf = s.schemas("anyOf");
    if (!anyOf.isEmpty()) {
      Result best = null;
      Result firstSuccess = null;
      for (JsonObject branch : anyOf) {
        Result r = check(data, branch, path);
        if (r.valid()) {
          best = null;
          firstSuccess = r;
          break;
        }
        if (best == null || r.matches > best.matches) {
          best = r;
        }
      }
      if (firstSuccess == null) {
        main.add(composite(GoText.quote(path) + " must validate at least one schema (anyOf)"));
      }
      main.merge(best != null ? best : firstSuccess);
    }
    List<JsonObject> oneOf = s.schemas("oneOf");
    if (!oneOf.isEmpty()) {
      Result best = null;
      Result firstSuccess = null;
      int validated = 0;
      for (JsonObject branch : oneOf) {
        Result r = check(data, branch, path);
        if (r.valid()) {
          validated++;
          best = null;
          if (firstSuccess == null) {
            firstSuccess = r;
          }
          continue;
        }
        if (validated == 0 && (best == null || r.matches > best.matches)) {
          best = r;
        }
      }
      if (validated != 1) {
        String found = validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
        main.add(composite(GoText.quote(path) + " must validate one and only one schema (oneOf). " + found));
        main.merge(best);
      } else {
        main.merge(firstSuccess);
      }
    }
    List<JsonObject> allOf = s.schemas("allOf");
    if (!allOf.isEmpty()) {
      int validated = 0;
      for (JsonObject branch : allOf) {
        Result r = check(data, branch, path);
        if (r.valid()) {
          validated++;
        }
        main.merge(r);
      }
      if (validated != allOf.size()) {
        main.add(composite(GoText.quote(path) + " must validate all the schemas (allOf)"
            + (validated == 0 ? ". None validated" : "")));
      }
    }
    if (s.node().getValue("not") instanceof JsonObject not && check(data, not, path).valid()) {
      main.add(composite(GoText.quote(path) + " must not validate the schema (not)"));
    }
    main.matches++;
    return main;
  }

  /** An error kube-openapi raises without a field (combinators, ranges): kube files it under no field. */
  static FieldError composite(String message) {
    return FieldError.invalid(NO_FIELD, "", message);
  }

  private Result checkString(String str, SchemaView s, String path) {
    Result res = new Result();
    long length = str.codePointCount(0, str.length());
    Long max = s.node().getLong("maxLength");
    if (max != null && length > max) {
      res.add(new FieldError(FieldError.TOO_LONG, field(path), "", "may not be more than " + max + " bytes"));
      return res;
    }
    Long min = s.node().getLong("minLength");
    if (min != null && length < min) {
      res.add(FieldError.invalid(field(path), str, in(path) + " should be at least " + min + " chars long"));
      return res;
    }
    String pattern = s.node().getString("pattern");
    if (pattern != null && !pattern.isEmpty()) {
      Object compiled = patterns.computeIfAbsent(pattern, p -> {
        try {
          return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
          return e.getDescription();
        }
      });
      if (compiled instanceof String problem) {
        res.add(FieldError.invalid(field(path), str,
            in(path) + " should match '" + pattern + ", but pattern is invalid: " + problem + "'"));
      } else if (!((Pattern) compiled).matcher(str).find()) {
        res.add(FieldError.invalid(field(path), str, in(path) + " should match '" + pattern + "'"));
      }
    }
    return res;
  }

  private Result checkArray(JsonArray array, SchemaView s, String path) {
    Result res = new Result();
    JsonObject items = s.items();
    if (items != null) {
      for (int i = 0; i < array.size(); i++) {
        res.merge(check(array.getValue(i), items, path + "[" + i + "]"));
      }
    }
    long size = array.size();
    Long min = s.node().getLong("minItems");
    if (min != null && size < min) {
      res.add(FieldError.invalid(field(path), size, in(path) + " should have at least " + min + " items"));
    }
    Long max = s.node().getLong("maxItems");
    if (max != null && size > max) {
      res.add(new FieldError(FieldError.TOO_MANY, field(path), size, "must have at most " + max + " items"));
    }
    if (s.node().getBoolean("uniqueItems", false) && hasDuplicates(array)) {
      res.add(FieldError.invalid(field(path), "", in(path) + " shouldn't contain duplicates"));
    }
    res.matches++;
    return res;
  }

  private static boolean hasDuplicates(JsonArray array) {
    for (int i = 0; i < array.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (JsonValues.same(array.getValue(i), array.getValue(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Result checkEnum(Object data, SchemaView s, String path) {
    Result res = new Result();
    JsonArray values = s.node().getJsonArray("enum");
    if (values == null || values.isEmpty()) {
      return res;
    }
    if (data != null) {
      for (Object allowed : values) {
        if (JsonValues.same(data, allowed)) {
          return res;
        }
      }
    }
    List<String> supported = new ArrayList<>();
    values.forEach(v -> supported.add(v instanceof String str ? str : encode(v)));
    res.add(FieldError.notSupported(field(path), GoText.shown(data), supported));
    return res;
  }

  private static String encode(Object value) {
    Object v = JsonValues.copy(value);
    return v instanceof JsonObject || v instanceof JsonArray ? v.toString()
        : v instanceof Number n ? GoText.number(n) : String.valueOf(v);
  }

  private Result checkObject(JsonObject object, SchemaView s, String path) {
    Result res = new Result();
    long count = object.size();
    Long min = s.node().getLong("minProperties");
    if (min != null && count < min) {
      res.add(FieldError.invalid(field(path), count, in(path) + " should have at least " + min + " properties"));
    }
    Long max = s.node().getLong("maxProperties");
    if (max != null && count > max) {
      res.add(new FieldError(FieldError.TOO_MANY, field(path), count, "must have at most " + max + " items"));
    }
    JsonObject props = s.properties();
    if (s.additionalPropertiesForbidden()) {
      for (String key : object.fieldNames()) {
        if (!props.containsKey(key)) {
          res.add(FieldError.invalid(field(path), key, in(path + "." + key) + " is a forbidden property"));
        }
      }
    } else if (s.additionalPropertiesSchema() != null) {
      for (String key : object.fieldNames()) {
        if (!props.containsKey(key)) {
          res.merge(check(object.getValue(key), s.additionalPropertiesSchema(), path + "." + key));
        }
      }
    }
    for (String name : props.fieldNames()) {
      if (object.containsKey(name)) {
        String child = path.isEmpty() ? name : path + "." + name;
        res.merge(check(object.getValue(name), props.getJsonObject(name), child));
      }
    }
    JsonArray required = s.node().getJsonArray("required");
    if (required != null) {
      for (Object name : required) {
        if (!object.containsKey(String.valueOf(name))) {
          res.add(FieldError.required(field(path + "." + name), ""));
        }
      }
    }
    res.matches++;
    return res;
  }

  /** kube-openapi's numeric checks: the value's own range for its format, then multipleOf, minimum, maximum. */
  private static final class NumberChecks {

    private NumberChecks() {
    }

    static Result check(Number value, SchemaView s, List<String> types, String format, String path) {
      Result res = new Result();
      String typeName = "";
      String numberFormat = "";
      if (types.size() == 1 && types.get(0).equals("integer")) {
        typeName = "integer";
        numberFormat = format == null ? "" : format;
      } else if (types.size() == 1 && types.get(0).equals("number")) {
        typeName = "number";
        numberFormat = format == null ? "" : format;
      }
      String problem = rangeProblem(value, typeName, numberFormat, "Checked", path);
      if (problem != null) {
        res.add(composite(problem));
      }
      JsonObject node = s.node();
      if (node.getValue("multipleOf") instanceof Number factor) {
        boolean nativeFactor = rangeProblem(factor, typeName, numberFormat, "MultipleOf", path) == null;
        FieldError e = multipleOf(value, factor, nativeFactor, path);
        if (e != null) {
          res.add(e);
        }
      }
      if (node.getValue("minimum") instanceof Number min) {
        boolean nativeBound = rangeProblem(min, typeName, numberFormat, "Minimum boundary", path) == null;
        boolean exclusive = node.getBoolean("exclusiveMinimum", false);
        FieldError e = bound(value, min, nativeBound, exclusive, false, path);
        if (e != null) {
          res.add(e);
        }
      }
      if (node.getValue("maximum") instanceof Number max) {
        boolean nativeBound = rangeProblem(max, typeName, numberFormat, "Maximum boundary", path) == null;
        boolean exclusive = node.getBoolean("exclusiveMaximum", false);
        FieldError e = bound(value, max, nativeBound, exclusive, true, path);
        if (e != null) {
          res.add(e);
        }
      }
      res.matches++;
      return res;
    }

    /** Whether a number fits the schema's type and format; kube-openapi's wording when it does not. */
    private static String rangeProblem(Number raw, String typeName, String format, String prefix, String path) {
      Number n = JsonValues.normalize(raw);
      boolean fits = true;
      if (typeName.equals("integer")) {
        boolean integral = n instanceof Long || isJsonInteger(n.doubleValue());
        long v = n.longValue();
        fits = integral && (!format.equals("int32") || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE));
      } else if (format.equals("float")) {
        fits = Math.abs(n.doubleValue()) <= Float.MAX_VALUE;
      }
      if (fits) {
        return null;
      }
      String type = typeName.isEmpty() ? "number" : typeName;
      return format.isEmpty()
          ? prefix + " value must be of type " + type + " (default format) in " + path
          : prefix + " value must be of type " + type + " with format " + format + " in " + path;
    }

    /** Go's swag.IsFloat64AJSONInteger: integral and within the 2^53 range JSON integers keep exactly. */
    private static boolean isJsonInteger(double f) {
      if (Double.isNaN(f) || Double.isInfinite(f) || Math.abs(f) > 9007199254740991d) {
        return false;
      }
      double diff = Math.abs(f - Math.rint(f));
      return diff == 0 || diff / Math.abs(f) < 1e-9;
    }

    private static FieldError multipleOf(Number value, Number factorRaw, boolean nativeFactor, String path) {
      Number factor = JsonValues.normalize(factorRaw);
      if (value instanceof Long v && nativeFactor) {
        long f = factor.longValue();
        if (f <= 0) {
          return FieldError.invalid(field(path), f,
              "factor MultipleOf declared for " + path + " must be positive: " + f);
        }
        return v % f == 0 ? null
            : FieldError.invalid(field(path), v, in(path) + " should be a multiple of " + f);
      }
      double f = factor.doubleValue();
      double d = value.doubleValue();
      if (f <= 0) {
        return FieldError.invalid(field(path), GoText.shown(f),
            "factor MultipleOf declared for " + path + " must be positive: " + GoText.formatFloat(f));
      }
      double quotient = f < 1 ? 1 / f * d : d / f;
      return isJsonInteger(quotient) ? null : FieldError.invalid(field(path), GoText.shown(value),
          in(path) + " should be a multiple of " + GoText.formatFloat(f));
    }

    private static FieldError bound(Number value, Number boundRaw, boolean nativeBound, boolean exclusive,
        boolean upper, String path) {
      Number bound = JsonValues.normalize(boundRaw);
      boolean broken;
      String shownBound;
      if (value instanceof Long v && nativeBound) {
        long b = bound.longValue();
        broken = upper ? (exclusive ? v >= b : v > b) : (exclusive ? v <= b : v < b);
        shownBound = Long.toString(b);
      } else {
        double v = value.doubleValue();
        double b = bound.doubleValue();
        broken = upper ? (exclusive ? v >= b : v > b) : (exclusive ? v <= b : v < b);
        shownBound = GoText.formatFloat(b);
      }
      if (!broken) {
        return null;
      }
      String relation = upper ? (exclusive ? "less than " : "less than or equal to ")
          : (exclusive ? "greater than " : "greater than or equal to ");
      return FieldError.invalid(field(path), GoText.shown(value), in(path) + " should be " + relation + shownBound);
    }
  }
}
