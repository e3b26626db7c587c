package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.metrics.query.GroupKind;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Resource names of the metrics APIs and the kinds they stand for. */
class ObjectKindsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pods, '', Pod", "deployments.apps, apps, Deployment", "ingresses.networking.k8s.io, networking.k8s.io,"
      + " Ingress", "widgets.example.com, example.com, Widget", "policies.example.com, example.com, Policy",
      "namespaces, '', Namespace"})
  void kindAndResourceRoundTrip(String resource, String group, String kind) {
    assertEquals(new GroupKind(group, kind), ObjectKinds.kindOf(resource));
    assertEquals(resource, ObjectKinds.resourceOf(new GroupKind(group, kind)));
  }

  static Stream<Arguments> listed() {
    return Stream.of(
        Arguments.of("", "pod", false, Optional.of("pods")),
        Arguments.of("", "namespace", true, Optional.of("namespaces")),
        Arguments.of("", "ingress", false, Optional.of("ingresses.networking.k8s.io")),
        Arguments.of("", "job", false, Optional.of("jobs.batch")),
        Arguments.of("", "instance", false, Optional.empty()),
        Arguments.of("example.com", "widget", true, Optional.of("widgets.example.com")),
        Arguments.of("", "queue", true, Optional.of("queues")));
  }

  @ParameterizedTest(name = "{1} (explicit {2})")
  @MethodSource("listed")
  void resourcesARuleNames(String group, String resource, boolean explicit, Optional<String> want) {
    assertEquals(want, ObjectKinds.listedResource(group, resource, explicit));
  }
}
