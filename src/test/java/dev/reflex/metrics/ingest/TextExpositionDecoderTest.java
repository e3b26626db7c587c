package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextExpositionDecoderTest {

  private static final long NOW = 1_700_000_000_000L;

  /** A series as one line: labels in order, then value and timestamp. */
  private static String show(RawSeries s) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < s.names().length; i++) {
      labels.add(s.names()[i] + "=" + s.values()[i]);
    }
    return String.join(",", labels) + " " + s.samples()[0] + " @" + s.timestamps()[0];
  }

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("seed 003's metric with the label its rule groups by",
            "http_index_qps{env=\"demo-prod\"} 700",
            List.of("__name__=http_index_qps,env=demo-prod 700.0 @" + NOW)),
        Arguments.of("no labels, an exponent, an explicit timestamp", "queue_messages_ready 1.5e3 1699999999000",
            List.of("__name__=queue_messages_ready 1500.0 @1699999999000")),
        Arguments.of("a /metrics page: HELP, TYPE, blank lines, several series",
            "# HELP rps Requests per second.\n# TYPE rps gauge\n\nrps{namespace=\"default\",pod=\"web-0\"} 12\n"
                + "rps{namespace=\"default\",pod=\"web-1\"} 8\n",
            List.of("__name__=rps,namespace=default,pod=web-0 12.0 @" + NOW,
                "__name__=rps,namespace=default,pod=web-1 8.0 @" + NOW)),
        Arguments.of("escapes, spaces around the labels, a trailing comma",
            "m { path = \"/a\\\"b\\\\c\\n\" , } 1",
            List.of("__name__=m,path=/a\"b\\c\n 1.0 @" + NOW)),
        Arguments.of("Go's special values and a colon in the name", "job:up:sum NaN\nx +Inf\ny -Inf",
            List.of("__name__=job:up:sum NaN @" + NOW, "__name__=x Infinity @" + NOW,
                "__name__=y -Infinity @" + NOW)),
        Arguments.of("a custom metric's name outside Prometheus' charset, quoted as Prometheus 3 writes it",
            "{\"packets-per-second\",namespace=\"default\"} 500",
            List.of("__name__=packets-per-second,namespace=default 500.0 @" + NOW)),
        Arguments.of("the same name as a __name__ label", "{namespace=\"default\",__name__=\"requests-per-second\"} 1",
            List.of("namespace=default,__name__=requests-per-second 1.0 @" + NOW)),
        Arguments.of("an empty page", "\n# nothing\n", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void decodesEverySampleLine(String name, String page, List<String> expected) throws Exception {
    assertEquals(expected, TextExpositionDecoder.decode(page, NOW).stream().map(TextExpositionDecoderTest::show)
        .toList());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("no value", "rps{pod=\"a\"}", "line 1: no value"),
        Arguments.of("a value that is not a number", "ok 1\nrps 12x", "line 2: value '12x' is not a number"),
        Arguments.of("an unclosed label value", "rps{pod=\"a} 1", "label pod: the value's closing quote"),
        Arguments.of("an unquoted label value", "rps{pod=a} 1", "expected '\"' at column 9"),
        Arguments.of("a label given twice", "rps{pod=\"a\",pod=\"b\"} 1", "label pod is given twice"),
        Arguments.of("a timestamp in seconds with a fraction", "rps 1 1700000000.5",
            "timestamp '1700000000.5' is not milliseconds"),
        Arguments.of("too many fields", "rps 1 2 3", "more than a value and a timestamp"),
        Arguments.of("a dotted name and nothing else", "a.b", "{\"a.b\",label=\"value\"}"),
        Arguments.of("labels without a name", "{pod=\"a\"} 1", "a line starts with a metric name"),
        Arguments.of("a dash in an unquoted name", "packets-per-second{pod=\"a\"} 1",
            "a metric name with '-' must be quoted inside the braces, {\"packets-per-second\",label=\"value\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedLineIsNamed(String name, String page, String fragment) {
    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> TextExpositionDecoder.decode(page, NOW));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
