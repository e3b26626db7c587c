package dev.reflex.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule matching and naming: series names to exposed names, literal series, discovery, filters, template errors. */
class RuleNamingTest {

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("no name section keeps the series name", "", "http_requests_total",
            Optional.of("http_requests_total")),
        Arguments.of("as alone renames", "name: {as: nginx_rate}", "nginx_requests", Optional.of("nginx_rate")),
        Arguments.of("${1} expands a capture",
            "name: {matches: (.*)_server_requests_seconds_count, as: '${1}_index_qps'}",
            "http_server_requests_seconds_count", Optional.of("http_index_qps")),
        Arguments.of("$1 is the default as", "name: {matches: ^(.*)_total$}", "http_requests_total",
            Optional.of("http_requests")),
        Arguments.of("named groups expand", "name: {matches: '^(?<base>.*)_total$', as: '${base}_per_second'}",
            "http_requests_total", Optional.of("http_requests_per_second")),
        Arguments.of("no match names nothing", "name: {matches: ^(.*)_total$}", "http_requests",
            Optional.empty()),
        Arguments.of("isNot filter drops a series", "seriesFilters: [{isNot: ^go_}]", "go_gc_total",
            Optional.empty()),
        Arguments.of("is filter keeps a series", "seriesFilters: [{is: _total$}]", "x_total",
            Optional.of("x_total")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void namesSeries(String name, String extra, String series, Optional<String> expected) {
    DiscoveryRule rule = parse("{__name__=~\"^.*$\"}", extra);
    assertEquals(expected, rule.metricName(series));
  }

  static Stream<Arguments> literals() {
    return Stream.of(
        Arguments.of("bare name", "http_server_requests_seconds_count",
            Optional.of("http_server_requests_seconds_count")),
        Arguments.of("name matcher", "{__name__=\"kube_pod_status_ready\"}", Optional.of("kube_pod_status_ready")),
        Arguments.of("name with matchers", "up{job=\"x\"}", Optional.of("up")),
        Arguments.of("name matcher and more", "{__name__=\"up\",job=\"x\"}", Optional.of("up")),
        Arguments.of("regex needs discovery", "{__name__=~\"^container_.*\",container!=\"POD\"}", Optional.empty()),
        Arguments.of("label-only needs discovery", "{namespace!=\"\",pod!=\"\"}", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("literals")
  void knowsLiteralSeries(String name, String seriesQuery, Optional<String> expected) {
    assertEquals(expected, parse(seriesQuery, "").literalSeriesName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfigNamesTheField(String name, String yaml, String field) {
    ConfigException e = assertThrows(ConfigException.class, () -> AdapterConfigParser.parse(yaml, "cfg.yaml"));
    assertTrue(e.getMessage().startsWith("cfg.yaml: " + field), e.getMessage());
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("unknown top-level key", "rulez: []", "rulez"),
        Arguments.of("unknown rule key", "rules: [{seriesQuery: x, metricsQuery: y, nam: {}}]", "rules[0].nam"),
        Arguments.of("missing metricsQuery", "externalRules: [{seriesQuery: x}]", "externalRules[0].metricsQuery"),
        Arguments.of("bad regex", "rules: [{seriesQuery: x, metricsQuery: y, name: {matches: '('}}]",
            "rules[0].name.matches"),
        Arguments.of("bad window", "resourceRules: {window: soon}", "resourceRules.window"),
        Arguments.of("override without resource",
            "rules: [{seriesQuery: x, metricsQuery: y, resources: {overrides: {ns: {group: a}}}}]",
            "rules[0].resources.overrides.ns.resource"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void rendersTemplates(String name, String template, String expected) {
    assertEquals(expected, QueryTemplate.render(template, Map.of("Series", "s", "LabelMatchers", "a=\"b\"",
        "GroupBy", "pod"), "metricsQuery"));
  }

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("all three fields", "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)",
            "sum(s{a=\"b\"}) by (pod)"),
        Arguments.of("spaces and trim markers", "<< .Series >>{<<- .LabelMatchers ->>}", "s{a=\"b\"}"),
        Arguments.of("dollar signs survive", "label_replace(<<.Series>>, \"x\", \"$1\", \"y\", \"(.*)\")",
            "label_replace(s, \"x\", \"$1\", \"y\", \"(.*)\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTemplates")
  void refusesUnsupportedTemplates(String name, String template, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QueryTemplate.render(template, Map.of("Series", "s"), "metricsQuery"));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  static Stream<Arguments> badTemplates() {
    return Stream.of(
        Arguments.of("unknown field", "<<.Serie>>", "unknown template field <<.Serie>>"),
        Arguments.of("range action", "<<range .GroupBySlice>>x<<end>>", "unsupported template action"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("discovery")
  void findsRulesThroughDiscoveredSeries(String name, List<String> discovered, Optional<String> series) {
    DiscoveryRule rule = parse("{__name__=~\"^http_.*\",pod!=\"\"}", "name: {matches: ^(.*)_total$, as: '${1}_rate'}");
    assertEquals(series, RuleMatch.find(List.of(rule), "http_requests_rate", r -> discovered).map(RuleMatch::series));
  }

  static Stream<Arguments> discovery() {
    return Stream.of(
        Arguments.of("series found", List.of("http_errors_total", "http_requests_total"),
            Optional.of("http_requests_total")),
        Arguments.of("series absent", List.of("http_errors_total"), Optional.empty()));
  }

  private static DiscoveryRule parse(String seriesQuery, String extra) {
    String yaml = "rules:\n- seriesQuery: '" + seriesQuery.replace("'", "''") + "'\n  metricsQuery: x\n"
        + (extra.isEmpty() ? "" : "  " + extra + "\n");
    return AdapterConfigParser.parse(yaml, "test").rules().get(0);
  }
}
