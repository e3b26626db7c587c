package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonMergeTest {

  static Stream<Arguments> mergePatches() {
    return Stream.of(
        Arguments.of("arrays are replaced, not appended", "{\"a\":[1,2]}", "{\"a\":[3]}", "{\"a\":[3]}"),
        Arguments.of("null deletes", "{\"a\":1,\"b\":2}", "{\"a\":null}", "{\"b\":2}"),
        Arguments.of("objects merge", "{\"s\":{\"x\":1,\"y\":2}}", "{\"s\":{\"y\":3}}", "{\"s\":{\"x\":1,\"y\":3}}"),
        Arguments.of("new nested object", "{}", "{\"s\":{\"y\":null,\"z\":1}}", "{\"s\":{\"z\":1}}"),
        Arguments.of("scalar replaces object", "{\"s\":{\"x\":1}}", "{\"s\":5}", "{\"s\":5}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mergePatches")
  void mergePatchFollowsRfc7386(String label, String target, String patch, String expected) {
    assertEquals(new JsonObject(expected), JsonMerge.mergePatch(new JsonObject(target), new JsonObject(patch)));
  }

  static Stream<Arguments> strategicPatches() {
    return Stream.of(
        Arguments.of("containers merge by name",
            "{\"c\":[{\"name\":\"a\",\"image\":\"x\",\"ports\":[1]},{\"name\":\"b\",\"image\":\"y\"}]}",
            "{\"$setElementOrder/c\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"c\":[{\"name\":\"a\",\"image\":\"z\"}]}",
            "{\"c\":[{\"name\":\"a\",\"image\":\"z\",\"ports\":[1]},{\"name\":\"b\",\"image\":\"y\"}]}"),
        Arguments.of("$patch delete removes an element",
            "{\"c\":[{\"name\":\"a\"},{\"name\":\"b\"}]}", "{\"c\":[{\"name\":\"b\",\"$patch\":\"delete\"}]}",
            "{\"c\":[{\"name\":\"a\"}]}"),
        Arguments.of("conditions merge by type",
            "{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},{\"type\":\"x/online\",\"status\":\"True\"}]}",
            "{\"conditions\":[{\"type\":\"x/online\",\"status\":\"False\"}]}",
            "{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},{\"type\":\"x/online\",\"status\":\"False\"}]}"),
        Arguments.of("lists of scalars are replaced", "{\"args\":[\"a\",\"b\"]}", "{\"args\":[\"c\"]}",
            "{\"args\":[\"c\"]}"),
        Arguments.of("replicas change", "{\"spec\":{\"replicas\":1,\"x\":1}}", "{\"spec\":{\"replicas\":2}}",
            "{\"spec\":{\"replicas\":2,\"x\":1}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategicPatches")
  void strategicMergeKeepsWhatKubectlApplyExpects(String label, String target, String patch, String expected) {
    assertEquals(new JsonObject(expected), JsonMerge.strategicMerge(new JsonObject(target), new JsonObject(patch)));
  }
}
