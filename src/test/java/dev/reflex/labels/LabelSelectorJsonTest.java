package dev.reflex.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.labels.LabelSelectorException.Violation;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The object form: metav1.LabelSelector, its validation, and the Scale.status.selector kube renders from it. */
class LabelSelectorJsonTest {

  static Stream<Arguments> renderings() {
    return Stream.of(
        Arguments.of("{}", ""),
        Arguments.of("{\"matchLabels\":{\"zone\":\"a\",\"app\":\"web\"}}", "app=web,zone=a"),
        // Sorted by key across both halves, as kube's Selector.Add sorts (kube.LabelSelector put labels first).
        Arguments.of("{\"matchLabels\":{\"tier\":\"front\"},\"matchExpressions\":[{\"key\":\"app\",\"operator\":"
            + "\"Exists\"},{\"key\":\"canary\",\"operator\":\"DoesNotExist\"}]}", "app,!canary,tier=front"),
        Arguments.of("{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"In\",\"values\":[\"prod\",\"dev\"]},"
            + "{\"key\":\"zone\",\"operator\":\"NotIn\",\"values\":[\"b\"]}]}", "env in (dev,prod),zone notin (b)"),
        Arguments.of("{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"In\",\"values\":[\"\"]}]}",
            "env in ()"));
  }

  @ParameterizedTest(name = "{0} → \"{1}\"")
  @MethodSource("renderings")
  void rendersAsScaleStatusSelector(String json, String rendered) {
    LabelSelector selector = LabelSelector.fromLabelSelectorJson(new JsonObject(json), "spec.selector");
    assertEquals(rendered, selector.render());
    // What kube renders, kube parses back to the same selection.
    assertEquals(rendered, LabelSelector.parse(rendered).render());
  }

  @Test
  void noSelectorSelectsEverything() {
    assertEquals(LabelSelector.EVERYTHING, LabelSelector.fromLabelSelectorJson(null));
    assertEquals(LabelSelector.EVERYTHING, LabelSelector.fromLabelSelectorJson(new JsonObject()));
  }

  @Test
  void matchesWithBothHalves() {
    LabelSelector selector = LabelSelector.fromLabelSelectorJson(new JsonObject("{\"matchLabels\":{\"app\":\"web\"},"
        + "\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"NotIn\",\"values\":[\"back\"]}]}"));
    assertEquals(true, selector.matches(Map.of("app", "web")));
    assertEquals(true, selector.matches(Map.of("app", "web", "tier", "front")));
    assertEquals(false, selector.matches(Map.of("app", "web", "tier", "back")));
    assertEquals(false, selector.matches(Map.of("tier", "front")));
  }

  static Stream<Arguments> invalid() {
    String name = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
        + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    String value = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
        + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    return Stream.of(
        Arguments.of("{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"In\"}]}",
            List.of(new Violation(Violation.REQUIRED, "spec.selector.matchExpressions[0].values", null,
                "must be specified when `operator` is 'In' or 'NotIn'")),
            "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or "
                + "'NotIn'"),
        Arguments.of("{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"NotIn\",\"values\":[]}]}",
            List.of(new Violation(Violation.REQUIRED, "spec.selector.matchExpressions[0].values", null,
                "must be specified when `operator` is 'In' or 'NotIn'")),
            "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or "
                + "'NotIn'"),
        Arguments.of("{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"Exists\",\"values\":[\"a\"]}]}",
            List.of(new Violation(Violation.FORBIDDEN, "spec.selector.matchExpressions[0].values", null,
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")),
            "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' "
                + "or 'DoesNotExist'"),
        Arguments.of("{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"Like\",\"values\":[\"a\"]}]}",
            List.of(new Violation(Violation.INVALID, "spec.selector.matchExpressions[0].operator", "Like",
                "not a valid selector operator")),
            "spec.selector.matchExpressions[0].operator: Invalid value: \"Like\": not a valid selector operator"),
        Arguments.of("{\"matchLabels\":{\"app\":\"-web\"},\"matchExpressions\":[{\"key\":\"bad key\",\"operator\":"
                + "\"DoesNotExist\"}]}",
            List.of(new Violation(Violation.INVALID, "spec.selector.matchLabels", "-web", value),
                new Violation(Violation.INVALID, "spec.selector.matchExpressions[0].key", "bad key", name)),
            "[spec.selector.matchLabels: Invalid value: \"-web\": " + value + ", spec.selector.matchExpressions[0]"
                + ".key: Invalid value: \"bad key\": " + name + "]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void validatesAsKubeValidatesAnObject(String json, List<Violation> violations, String message) {
    LabelSelectorException e = assertThrows(LabelSelectorException.class,
        () -> LabelSelector.fromLabelSelectorJson(new JsonObject(json), "spec.selector"));
    assertEquals(violations, e.violations());
    assertEquals(message, e.getMessage());
    assertEquals(message, e.reason());
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    LabelSelectorException e = assertThrows(LabelSelectorException.class, () -> LabelSelector.fromLabelSelectorJson(
        new JsonObject("{\"matchLabels\":{\"env\":1}}"), "metric.selector"));
    assertEquals("metric.selector.matchLabels.env: Invalid value: 1: must be a string", e.getMessage());
  }

  @Test
  void requirementsBuiltByHandAreCheckedAsNewRequirementChecksThem() {
    LabelSelectorException e = assertThrows(LabelSelectorException.class,
        () -> new Requirement("env", Operator.IN, List.of()));
    assertEquals("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
        e.getMessage());
    e = assertThrows(LabelSelectorException.class, () -> new Requirement("n", Operator.GREATER_THAN,
        List.of("1", "2")));
    assertEquals("values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is "
        + "required", e.getMessage());
  }
}
