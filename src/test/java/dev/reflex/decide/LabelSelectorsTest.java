package dev.reflex.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorsTest {

  static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "rev", "7");

  static Stream<Arguments> selectors() {
    return Stream.of(
        Arguments.of("app=web", true),
        Arguments.of("app==web", true),
        Arguments.of("app=api", false),
        Arguments.of("app!=api", true),
        Arguments.of("app=web,tier=back", false),
        Arguments.of("app=web, tier=front", true),
        Arguments.of("tier in (front,back)", true),
        Arguments.of("tier notin (front,back)", false),
        Arguments.of("canary notin (yes)", true),
        Arguments.of("app", true),
        Arguments.of("!canary", true),
        Arguments.of("!app", false),
        Arguments.of("rev>5", true),
        Arguments.of("rev<5", false),
        Arguments.of("example.com/team", false));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("selectors")
  void matchesPodLabels(String selector, boolean matches) {
    assertEquals(matches, LabelSelectors.parse(selector).test(LABELS));
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"app in (web", "app=web,", "a b=c", "tier in front", "rev>x", "app)"})
  void rejectsMalformedSelectors(String selector) {
    assertThrows(IllegalArgumentException.class, () -> LabelSelectors.parse(selector));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void rendersLikeTheControllerMessages(String label, JsonObject selector, String expected) {
    assertEquals(expected, LabelSelectors.render(selector, "s"));
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
