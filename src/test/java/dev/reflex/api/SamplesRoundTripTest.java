package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.testing.Mappers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every custom resource in deploy/samples reads into the model and writes back to the same tree. */
class SamplesRoundTripTest {

  static Stream<Manifests.Document> ourSamples() {
    return Manifests.documents(Manifests.yamlFiles(Manifests.SAMPLES)).stream().filter(Manifests.Document::isOurs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourSamples")
  void sampleSurvivesModelRoundTripWithoutLoss(Manifests.Document doc) {
    JsonNode original = doc.tree();
    HasMetadata model = doc.parse();
    JsonNode written = Mappers.JSON.readTree(Mappers.KUBE.asJson(model));
    assertTrue(Manifests.sameTree(original, written),
        () -> "round trip changed " + doc + "\nexpected: " + original + "\nactual:   " + written);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourSamples")
  void specsReadTwiceAreEqual(Manifests.Document doc) {
    var a = doc.parse();
    var b = doc.parse();
    Object specA = specOf(a);
    Object specB = specOf(b);
    assertEquals(specA, specB);
    assertEquals(specA.hashCode(), specB.hashCode());
  }

  private static Object specOf(HasMetadata resource) {
    return ((io.fabric8.kubernetes.client.CustomResource<?, ?>) resource).getSpec();
  }

  @Test
  void aFieldTheModelDoesNotKnowIsDetectedAsLoss() {
    var doc = new Manifests.Document(java.nio.file.Path.of("inline"), 0, """
        apiVersion: autoscaling.kapacitystack.io/v1alpha1
        kind: ReplicaProfile
        metadata:
          name: web
        spec:
          scaleTargetRef: {kind: Deployment, name: web}
          onlineReplicas: 2
          surgeReplicas: 1
        """);
    JsonNode written = Mappers.JSON.readTree(Mappers.KUBE.asJson(doc.parse()));
    assertTrue(!Manifests.sameTree(doc.tree(), written), "the comparison must notice a dropped field");
    assertTrue(Manifests.sameTree(Mappers.JSON.readTree("{\"a\":1}"),
        Mappers.JSON.readTree("{\"a\":1.0}")), "numbers compare by value");
  }

  @Test
  void theSeedSamplesAndOurExtensionsArePresent() {
    List<String> names = ourSamples().map(d -> d.tree().path("metadata").path("name").asString()).toList();
    assertTrue(names.containsAll(List.of("cron-portrait-sample", "dynamic-reactive-portrait-sample",
        "predictive-sample", "gray-strategy-sample", "kpa-burst-sample", "demo-micro-service")), names::toString);
    assertEquals(names.size(), names.stream().distinct().count(), "sample names are unique");
  }
}
