package dev.reflex.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Go struct text of a metric selector; the parse rows moved to dev.reflex.labels.LabelSelectorTest. */
class GoLabelSelectorTextTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void rendersLikeTheControllerMessages(String label, JsonObject selector, String expected) {
    assertEquals(expected, GoLabelSelectorText.render(selector, "s"));
  }

  static Stream<Arguments> renderings() {
    return Stream.of(
        Arguments.of("no selector", null, null),
        Arguments.of("labels sorted by key", new JsonObject("{\"matchLabels\":{\"zone\":\"a\",\"env\":\"demo-prod\"}}"),
            "&LabelSelector{MatchLabels:map[string]string{env: demo-prod,zone: a,},MatchExpressions:"
                + "[]LabelSelectorRequirement{},}"),
        Arguments.of("expressions", new JsonObject("{\"matchExpressions\":[{\"key\":\"verb\",\"operator\":\"In\","
                + "\"values\":[\"GET\",\"PUT\"]}]}"),
            "&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{"
                + "LabelSelectorRequirement{Key:verb,Operator:In,Values:[GET PUT],},},}"));
  }
}
