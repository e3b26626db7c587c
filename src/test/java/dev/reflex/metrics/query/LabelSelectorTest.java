package dev.reflex.metrics.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.metrics.query.LabelSelector.Operator;
import dev.reflex.metrics.query.LabelSelector.Requirement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kubernetes label-selector strings parse to requirements and print back. */
class LabelSelectorTest {

  static Stream<Arguments> selectors() {
    return Stream.of(
        Arguments.of("empty selects everything", "", List.of(), ""),
        Arguments.of("equality", "app=web", List.of(new Requirement("app", Operator.EQUALS, List.of("web"))),
            "app=web"),
        Arguments.of("double equals and inequality", "app==web, tier!=db",
            List.of(new Requirement("app", Operator.EQUALS, List.of("web")),
                new Requirement("tier", Operator.NOT_EQUALS, List.of("db"))), "app=web,tier!=db"),
        Arguments.of("set forms", "env in (a, b),tier notin (x)",
            List.of(new Requirement("env", Operator.IN, List.of("a", "b")),
                new Requirement("tier", Operator.NOT_IN, List.of("x"))), "env in (a,b),tier notin (x)"),
        Arguments.of("existence", "canary,!old",
            List.of(new Requirement("canary", Operator.EXISTS, List.of()),
                new Requirement("old", Operator.DOES_NOT_EXIST, List.of())), "canary,!old"),
        Arguments.of("prefixed key", "app.kubernetes.io/name=web",
            List.of(new Requirement("app.kubernetes.io/name", Operator.EQUALS, List.of("web"))),
            "app.kubernetes.io/name=web"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectors")
  void parsesAndFormats(String name, String text, List<Requirement> expected, String formatted) {
    LabelSelector selector = LabelSelector.parse(text, "selector");
    assertEquals(expected, selector.requirements());
    assertEquals(formatted, selector.format());
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of("unbalanced parenthesis", "env in (a"),
        Arguments.of("empty requirement", "a=b,,c=d"),
        Arguments.of("empty set", "env in ()"),
        Arguments.of("bad key", "=web"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void badSelectorNamesTheField(String name, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabelSelector.parse(text, "object.selector"));
    assertTrue(e.getMessage().startsWith("object.selector: "), e.getMessage());
  }
}
