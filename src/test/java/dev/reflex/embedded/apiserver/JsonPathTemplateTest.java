package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTemplateTest {

  private static final JsonObject POD = new JsonObject("""
      {"metadata":{"name":"web-0","labels":{"app.kubernetes.io/name":"web"}},
       "spec":{"replicas":3,"containers":[{"name":"app","image":"nginx"},{"name":"sidecar","image":"envoy"}]},
       "status":{"conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"False"}],
                 "counts":[{"n":1},{"n":5},{"n":9}],"nothing":null}}""");

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of(".spec.replicas", List.of(3)),
        Arguments.of("{.spec.replicas}", List.of(3)),
        Arguments.of("$.metadata.name", List.of("web-0")),
        Arguments.of(".spec.containers[0].image", List.of("nginx")),
        Arguments.of(".spec.containers[-1].name", List.of("sidecar")),
        Arguments.of(".spec.containers[*].name", List.of("app", "sidecar")),
        Arguments.of(".spec.containers[0:1].name", List.of("app")),
        Arguments.of(".spec.containers.*.image", List.of("nginx", "envoy")),
        Arguments.of(".status.conditions[?(@.type==\"Ready\")].status", List.of("False")),
        Arguments.of("{.status.conditions[?(@.type == 'PodScheduled')].status}", List.of("True")),
        Arguments.of(".status.conditions[?(@.type!=\"Ready\")].type", List.of("PodScheduled")),
        Arguments.of(".status.counts[?(@.n > 4)].n", List.of(5, 9)),
        Arguments.of(".status.counts[?(@.n<=1)].n", List.of(1)),
        Arguments.of(".status.conditions[?(@.missing)].type", List.of()),
        Arguments.of(".metadata.labels['app.kubernetes.io/name']", List.of("web")),
        Arguments.of(".metadata.labels.app\\.kubernetes\\.io/name", List.of("web")),
        Arguments.of("..image", List.of("nginx", "envoy")),
        Arguments.of(".spec.containers[5].name", List.of()),
        Arguments.of(".spec.missing.deeper", List.of()),
        Arguments.of(".metadata.name.length", List.of()),
        Arguments.of(".status.nothing", java.util.Arrays.asList((Object) null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void findsWhatKubesJsonPathFinds(String path, List<Object> expected) {
    assertEquals(expected, JsonPathTemplate.parse(path).find(POD));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"spec.replicas", ".spec[", ".spec[?(@.a ~ 1)]", ".a[x]", ".a[?(@.b==)]", ".a..", "{.a"})
  void rejectsWhatItCannotParse(String path) {
    assertThrows(IllegalArgumentException.class, () -> JsonPathTemplate.parse(path));
  }

  @org.junit.jupiter.api.Test
  void firstIsNullWhenNothingMatches() {
    assertEquals(null, JsonPathTemplate.parse(".spec.nope").first(POD));
    assertEquals(new JsonArray().add(new JsonObject().put("n", 1)).getValue(0),
        JsonPathTemplate.parse(".status.counts[0]").first(POD));
  }
}
