package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {

  private static final String DOC = "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\"}},"
      + "\"spec\":{\"replicas\":1,\"args\":[\"a\",\"b\",\"c\"]}}";

  static Stream<Arguments> patches() {
    return Stream.of(
        Arguments.of("[{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"fe\"}]",
            "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\",\"tier\":\"fe\"}},"
                + "\"spec\":{\"replicas\":1,\"args\":[\"a\",\"b\",\"c\"]}}"),
        Arguments.of("[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]",
            "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"replicas\":5,"
                + "\"args\":[\"a\",\"b\",\"c\"]}}"),
        Arguments.of("[{\"op\":\"add\",\"path\":\"/spec/args/1\",\"value\":\"x\"}]", spec("\"a\",\"x\",\"b\",\"c\"")),
        Arguments.of("[{\"op\":\"add\",\"path\":\"/spec/args/3\",\"value\":\"x\"}]", spec("\"a\",\"b\",\"c\",\"x\"")),
        Arguments.of("[{\"op\":\"add\",\"path\":\"/spec/args/-\",\"value\":\"x\"}]", spec("\"a\",\"b\",\"c\",\"x\"")),
        // v4 counts negative indices from the end: for add, -1 appends
        Arguments.of("[{\"op\":\"add\",\"path\":\"/spec/args/-1\",\"value\":\"x\"}]", spec("\"a\",\"b\",\"c\",\"x\"")),
        Arguments.of("[{\"op\":\"remove\",\"path\":\"/spec/args/0\"}]", spec("\"b\",\"c\"")),
        Arguments.of("[{\"op\":\"remove\",\"path\":\"/spec/args/-1\"}]", spec("\"a\",\"b\"")),
        Arguments.of("[{\"op\":\"replace\",\"path\":\"/spec/args/2\",\"value\":{\"k\":[1]}}]",
            spec("\"a\",\"b\",{\"k\":[1]}")),
        Arguments.of("[{\"op\":\"move\",\"from\":\"/spec/args/0\",\"path\":\"/spec/args/-\"}]",
            spec("\"b\",\"c\",\"a\"")),
        Arguments.of("[{\"op\":\"copy\",\"from\":\"/spec/args/2\",\"path\":\"/spec/args/0\"}]",
            spec("\"c\",\"a\",\"b\",\"c\"")),
        Arguments.of("[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":1},"
                + "{\"op\":\"remove\",\"path\":\"/metadata/labels\"}]",
            "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":1,\"args\":[\"a\",\"b\",\"c\"]}}"),
        Arguments.of("[{\"op\":\"test\",\"path\":\"/metadata/labels\",\"value\":{\"app\":\"web\"}},"
                + "{\"op\":\"test\",\"path\":\"/metadata/nothing\",\"value\":null},"
                + "{\"op\":\"test\",\"path\":\"/spec/args\",\"value\":[\"a\",\"b\",\"c\"]}]", DOC),
        // ~1 is '/', ~0 is '~': how kubectl users address annotation keys
        Arguments.of("[{\"op\":\"add\",\"path\":\"/metadata/labels/app.kubernetes.io~1name\",\"value\":\"w\"},"
                + "{\"op\":\"add\",\"path\":\"/metadata/labels/a~0b\",\"value\":\"t\"}]",
            "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"w\","
                + "\"a~b\":\"t\"}},\"spec\":{\"replicas\":1,\"args\":[\"a\",\"b\",\"c\"]}}"),
        // v4 quirks: replace of a missing member adds it; copy from a missing member adds null
        Arguments.of("[{\"op\":\"replace\",\"path\":\"/spec/paused\",\"value\":true}]",
            "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"replicas\":1,"
                + "\"args\":[\"a\",\"b\",\"c\"],\"paused\":true}}"),
        Arguments.of("[{\"op\":\"copy\",\"from\":\"/spec/none\",\"path\":\"/spec/copied\"}]",
            "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"replicas\":1,"
                + "\"args\":[\"a\",\"b\",\"c\"],\"copied\":null}}"),
        Arguments.of("[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"kind\":\"Other\"}}]", "{\"kind\":\"Other\"}"),
        Arguments.of("[{\"op\":\"move\",\"from\":\"/metadata/labels\",\"path\":\"/spec/labels\"}]",
            "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":1,\"args\":[\"a\",\"b\",\"c\"],"
                + "\"labels\":{\"app\":\"web\"}}}"),
        Arguments.of("[]", DOC),
        Arguments.of("null", DOC));
  }

  private static String spec(String args) {
    return "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"replicas\":1,\"args\":[" + args
        + "]}}";
  }

  @ParameterizedTest
  @MethodSource("patches")
  void appliesAsKubeApiserver(String patch, String expected) {
    JsonObject document = new JsonObject(DOC);
    assertEquals(new JsonObject(expected), JsonPatch.apply(document, patch));
    assertEquals(new JsonObject(DOC), document, "the document is not modified");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{\"op\":\"remove\",\"path\":\"/metadata/annotations/x\"}]"
          + "| remove operation does not apply: doc is missing path: \"/metadata/annotations/x\": missing value",
      "[{\"op\":\"remove\",\"path\":\"/metadata/labels/x\"}]"
          + "| error in remove for path: '/metadata/labels/x': Unable to remove nonexistent key: x: missing value",
      "[{\"op\":\"replace\",\"path\":\"/spec/args/3\",\"value\":1}]"
          + "| replace operation does not apply: doc is missing key: /spec/args/3: missing value",
      "[{\"op\":\"add\",\"path\":\"/spec/args/5\",\"value\":1}]"
          + "| error in add for path: '/spec/args/5': Unable to access invalid index: 5: invalid index referenced",
      "[{\"op\":\"add\",\"path\":\"/spec/args/x\",\"value\":1}]"
          + "| error in add for path: '/spec/args/x': value was not a proper array index: 'x': strconv.Atoi: "
          + "parsing \"x\": invalid syntax",
      "[{\"op\":\"remove\",\"path\":\"/spec/args/-\"}]"
          + "| error in remove for path: '/spec/args/-': strconv.Atoi: parsing \"-\": invalid syntax",
      "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":2}]| testing value /spec/replicas failed: test failed",
      "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":1.0}]| testing value /spec/replicas failed: test failed",
      "[{\"op\":\"test\",\"path\":\"/spec/replicas\"}]| testing value /spec/replicas failed: test failed",
      "[{\"op\":\"test\",\"path\":\"/spec/x/y\",\"value\":1}]"
          + "| test operation does not apply: is missing path: /spec/x/y: missing value",
      "[{\"op\":\"move\",\"from\":\"/spec/args/7\",\"path\":\"/spec/a\"}]"
          + "| error in move for path: '7': Unable to access invalid index: 7: invalid index referenced",
      "[{\"op\":\"copy\",\"from\":\"/nope/x\",\"path\":\"/spec/a\"}]"
          + "| copy operation does not apply: doc is missing from path: /nope/x: missing value",
      "[{\"op\":\"add\",\"path\":\"\",\"value\":1}]"
          + "| add operation does not apply: doc is missing path: \"\": missing value",
      "[{\"op\":\"add\",\"value\":1}]| add operation failed to decode path: missing value",
      "[{\"op\":\"replace\",\"path\":7,\"value\":1}]"
          + "| replace operation failed to decode path: json: cannot unmarshal number into Go value of type string",
      "[{\"op\":\"increment\",\"path\":\"/spec/replicas\"}]| Unexpected kind: increment",
      "[{\"path\":\"/spec/replicas\"}]| Unexpected kind: unknown",
      // atomic: the first operation applied, the second fails, nothing is kept
      "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":9},{\"op\":\"test\",\"path\":\"/spec/replicas\","
          + "\"value\":1}]| testing value /spec/replicas failed: test failed"})
  void refusesWhatDoesNotApplyWith422(String patch, String detail) {
    JsonObject document = new JsonObject(DOC);
    PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(document, patch));
    assertEquals(detail, e.detail());
    assertEquals(422, e.code());
    assertEquals(new JsonObject("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"the server rejected our request due to an error in our request\",\"reason\":\"Invalid\","
        + "\"details\":{},\"code\":422}"), e.status());
    assertEquals(new JsonObject(DOC), document);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{\"op\":\"add\"         | invalid JSON patch",
      "{\"op\":\"add\"}         | json: cannot unmarshal object into Go value of type jsonpatch.Patch",
      "'\"add\"'                | json: cannot unmarshal string into Go value of type jsonpatch.Patch",
      "[{\"op\":\"add\"},[1]]   | json: cannot unmarshal array into Go value of type jsonpatch.Operation",
      "[1]                      | json: cannot unmarshal number into Go value of type jsonpatch.Operation"})
  void refusesMalformedDocumentsWith400(String body, String message) {
    PatchException e = assertThrows(PatchException.class, () -> JsonPatch.decode(body));
    assertEquals(400, e.code());
    assertEquals("BadRequest", e.reason());
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesMoreThanTenThousandOperationsWith413() {
    JsonArray operations = new JsonArray();
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      operations.add(new JsonObject().put("op", "test").put("path", "/a").put("value", 1));
    }
    PatchException e = assertThrows(PatchException.class, () -> JsonPatch.decode(operations.encode()));
    assertEquals(413, e.code());
    assertEquals("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001",
        e.getMessage());
    assertEquals("RequestEntityTooLarge", e.reason());
  }

  @Test
  void rootReplacedByAnArrayDoesNotDecodeAsAnObject() {
    PatchException e = assertThrows(PatchException.class,
        () -> JsonPatch.apply(new JsonObject(DOC), "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]"));
    assertEquals(422, e.code());
    assertEquals(new JsonObject("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\" \\\"\\\" is invalid: patch: Invalid value: \\\"[1]\\\": json: cannot unmarshal array into Go"
        + " value of type map[string]interface {}\",\"reason\":\"Invalid\",\"details\":{\"causes\":[{\"reason\":"
        + "\"FieldValueInvalid\",\"message\":\"Invalid value: \\\"[1]\\\": json: cannot unmarshal array into Go value"
        + " of type map[string]interface {}\",\"field\":\"patch\"}]},\"code\":422}"), e.status());
  }
}
