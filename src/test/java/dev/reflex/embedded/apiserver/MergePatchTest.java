package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {

  static Stream<Arguments> merges() {
    return Stream.of(
        // RFC 7386 appendix A
        Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
        Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
        Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
        Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
        Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
        Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
        Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
        Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
        Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
        Arguments.of("{\"a\":\"foo\"}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"),
        Arguments.of("{}", "{}", "{}"),
        // Kubernetes shapes: labels merge, a list is replaced whole
        Arguments.of(
            "{\"metadata\":{\"labels\":{\"app\":\"web\",\"tier\":\"fe\"}},\"spec\":{\"replicas\":1}}",
            "{\"metadata\":{\"labels\":{\"tier\":null,\"v\":\"2\"}},\"spec\":{\"replicas\":3}}",
            "{\"metadata\":{\"labels\":{\"app\":\"web\",\"v\":\"2\"}},\"spec\":{\"replicas\":3}}"),
        Arguments.of(
            "{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a:1\"},{\"name\":\"b\"}]}}",
            "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"c:1\"}]}}",
            "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"c:1\"}]}}"),
        // evanphx v4: a value with nothing to merge into loses its null members, also inside arrays ...
        Arguments.of("{}", "{\"a\":[{\"b\":null,\"c\":1},null]}", "{\"a\":[{\"c\":1},null]}"),
        Arguments.of("{\"a\":7}", "{\"a\":{\"b\":null,\"c\":[{\"d\":null}]}}", "{\"a\":{\"c\":[{}]}}"),
        // ... but an array replacing an object is taken as it is
        Arguments.of("{\"a\":{\"x\":1}}", "{\"a\":[{\"b\":null}]}", "{\"a\":[{\"b\":null}]}"),
        Arguments.of("{\"a\":{\"x\":1}}", "{\"a\":{}}", "{\"a\":{\"x\":1}}"),
        // deleting what is not there is no error
        Arguments.of("{\"a\":1}", "{\"b\":null}", "{\"a\":1}"));
  }

  @ParameterizedTest
  @MethodSource("merges")
  void mergesAsKubeApiserver(String target, String patch, String expected) {
    JsonObject targetObject = new JsonObject(target);
    JsonObject result = MergePatch.apply(targetObject, new JsonObject(patch));
    assertEquals(new JsonObject(expected), result);
    assertEquals(new JsonObject(target), targetObject, "the target is not modified");
    assertEquals(result, MergePatch.apply(new JsonObject(target), patch), "the body form agrees");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{not json          | 400 | BadRequest | invalid JSON patch",
      "''                 | 400 | BadRequest | invalid JSON patch",
      "null               | 400 | BadRequest | Invalid JSON Patch",
      "5                  | 400 | BadRequest | Invalid JSON Patch",
      "'\"x\"'            | 400 | BadRequest | Invalid JSON Patch",
      "'[{\"a\":null},2]' | 422 | Invalid    | ' \"\" is invalid: patch: Invalid value: \"[{},2]\": json: cannot "
          + "unmarshal array into Go value of type map[string]interface {}'"})
  void refusesBodiesAsKubeApiserver(String body, int code, String reason, String message) {
    PatchException e = assertThrows(PatchException.class, () -> MergePatch.apply(new JsonObject(), body));
    assertEquals(code, e.code());
    assertEquals(reason, e.reason());
    assertEquals(message, e.getMessage());
  }

  @Test
  void badRequestStatusHasNoDetails() {
    PatchException e = assertThrows(PatchException.class, () -> MergePatch.apply(new JsonObject(), "null"));
    assertEquals(new JsonObject("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"Invalid JSON Patch\",\"reason\":\"BadRequest\",\"code\":400}"), e.status());
  }
}
