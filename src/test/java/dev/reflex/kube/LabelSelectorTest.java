package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorTest {

  private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front");

  static Stream<Arguments> selectors() {
    return Stream.of(
        Arguments.of("empty matches all", "", true),
        Arguments.of("equality", "app=web", true),
        Arguments.of("double equals", "app==web", true),
        Arguments.of("equality miss", "app=api", false),
        Arguments.of("inequality", "app!=api", true),
        Arguments.of("set in", "tier in (front, back)", true),
        Arguments.of("set notin", "tier notin (front)", false),
        Arguments.of("exists", "tier", true),
        Arguments.of("does not exist", "!tier", false),
        Arguments.of("conjunction", "app=web,tier in (back,edge)", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectors")
  void selectorMatchesAsTheApiServerDoes(String label, String selector, boolean expected) {
    assertEquals(expected, LabelSelector.parse(selector).test(LABELS));
  }
}
