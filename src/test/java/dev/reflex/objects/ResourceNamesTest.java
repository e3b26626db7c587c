package dev.reflex.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kind to resource and back, as kube's REST mapper guesses plurals. */
class ResourceNamesTest {

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({"Pod, pods", "Ingress, ingresses", "Policy, policies", "Key, keys", "Box, boxes", "Match, matches",
      "Mesh, meshes", "Deployment, deployments", "Status, statuses"})
  void pluralAndBack(String kind, String plural) {
    assertEquals(plural, ResourceNames.plural(kind));
    if (!"Status".equals(kind)) {
      assertEquals(kind.toLowerCase(java.util.Locale.ROOT), ResourceNames.singular(plural));
    }
  }

  @ParameterizedTest(name = "{0} is already singular")
  @CsvSource({"pod", "ingress", "status", "address"})
  void singularStaysSingular(String name) {
    assertEquals(name, ResourceNames.singular(name));
  }
}
