package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A streamed series' identity read back into its labels. */
class SeriesLabelsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", Map.of()),
        Arguments.of("pod=web-0", Map.of("pod", "web-0")),
        Arguments.of("job=load,namespace=default,pod=web-0", ordered("job", "load", "namespace", "default", "pod",
            "web-0")),
        Arguments.of("path=/a,b,pod=web-0", ordered("path", "/a,b", "pod", "web-0")),
        Arguments.of("expr=a=b,pod=x", ordered("expr", "a=b", "pod", "x")),
        Arguments.of("empty=,pod=x", ordered("empty", "", "pod", "x")));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("cases")
  void readsLabels(String series, Map<String, String> want) {
    assertEquals(want, SeriesLabels.parse(series));
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }
}
