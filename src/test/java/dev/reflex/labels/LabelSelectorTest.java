package dev.reflex.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The string form: apimachinery v0.32's labels.Parse grammar, its error texts, and Selector.String(). */
class LabelSelectorTest {

  private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start"
      + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
      + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric "
      + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
      + "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  private static Requirement r(String key, Operator op, String... values) {
    return new Requirement(key, op, List.of(values));
  }

  static Stream<Arguments> parses() {
    return Stream.of(
        Arguments.of("", List.of(), ""),
        Arguments.of("  \t", List.of(), ""),
        Arguments.of("app=web", List.of(r("app", Operator.EQUALS, "web")), "app=web"),
        Arguments.of("app==web, tier!=db", List.of(r("app", Operator.DOUBLE_EQUALS, "web"),
            r("tier", Operator.NOT_EQUALS, "db")), "app==web,tier!=db"),
        Arguments.of("x=", List.of(r("x", Operator.EQUALS, "")), "x="),
        Arguments.of("x= ,z= ", List.of(r("x", Operator.EQUALS, ""), r("z", Operator.EQUALS, "")), "x=,z="),
        // Written order is kept; the rendering sorts by key, and set values are sorted and deduplicated.
        Arguments.of("tier in (b, a, b),env notin (x)", List.of(r("tier", Operator.IN, "a", "b"),
            r("env", Operator.NOT_IN, "x")), "env notin (x),tier in (a,b)"),
        Arguments.of("canary,!old", List.of(r("canary", Operator.EXISTS), r("old", Operator.DOES_NOT_EXIST)),
            "canary,!old"),
        Arguments.of("app.kubernetes.io/name=web", List.of(r("app.kubernetes.io/name", Operator.EQUALS, "web")),
            "app.kubernetes.io/name=web"),
        // Fixed: kube.LabelSelector did not see this notin; decide.LabelSelectors threw on it.
        Arguments.of("tier notin(back)", List.of(r("tier", Operator.NOT_IN, "back")), "tier notin (back)"),
        Arguments.of("tier in(a)", List.of(r("tier", Operator.IN, "a")), "tier in (a)"),
        // Fixed: n>3 is an integer comparison (kube.LabelSelector took "n>3" for a key, metrics.query threw).
        Arguments.of("n>3", List.of(r("n", Operator.GREATER_THAN, "3")), "n>3"),
        Arguments.of("x>1,z<5", List.of(r("x", Operator.GREATER_THAN, "1"), r("z", Operator.LESS_THAN, "5")),
            "x>1,z<5"),
        // In and notin are words where a key or a value stands.
        Arguments.of("notin=in", List.of(r("notin", Operator.EQUALS, "in")), "notin=in"),
        Arguments.of("in in (in,notin)", List.of(r("in", Operator.IN, "in", "notin")), "in in (in,notin)"),
        // Empty set items are the empty value ("x in ()" selects x="": fixed, metrics.query rejected it).
        Arguments.of("x in ()", List.of(r("x", Operator.IN, "")), "x in ()"),
        Arguments.of("x in (foo,,baz),y,z notin ()", List.of(r("x", Operator.IN, "", "baz", "foo"),
            r("y", Operator.EXISTS), r("z", Operator.NOT_IN, "")), "x in (,baz,foo),y,z notin ()"),
        Arguments.of("x in (,a)", List.of(r("x", Operator.IN, "", "a")), "x in (,a)"),
        Arguments.of("x in (a,)", List.of(r("x", Operator.IN, "", "a")), "x in (,a)"),
        Arguments.of("x\tin\n(a)\r", List.of(r("x", Operator.IN, "a")), "x in (a)"),
        Arguments.of("b=1,a=2,b!=3", List.of(r("b", Operator.EQUALS, "1"), r("a", Operator.EQUALS, "2"),
            r("b", Operator.NOT_EQUALS, "3")), "a=2,b=1,b!=3"));
  }

  @ParameterizedTest(name = "\"{0}\" → {2}")
  @MethodSource("parses")
  void parsesAndRendersAsKube(String text, List<Requirement> requirements, String rendered) {
    LabelSelector selector = LabelSelector.parse(text);
    assertEquals(requirements, selector.requirements());
    assertEquals(rendered, selector.render());
    assertEquals(rendered, selector.toString());
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        // Fixed: kube.LabelSelector skipped the empty requirement, metrics.query said "empty requirement".
        Arguments.of("app=web,,tier=front", "found ',', expected: identifier after ','"),
        Arguments.of("app=web,", "found '', expected: identifier after ','"),
        Arguments.of(",app=web", "found ',', expected: !, identifier, or 'end of string'"),
        Arguments.of("=web", "found '=', expected: !, identifier, or 'end of string'"),
        Arguments.of("app in (web", "unable to parse requirement: found '', expected: ',' or ')'"),
        Arguments.of("tier in front", "unable to parse requirement: found 'front' expected: '('"),
        Arguments.of("tiernotin(back)", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, "
            + "gt, lt"),
        Arguments.of("a b=c", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        Arguments.of("app)", "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt"),
        Arguments.of("x==a==b", "found '==', expected: ',' or 'end of string'"),
        // The lexer has no '|': "a||y" is one word, not a valid value.
        Arguments.of("x=a||y=b", "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": " + VALUE_RULE),
        Arguments.of("!x=a", "found '=', expected: ',' or 'end of string'"),
        Arguments.of("!", "unable to parse requirement: found '', expected: identifier"),
        Arguments.of("x=(a)", "unable to parse requirement: found '(', expected: identifier"),
        Arguments.of("x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"),
        Arguments.of("x in =", "unable to parse requirement: found '=' expected: '('"),
        Arguments.of("x in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"),
        // kube 1.32 takes the second of two commas along, so a ')' right after is unexpected.
        Arguments.of("x in (a,,)", "unable to parse requirement: found ')', expected: ',', or identifier"),
        Arguments.of("rev>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' "
            + "operators, the value must be an integer"),
        Arguments.of("rev<-1", "unable to parse requirement: values[0][rev]: Invalid value: \"-1\": " + VALUE_RULE),
        Arguments.of("x=-a", "unable to parse requirement: values[0][x]: Invalid value: \"-a\": " + VALUE_RULE),
        Arguments.of("x=" + "v".repeat(64), "unable to parse requirement: values[0][x]: Invalid value: \""
            + "v".repeat(64) + "\": must be no more than 63 characters"),
        Arguments.of("x in (-a,b_)", "unable to parse requirement: [values[0][x]: Invalid value: \"-a\": "
            + VALUE_RULE + ", values[1][x]: Invalid value: \"b_\": " + VALUE_RULE + "]"),
        Arguments.of("Bad_=1", "unable to parse requirement: <nil>: Invalid value: \"Bad_\": name part " + NAME_RULE),
        Arguments.of("k".repeat(64), "unable to parse requirement: <nil>: Invalid value: \"" + "k".repeat(64)
            + "\": name part must be no more than 63 characters"),
        Arguments.of("a/b/c", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name "
            + NAME_RULE + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        Arguments.of("/x", "unable to parse requirement: <nil>: Invalid value: \"/x\": prefix part must be "
            + "non-empty"),
        Arguments.of("Ex.com/", "unable to parse requirement: <nil>: Invalid value: \"Ex.com/\": prefix part a "
            + "lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
            + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'); name part must be non-empty; "
            + "name part " + NAME_RULE),
        Arguments.of("a\"b", "unable to parse requirement: <nil>: Invalid value: \"a\\\"b\": name part " + NAME_RULE));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("errors")
  void rejectsWithKubesMessage(String text, String reason) {
    LabelSelectorException plain = assertThrows(LabelSelectorException.class, () -> LabelSelector.parse(text));
    assertEquals(reason, plain.getMessage());
    assertEquals(reason, plain.reason());
    LabelSelectorException named = assertThrows(LabelSelectorException.class,
        () -> LabelSelector.parse(text, "scale.status.selector"));
    assertEquals("scale.status.selector: " + reason, named.getMessage());
    assertEquals(reason, named.reason());
    assertEquals("scale.status.selector", named.field());
  }

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front", "rev", "7");

  static Stream<Arguments> matches() {
    return Stream.of(
        Arguments.of("", WEB, true),
        Arguments.of("app=web", WEB, true),
        Arguments.of("app==web", WEB, true),
        Arguments.of("app=api", WEB, false),
        Arguments.of("app!=api", WEB, true),
        Arguments.of("canary!=yes", WEB, true),
        Arguments.of("app=web,tier=back", WEB, false),
        Arguments.of("app=web, tier=front", WEB, true),
        Arguments.of("app=web,tier in (back,edge)", WEB, false),
        Arguments.of("tier in (front, back)", WEB, true),
        Arguments.of("tier notin (front,back)", WEB, false),
        Arguments.of("canary notin (yes)", WEB, true),
        Arguments.of("canary in (yes)", WEB, false),
        Arguments.of("app", WEB, true),
        Arguments.of("!canary", WEB, true),
        Arguments.of("!app", WEB, false),
        Arguments.of("example.com/team", WEB, false),
        Arguments.of("rev>5", WEB, true),
        Arguments.of("rev<5", WEB, false),
        Arguments.of("rev>7", WEB, false),
        Arguments.of("app>1", WEB, false),
        Arguments.of("missing<1", WEB, false),
        Arguments.of("app=", Map.of("app", ""), true),
        Arguments.of("app=", Map.of(), false),
        Arguments.of("x in ()", Map.of("x", ""), true),
        // Fixed: the notin without a space before '('.
        Arguments.of("tier notin(back)", Map.of("tier", "front"), true),
        Arguments.of("tier notin(back)", Map.of(), true),
        Arguments.of("tier notin(back)", Map.of("tier", "back"), false),
        // Fixed: n>3 compares integers.
        Arguments.of("n>3", Map.of("n", "4"), true),
        Arguments.of("n>3", Map.of("n", "3"), false),
        Arguments.of("n>3", Map.of("n", "four"), false),
        Arguments.of("n>3", Map.of("n>3", ""), false),
        Arguments.of("n<3", Map.of("n", "-9"), true));
  }

  @ParameterizedTest(name = "\"{0}\" on {1} → {2}")
  @MethodSource("matches")
  void matchesLabelsAsKube(String text, Map<String, String> labels, boolean expected) {
    assertEquals(expected, LabelSelector.parse(text).matches(labels));
  }
}
