package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per schema rule: the field {@code spec.x} with the given schema and value, and kube's exact errors. */
class SchemaValidatorTest {

  private static final String TI = FieldError.TYPE_INVALID;
  private static final String IV = FieldError.INVALID;

  /** The object {@code {spec: {x: value}}} under {@code {spec: {x: schema}}}. */
  static List<FieldError> errorsFor(String schema, String value) {
    JsonObject root = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("spec", new JsonObject().put("type", "object")
            .put("properties", new JsonObject().put("x", new JsonObject(schema)))));
    JsonObject object = new JsonObject().put("apiVersion", "g/v1").put("kind", "K")
        .put("metadata", new JsonObject().put("name", "n"))
        .put("spec", new JsonObject().put("x", Json.decodeValue(value)));
    return SchemaValidator.apply(object, root, SchemaContext.NONE).errors();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        row("integer given a string", "{\"type\":\"integer\"}", "\"abc\"", TI, "spec.x",
            "spec.x: Invalid value: \"string\": spec.x in body must be of type integer: \"string\""),
        row("number given a boolean", "{\"type\":\"number\"}", "true", TI, "spec.x",
            "spec.x: Invalid value: \"boolean\": spec.x in body must be of type number: \"boolean\""),
        row("string given an integer", "{\"type\":\"string\"}", "5", TI, "spec.x",
            "spec.x: Invalid value: \"integer\": spec.x in body must be of type string: \"integer\""),
        row("object given an array", "{\"type\":\"object\"}", "[]", TI, "spec.x",
            "spec.x: Invalid value: \"array\": spec.x in body must be of type object: \"array\""),
        row("array given an object", "{\"type\":\"array\"}", "{}", TI, "spec.x",
            "spec.x: Invalid value: \"object\": spec.x in body must be of type array: \"object\""),
        row("boolean given a string", "{\"type\":\"boolean\"}", "\"true\"", TI, "spec.x",
            "spec.x: Invalid value: \"string\": spec.x in body must be of type boolean: \"string\""),
        row("null item where null is not allowed", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",
            "[null]", TI, "spec.x[0]",
            "spec.x[0]: Invalid value: \"null\": spec.x[0] in body must be of type string: \"null\""),
        row("int32 out of range", "{\"type\":\"integer\",\"format\":\"int32\"}", "3000000000", IV, "<nil>",
            "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in spec.x"),
        row("date-time format", "{\"type\":\"string\",\"format\":\"date-time\"}", "\"yesterday\"", TI, "spec.x",
            "spec.x: Invalid value: \"yesterday\": spec.x in body must be of type date-time: \"yesterday\""),
        row("date format", "{\"type\":\"string\",\"format\":\"date\"}", "\"2024-02-30\"", TI, "spec.x",
            "spec.x: Invalid value: \"2024-02-30\": spec.x in body must be of type date: \"2024-02-30\""),
        row("byte format", "{\"type\":\"string\",\"format\":\"byte\"}", "\"abc\"", TI, "spec.x",
            "spec.x: Invalid value: \"abc\": spec.x in body must be of type byte: \"abc\""),
        row("uuid format", "{\"type\":\"string\",\"format\":\"uuid\"}", "\"not-a-uuid\"", TI, "spec.x",
            "spec.x: Invalid value: \"not-a-uuid\": spec.x in body must be of type uuid: \"not-a-uuid\""),
        row("duration format", "{\"type\":\"string\",\"format\":\"duration\"}", "\"soon\"", TI, "spec.x",
            "spec.x: Invalid value: \"soon\": spec.x in body must be of type duration: \"soon\""),
        row("hostname format", "{\"type\":\"string\",\"format\":\"hostname\"}", "\"-bad-\"", TI, "spec.x",
            "spec.x: Invalid value: \"-bad-\": spec.x in body must be of type hostname: \"-bad-\""),
        row("enum of strings", "{\"type\":\"string\",\"enum\":[\"Auto\",\"Preview\"]}", "\"Foo\"",
            FieldError.NOT_SUPPORTED, "spec.x", "spec.x: Unsupported value: \"Foo\": supported values: \"Auto\", "
                + "\"Preview\""),
        row("enum of numbers", "{\"type\":\"integer\",\"enum\":[1,2]}", "3", FieldError.NOT_SUPPORTED, "spec.x",
            "spec.x: Unsupported value: 3: supported values: \"1\", \"2\""),
        row("minimum", "{\"type\":\"integer\",\"minimum\":1.0}", "0", IV, "spec.x",
            "spec.x: Invalid value: 0: spec.x in body should be greater than or equal to 1"),
        row("exclusive minimum", "{\"type\":\"integer\",\"minimum\":1,\"exclusiveMinimum\":true}", "1", IV,
            "spec.x", "spec.x: Invalid value: 1: spec.x in body should be greater than 1"),
        row("maximum", "{\"type\":\"integer\",\"maximum\":10}", "11", IV, "spec.x",
            "spec.x: Invalid value: 11: spec.x in body should be less than or equal to 10"),
        row("exclusive maximum", "{\"type\":\"integer\",\"maximum\":10,\"exclusiveMaximum\":true}", "10", IV,
            "spec.x", "spec.x: Invalid value: 10: spec.x in body should be less than 10"),
        row("minimum of a fraction", "{\"type\":\"number\",\"minimum\":1}", "0.5", IV, "spec.x",
            "spec.x: Invalid value: 0.5: spec.x in body should be greater than or equal to 1"),
        row("maximum printed as Go prints floats", "{\"type\":\"number\",\"maximum\":1000000.0}", "1500000.5", IV,
            "spec.x", "spec.x: Invalid value: 1.5000005e+06: spec.x in body should be less than or equal to 1e+06"),
        row("multipleOf", "{\"type\":\"integer\",\"multipleOf\":2}", "7", IV, "spec.x",
            "spec.x: Invalid value: 7: spec.x in body should be a multiple of 2"),
        row("minLength", "{\"type\":\"string\",\"minLength\":3}", "\"ab\"", IV, "spec.x",
            "spec.x: Invalid value: \"ab\": spec.x in body should be at least 3 chars long"),
        row("maxLength", "{\"type\":\"string\",\"maxLength\":3}", "\"abcd\"", FieldError.TOO_LONG, "spec.x",
            "spec.x: Too long: may not be more than 3 bytes"),
        row("pattern", "{\"type\":\"string\",\"pattern\":\"^a+$\"}", "\"x\"", IV, "spec.x",
            "spec.x: Invalid value: \"x\": spec.x in body should match '^a+$'"),
        row("minItems", "{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\"}}", "[]", IV, "spec.x",
            "spec.x: Invalid value: 0: spec.x in body should have at least 1 items"),
        row("uniqueItems", "{\"type\":\"array\",\"uniqueItems\":true,\"items\":{\"type\":\"integer\"}}", "[1,1]", IV,
            "spec.x", "spec.x: Invalid value: \"\": spec.x in body shouldn't contain duplicates"),
        row("minProperties", "{\"type\":\"object\",\"minProperties\":1,\"x-kubernetes-preserve-unknown-fields\":true}",
            "{}", IV, "spec.x", "spec.x: Invalid value: 0: spec.x in body should have at least 1 properties"),
        row("int-or-string given a boolean", "{\"x-kubernetes-int-or-string\":true}", "true", TI, "spec.x",
            "spec.x: Invalid value: \"boolean\": spec.x in body must be of type integer,string: \"boolean\""),
        row("additionalProperties value", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}",
            "{\"a\":\"x\"}", TI, "spec.x.a",
            "spec.x.a: Invalid value: \"string\": spec.x.a in body must be of type integer: \"string\""),
        row("additionalProperties false", "{\"type\":\"object\",\"additionalProperties\":false}", "{\"foo\":1}", IV,
            "spec.x", "spec.x: Invalid value: \"foo\": spec.x.foo in body is a forbidden property"),
        row("required", "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"}}}",
            "{}", FieldError.REQUIRED, "spec.x.name", "spec.x.name: Required value"),
        row("list-type set", "{\"type\":\"array\",\"x-kubernetes-list-type\":\"set\",\"items\":{\"type\":\"string\"}}",
            "[\"a\",\"b\",\"a\",\"a\"]", FieldError.DUPLICATE, "spec.x[2]", "spec.x[2]: Duplicate value: \"a\""),
        row("list-type map", "{\"type\":\"array\",\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":"
                + "[\"name\"],\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"v\":{\"type\":\"integer\"}}}}", "[{\"name\":\"a\",\"v\":1},{\"name\":\"a\",\"v\":2}]",
            FieldError.DUPLICATE, "spec.x[1]", "spec.x[1]: Duplicate value: map[string]interface {}{\"name\":\"a\"}"),
        row("oneOf with two matches", "{\"type\":\"string\",\"oneOf\":[{\"minLength\":1},{\"maxLength\":5}]}",
            "\"abc\"", IV, "<nil>", "<nil>: Invalid value: \"\": \"spec.x\" must validate one and only one schema "
                + "(oneOf). Found 2 valid alternatives"),
        row("not", "{\"type\":\"string\",\"not\":{\"enum\":[\"x\"]}}", "\"x\"", IV, "<nil>",
            "<nil>: Invalid value: \"\": \"spec.x\" must not validate the schema (not)"));
  }

  private static Arguments row(String rule, String schema, String value, String type, String field, String message) {
    return Arguments.of(rule, schema, value, type, field, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleIsWordedAsKubeWordsIt(String rule, String schema, String value, String type, String field,
      String message) {
    List<FieldError> errors = errorsFor(schema, value);
    assertEquals(1, errors.size(), () -> rule + ": " + errors);
    assertEquals(type, errors.get(0).type());
    assertEquals(field, errors.get(0).field());
    assertEquals(message, errors.get(0).message());
  }

  static Stream<Arguments> severalErrors() {
    return Stream.of(
        Arguments.of("int-or-string with the anyOf the CRD generator writes",
            "{\"x-kubernetes-int-or-string\":true,\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}", "true",
            List.of("spec.x: Invalid value: \"boolean\": spec.x in body must be of type integer,string: \"boolean\"",
                "<nil>: Invalid value: \"\": \"spec.x\" must validate at least one schema (anyOf)",
                "spec.x: Invalid value: \"boolean\": spec.x in body must be of type integer: \"boolean\"")),
        Arguments.of("anyOf none valid, closest branch reported",
            "{\"type\":\"string\",\"anyOf\":[{\"pattern\":\"^a\"},{\"pattern\":\"^b\"}]}", "\"c\"",
            List.of("<nil>: Invalid value: \"\": \"spec.x\" must validate at least one schema (anyOf)",
                "spec.x: Invalid value: \"c\": spec.x in body should match '^a'")),
        Arguments.of("allOf none valid", "{\"type\":\"string\",\"allOf\":[{\"minLength\":5},{\"maxLength\":0}]}",
            "\"abc\"",
            List.of("spec.x: Invalid value: \"abc\": spec.x in body should be at least 5 chars long",
                "spec.x: Too long: may not be more than 0 bytes",
                "<nil>: Invalid value: \"\": \"spec.x\" must validate all the schemas (allOf). None validated")),
        Arguments.of("integer given a fraction", "{\"type\":\"integer\"}", "1.5",
            List.of("spec.x: Invalid value: \"number\": spec.x in body must be of type integer: \"number\"",
                "<nil>: Invalid value: \"\": Checked value must be of type integer (default format) in spec.x")),
        Arguments.of("embedded resource", "{\"type\":\"object\",\"x-kubernetes-embedded-resource\":true,"
                + "\"x-kubernetes-preserve-unknown-fields\":true}", "{\"metadata\":{\"name\":\"a/b\"}}",
            List.of("spec.x.apiVersion: Required value", "spec.x.kind: Required value",
                "spec.x.metadata.name: Invalid value: \"a/b\": may not contain '/'")),
        Arguments.of("embedded resource kind and apiVersion", "{\"type\":\"object\","
                + "\"x-kubernetes-embedded-resource\":true,\"x-kubernetes-preserve-unknown-fields\":true}",
            "{\"apiVersion\":\"a/b/c\",\"kind\":\"My_Kind\"}",
            List.of("spec.x.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c",
                "spec.x.kind: Invalid value: \"My_Kind\": may have mixed case, but should otherwise match: a DNS-1035 "
                    + "label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                    + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used "
                    + "for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("severalErrors")
  void rulesThatRaiseSeveralErrorsRaiseThemInKubesOrder(String rule, String schema, String value,
      List<String> messages) {
    assertEquals(messages, errorsFor(schema, value).stream().map(FieldError::message).toList());
  }

  static Stream<Arguments> validValues() {
    return Stream.of(
        Arguments.of("{\"type\":\"integer\"}", "3.0"),
        Arguments.of("{\"type\":\"number\"}", "3"),
        Arguments.of("{\"type\":\"string\",\"nullable\":true}", "null"),
        Arguments.of("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"nullable\":true}}", "[null]"),
        Arguments.of("{\"x-kubernetes-int-or-string\":true}", "5"),
        Arguments.of("{\"x-kubernetes-int-or-string\":true}", "\"5%\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"my-own-format\"}", "\"anything\""),
        Arguments.of("{\"type\":\"integer\",\"format\":\"uint8\"}", "300"),
        Arguments.of("{\"type\":\"string\",\"format\":\"date-time\"}", "\"2024-05-01T10:00:00Z\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"date-time\"}", "\"2024-05-01T10:00:00.123+02:00\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"duration\"}", "\"1h30m\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"duration\"}", "\"3 days\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"byte\"}", "\"aGVsbG8=\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"uuid\"}", "\"123e4567-e89b-12d3-a456-426614174000\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"ipv4\"}", "\"10.0.0.1\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"ipv6\"}", "\"fe80::1\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"cidr\"}", "\"10.0.0.0/8\""),
        Arguments.of("{\"type\":\"string\",\"format\":\"hostname\"}", "\"example.com\""),
        Arguments.of("{\"type\":\"integer\",\"enum\":[1,2]}", "2.0"),
        Arguments.of("{\"type\":\"number\",\"multipleOf\":0.5}", "1.5"),
        Arguments.of("{\"type\":\"string\",\"pattern\":\"a\"}", "\"banana\""),
        Arguments.of("{\"type\":\"array\",\"x-kubernetes-list-type\":\"set\",\"items\":{\"type\":\"integer\"}}",
            "[1,2,3]"),
        Arguments.of("{\"type\":\"string\",\"anyOf\":[{\"pattern\":\"^a\"},{\"pattern\":\"^b\"}]}", "\"b\""));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("validValues")
  void validValuesPass(String schema, String value) {
    assertEquals(List.of(), errorsFor(schema, value));
  }

  @Test
  void tooManyCarriesTheCountAndTheLimit() {
    List<FieldError> items = errorsFor("{\"type\":\"array\",\"maxItems\":2,\"items\":{\"type\":\"integer\"}}",
        "[1,2,3]");
    List<FieldError> props = errorsFor("{\"type\":\"object\",\"maxProperties\":1,"
        + "\"x-kubernetes-preserve-unknown-fields\":true}", "{\"a\":1,\"b\":2}");
    // kube prints these as "spec.x: Too many: 3: must have at most 2 items" (the count after "Too many").
    assertEquals(List.of(new FieldError(FieldError.TOO_MANY, "spec.x", 3L, "must have at most 2 items")), items);
    assertEquals(List.of(new FieldError(FieldError.TOO_MANY, "spec.x", 2L, "must have at most 1 items")), props);
  }

  @Test
  void theInvalidMessageListsDistinctErrorsInBracketsAndOneWithout() {
    FieldError a = FieldError.required("spec.a", "");
    FieldError b = FieldError.invalid("spec.b", 0L, "spec.b in body should be greater than or equal to 1");
    assertEquals("Kind.example.com \"x\" is invalid: [spec.a: Required value, spec.b: Invalid value: 0: spec.b in "
        + "body should be greater than or equal to 1]", SchemaValidator.invalidMessage("Kind.example.com", "x",
            List.of(a, b, a)));
    assertEquals("Kind.example.com \"x\" is invalid: spec.a: Required value",
        SchemaValidator.invalidMessage("Kind.example.com", "x", List.of(a, a)));
    assertEquals("Kind.example.com \"x\" is invalid", SchemaValidator.invalidMessage("Kind.example.com", "x",
        List.of()));
  }

  @Test
  void unknownFieldsAreWordedForStrictAndWarn() {
    assertEquals("strict decoding error: unknown field \"spec.foo\", unknown field \"spec.bar\"",
        SchemaValidator.strictDecodingError(List.of("spec.foo", "spec.bar")));
    assertEquals("unknown field \"spec.foo\"", SchemaValidator.unknownFieldWarning("spec.foo"));
  }
}
