package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pruning (with the paths it reports) and defaulting, each row a schema, an input and what comes out. */
class SchemaPruningDefaultingTest {

  private static final String HEAD = "{\"apiVersion\":\"g/v1\",\"kind\":\"K\",\"metadata\":{\"name\":\"n\"},";

  private static SchemaValidator.Outcome apply(String schema, String object) {
    return SchemaValidator.apply(new JsonObject(object), new JsonObject(schema), SchemaContext.NONE);
  }

  static Stream<Arguments> pruning() {
    return Stream.of(
        Arguments.of("undeclared fields go, at any depth",
            "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":"
                + "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}}}}}}",
            HEAD + "\"spec\":{\"a\":[{\"b\":\"x\",\"c\":1}],\"z\":{}}}",
            HEAD + "\"spec\":{\"a\":[{\"b\":\"x\"}]}}", List.of("spec.a[0].c", "spec.z")),
        Arguments.of("apiVersion, kind and metadata stay at the root even when undeclared",
            "{\"type\":\"object\"}", HEAD + "\"spec\":{}}", HEAD.replaceAll(",$", "}"), List.of("spec")),
        Arguments.of("metadata keeps only ObjectMeta's fields",
            "{\"type\":\"object\"}",
            "{\"metadata\":{\"name\":\"n\",\"labels\":{\"a\":\"b\"},\"bogus\":1,\"ownerReferences\":[{\"name\":\"o\","
                + "\"extra\":true}]}}",
            "{\"metadata\":{\"name\":\"n\",\"labels\":{\"a\":\"b\"},\"ownerReferences\":[{\"name\":\"o\"}]}}",
            List.of("metadata.bogus", "metadata.ownerReferences[0].extra")),
        Arguments.of("x-kubernetes-preserve-unknown-fields keeps unknown fields, and prunes below declared ones",
            "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-"
                + "fields\":true,\"properties\":{\"known\":{\"type\":\"object\",\"properties\":{}}}}}}",
            HEAD + "\"spec\":{\"free\":{\"deep\":[1]},\"known\":{\"gone\":1}}}",
            HEAD + "\"spec\":{\"free\":{\"deep\":[1]},\"known\":{}}}", List.of("spec.known.gone")),
        Arguments.of("additionalProperties values are pruned by their schema",
            "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"additionalProperties\":{\"type\":"
                + "\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}}}}",
            HEAD + "\"spec\":{\"k1\":{\"a\":1,\"b\":2}}}", HEAD + "\"spec\":{\"k1\":{\"a\":1}}}",
            List.of("spec.k1.b")),
        Arguments.of("an embedded resource keeps apiVersion and kind and has its metadata trimmed",
            "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{\"template\":{\"type\":"
                + "\"object\",\"x-kubernetes-embedded-resource\":true,\"properties\":{\"spec\":{\"type\":\"object\","
                + "\"x-kubernetes-preserve-unknown-fields\":true}}}}}}}",
            HEAD + "\"spec\":{\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{},"
                + "\"wrong\":1},\"spec\":{\"any\":1},\"status\":{}}}}",
            HEAD + "\"spec\":{\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{}},"
                + "\"spec\":{\"any\":1}}}}",
            List.of("spec.template.status", "spec.template.metadata.wrong")),
        Arguments.of("a null the schema does not allow is dropped silently",
            "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":"
                + "\"string\"},\"b\":{\"type\":\"string\",\"nullable\":true}}}}}",
            HEAD + "\"spec\":{\"a\":null,\"b\":null}}", HEAD + "\"spec\":{\"b\":null}}", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pruning")
  void pruningRemovesAndReports(String rule, String schema, String in, String out, List<String> unknown) {
    SchemaValidator.Outcome outcome = apply(schema, in);
    assertEquals(new JsonObject(out), outcome.object());
    assertEquals(unknown, outcome.unknownFields());
    assertEquals(List.of(), outcome.errors());
  }

  static Stream<Arguments> defaulting() {
    String spec = "{\"type\":\"object\",\"properties\":{\"spec\":%s}}";
    return Stream.of(
        Arguments.of("an absent field gets its default",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\","
                + "\"default\":\"Auto\"}}}"),
            HEAD + "\"spec\":{}}", HEAD + "\"spec\":{\"mode\":\"Auto\"}}"),
        Arguments.of("a present field keeps its value",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\","
                + "\"default\":\"Auto\"}}}"),
            HEAD + "\"spec\":{\"mode\":\"Preview\"}}", HEAD + "\"spec\":{\"mode\":\"Preview\"}}"),
        Arguments.of("a null where null is not allowed gets the default",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\","
                + "\"default\":\"Auto\"}}}"),
            HEAD + "\"spec\":{\"mode\":null}}", HEAD + "\"spec\":{\"mode\":\"Auto\"}}"),
        Arguments.of("an absent parent is not created for a default inside it",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"inner\":{\"type\":\"object\",\"properties\":{"
                + "\"n\":{\"type\":\"integer\",\"default\":3}}}}}"),
            HEAD + "\"spec\":{}}", HEAD + "\"spec\":{}}"),
        Arguments.of("an object default is itself defaulted inside",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"inner\":{\"type\":\"object\",\"default\":{},"
                + "\"properties\":{\"n\":{\"type\":\"integer\",\"default\":3}}}}}"),
            HEAD + "\"spec\":{}}", HEAD + "\"spec\":{\"inner\":{\"n\":3}}}"),
        Arguments.of("array items are defaulted",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"list\":{\"type\":\"array\",\"items\":{\"type\":"
                + "\"object\",\"properties\":{\"tz\":{\"type\":\"string\",\"default\":\"UTC\"}}}}}}"),
            HEAD + "\"spec\":{\"list\":[{},{\"tz\":\"CET\"}]}}",
            HEAD + "\"spec\":{\"list\":[{\"tz\":\"UTC\"},{\"tz\":\"CET\"}]}}"),
        Arguments.of("additionalProperties values are defaulted",
            spec.formatted("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"object\",\"properties\":{"
                + "\"w\":{\"type\":\"integer\",\"default\":1}}}}"),
            HEAD + "\"spec\":{\"a\":{},\"b\":{\"w\":5}}}", HEAD + "\"spec\":{\"a\":{\"w\":1},\"b\":{\"w\":5}}}"),
        Arguments.of("an integral number comes out as an integer, as kube's decoder keeps it",
            spec.formatted("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"),
            HEAD + "\"spec\":{\"n\":3.0}}", HEAD + "\"spec\":{\"n\":3}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaulting")
  void defaultsAreApplied(String rule, String schema, String in, String out) {
    SchemaValidator.Outcome outcome = apply(schema, in);
    assertEquals(new JsonObject(out).encode(), outcome.object().encode());
    assertEquals(List.of(), outcome.errors());
  }

  @Test
  void defaultsAreAppliedBeforeValidationAndNeverShared() {
    String schema = "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"required\":[\"mode\"],"
        + "\"properties\":{\"mode\":{\"type\":\"object\",\"default\":{\"a\":1},\"properties\":{\"a\":{\"type\":"
        + "\"integer\"}}}}}}}";
    JsonObject root = new JsonObject(schema);
    SchemaValidator.Outcome first = SchemaValidator.apply(new JsonObject(HEAD + "\"spec\":{}}"), root,
        SchemaContext.NONE);
    first.object().getJsonObject("spec").getJsonObject("mode").put("a", 99);
    SchemaValidator.Outcome second = SchemaValidator.apply(new JsonObject(HEAD + "\"spec\":{}}"), root,
        SchemaContext.NONE);
    assertEquals(List.of(), first.errors());
    assertEquals(new JsonObject().put("a", 1), second.object().getJsonObject("spec").getJsonObject("mode"));
  }

  @Test
  void theInputIsNotTouched() {
    String in = HEAD + "\"spec\":{\"gone\":1}}";
    JsonObject input = new JsonObject(in);
    SchemaValidator.apply(input, new JsonObject("{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\","
        + "\"properties\":{\"mode\":{\"type\":\"string\",\"default\":\"x\"}}}}}"), SchemaContext.NONE);
    assertEquals(new JsonObject(in), input);
  }

  @Test
  void builtInSchemasAreReadThroughTheirReferences() {
    JsonObject container = new JsonObject("{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{"
        + "\"name\":{\"type\":\"string\"},\"protocol\":{\"type\":\"string\"},"
        + "\"cpu\":{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity\"},"
        + "\"raw\":{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.runtime.RawExtension\"}}}");
    SchemaContext ctx = new SchemaContext(Map.of(
        "io.k8s.api.core.v1.Container", container,
        "io.k8s.apimachinery.pkg.api.resource.Quantity", new JsonObject("{\"type\":\"string\"}"),
        "io.k8s.apimachinery.pkg.runtime.RawExtension", new JsonObject("{\"type\":\"object\"}")));
    JsonObject root = new JsonObject("{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\","
        + "\"properties\":{\"containers\":{\"type\":\"array\",\"items\":{\"default\":{},\"allOf\":[{\"$ref\":"
        + "\"#/components/schemas/io.k8s.api.core.v1.Container\"}]}},\"port\":{\"allOf\":[{\"$ref\":"
        + "\"#/components/schemas/io.k8s.api.core.v1.Container\"}],\"default\":{\"name\":\"p\"}}}}}}");
    JsonObject object = new JsonObject(HEAD + "\"spec\":{\"containers\":[{\"cpu\":1,\"raw\":{\"any\":{\"x\":1}},"
        + "\"junk\":1},{\"name\":\"b\",\"cpu\":\"500m\"}]}}");

    SchemaValidator.Outcome outcome = SchemaValidator.apply(object, root, ctx);

    assertEquals(List.of("spec.containers[0].junk"), outcome.unknownFields());
    assertEquals(List.of("spec.containers[0].name: Required value"),
        outcome.errors().stream().map(FieldError::message).toList());
    assertEquals(new JsonObject("{\"name\":\"p\"}"), outcome.object().getJsonObject("spec").getJsonObject("port"));
    assertEquals(new JsonObject("{\"any\":{\"x\":1}}"), outcome.object().getJsonObject("spec")
        .getJsonArray("containers").getJsonObject(0).getJsonObject("raw"));
  }
}
