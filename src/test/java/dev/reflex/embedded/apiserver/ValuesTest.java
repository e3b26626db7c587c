package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Values#equal}'s shortcuts answer what the ordering answers, for every kind of pair. */
class ValuesTest {

  static Stream<Arguments> pairs() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", 2);
    nested.put("a", List.of(1, "x"));
    return Stream.of(
        Arguments.of("int and long of one value", 3, 3L, true),
        Arguments.of("an integer and the same float", 2, 2.0, true),
        Arguments.of("a big integer and a long", BigInteger.valueOf(5), 5L, true),
        Arguments.of("different integers", 1, 2L, false),
        Arguments.of("equal strings", "a", new String("a"), true),
        Arguments.of("a string and a number", "1", 1, false),
        Arguments.of("booleans", true, false, false),
        Arguments.of("two nulls", null, null, true),
        Arguments.of("null and a value", null, "x", false),
        Arguments.of("maps in another key order", new JsonObject("{\"a\":1,\"b\":{\"c\":[1,2]}}"),
            new JsonObject("{\"b\":{\"c\":[1,2]},\"a\":1}"), true),
        Arguments.of("a key holding null and a missing key", new JsonObject("{\"a\":null}"),
            new JsonObject("{\"b\":null}"), false),
        Arguments.of("a map and the JsonObject of it", new JsonObject(nested),
            new JsonObject("{\"a\":[1,\"x\"],\"b\":2}"), true),
        Arguments.of("lists differ by order", new JsonArray("[1,2]"), new JsonArray("[2,1]"), false),
        Arguments.of("lists differ by length", new JsonArray("[1]"), new JsonArray("[1,1]"), false),
        Arguments.of("a list and a map", new JsonArray(), new JsonObject(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void equalAgreesWithTheOrdering(String label, Object a, Object b, boolean equal) {
    assertEquals(equal, Values.equal(a, b));
    assertEquals(equal, Values.equal(b, a));
    assertEquals(equal, Values.compare(a, b) == 0);
  }

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of(3, 10L, -1),
        Arguments.of(Long.MAX_VALUE, Integer.MIN_VALUE, 1),
        Arguments.of(new BigInteger("92233720368547758070"), Long.MAX_VALUE, 1),
        Arguments.of(-1L, new BigInteger("-92233720368547758070"), 1),
        Arguments.of(2, 2.5, -1),
        Arguments.of(7L, 7, 0));
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @MethodSource("orders")
  void integersOfAnyWidthOrderByValue(Object a, Object b, int sign) {
    assertEquals(sign, Integer.signum(Values.compare(a, b)));
    assertEquals(-sign, Integer.signum(Values.compare(b, a)));
  }
}
