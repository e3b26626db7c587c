package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.embedded.apiserver.FieldSet.Element;
import dev.reflex.embedded.apiserver.FieldSet.Field;
import dev.reflex.embedded.apiserver.FieldSet.Key;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSetTest {

  static Stream<Arguments> fieldsV1() {
    return Stream.of(
        Arguments.of("the documented example",
            "{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:containers\":{\"k:{"
                + "\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{}}}}}"),
        Arguments.of("set-list values after fields, keys sorted by field name",
            "{\"f:a\":{},\"f:finalizers\":{\"v:\\\"a\\\"\":{},\"v:\\\"b\\\"\":{}},"
                + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},"
                + "\"f:name\":{}}}}"),
        Arguments.of("indexes", "{\"f:list\":{\"i:0\":{},\"i:1\":{\"f:x\":{}}}}"),
        Arguments.of("a member that is also a parent", "{\"f:data\":{\".\":{},\"f:key\":{}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldsV1")
  void fieldsV1RoundTripsByteForByte(String label, String encoded) {
    assertEquals(encoded, FieldSet.fromFieldsV1(new JsonObject(encoded)).toFieldsV1().encode());
  }

  @Test
  void keysAreWrittenInKeyOrderWhateverOrderTheyCameIn() {
    FieldSet set = FieldSet.of(List.of(List.of(new Field("ports"),
        new Key(List.of(Map.entry("protocol", "TCP"), Map.entry("containerPort", 80))))));
    assertEquals("{\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{}}}",
        set.toFieldsV1().encode());
  }

  @Test
  void elementsSortFieldsThenKeysThenValuesThenIndexes() {
    String encoded = "{\"i:0\":{},\"v:1\":{},\"k:{\\\"a\\\":1}\":{},\"f:z\":{},\"f:a\":{}}";
    assertEquals("{\"f:a\":{},\"f:z\":{},\"k:{\\\"a\\\":1}\":{},\"v:1\":{},\"i:0\":{}}",
        FieldSet.fromFieldsV1(new JsonObject(encoded)).toFieldsV1().encode());
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of(List.of(new Field("spec"), new Field("replicas")), ".spec.replicas"),
        Arguments.of(List.of(new Field("spec"), new Field("containers"), new Key(List.of(Map.entry("name", "nginx"))),
            new Field("image")), ".spec.containers[name=\"nginx\"].image"),
        Arguments.of(List.of(new Field("ports"), new Key(List.of(Map.entry("protocol", "TCP"),
            Map.entry("containerPort", 80)))), ".ports[containerPort=80,protocol=\"TCP\"]"),
        Arguments.of(List.of(new Field("finalizers"), new FieldSet.Value("a")), ".finalizers[=\"a\"]"),
        Arguments.of(List.of(new Field("args"), new FieldSet.Index(2)), ".args[2]"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("paths")
  void pathsPrintAsKubeConflictsDo(List<Element> path, String printed) {
    assertEquals(printed, FieldSet.pathString(path));
  }

  @Test
  void differenceKeepsChildrenButRecursiveDifferenceDropsThem() {
    FieldSet set = FieldSet.fromFieldsV1(new JsonObject("{\"f:metadata\":{\".\":{},\"f:labels\":{\"f:a\":{}}}}"));
    FieldSet metadata = FieldSet.ofFieldPaths(List.of("metadata"));
    assertEquals("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}", set.difference(metadata).toString());
    assertTrue(set.recursiveDifference(metadata).isEmpty());
  }

  @Test
  void unionAndIntersectionWorkPerLevel() {
    FieldSet a = FieldSet.fromFieldsV1(new JsonObject("{\"f:spec\":{\"f:replicas\":{},\"f:paused\":{}}}"));
    FieldSet b = FieldSet.fromFieldsV1(new JsonObject("{\"f:spec\":{\"f:replicas\":{}},\"f:x\":{}}"));
    assertEquals("{\"f:spec\":{\"f:paused\":{},\"f:replicas\":{}},\"f:x\":{}}", a.union(b).toString());
    assertEquals("{\"f:spec\":{\"f:replicas\":{}}}", a.intersection(b).toString());
    assertTrue(a.has(List.of(new Field("spec"), new Field("paused"))));
    assertFalse(a.has(List.of(new Field("spec"))));
  }

  @Test
  void algebraThatChangesNothingAnswersTheSameSetSoItsFieldsV1IsNotWorkedOutAgain() {
    JsonObject stored = new JsonObject("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}},\"f:spec\":{\"f:replicas\":{}}}");
    FieldSet owner = FieldSet.fromStoredFieldsV1(stored);
    assertSame(stored, owner.toFieldsV1());
    FieldSet elsewhere = FieldSet.ofFieldPaths(List.of("spec", "paused"), List.of("status"));
    assertSame(owner, owner.difference(elsewhere));
    assertSame(owner, owner.recursiveDifference(elsewhere));
    assertSame(owner, owner.union(FieldSet.empty()));
    FieldSet taken = owner.difference(FieldSet.ofFieldPaths(List.of("spec", "replicas")));
    assertEquals("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}", taken.toString());
    assertSame(owner.withPrefix(new Field("metadata")), taken.withPrefix(new Field("metadata")),
        "the untouched subtree is shared");
    assertTrue(owner.intersection(elsewhere).isEmpty());
  }
}
