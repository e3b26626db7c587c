package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs checked in under deploy/crds are exactly what the crd-generator plugin produces from the model at
 * process-classes. When this fails after a model change, run {@code scripts/gen-crds} and commit the result.
 */
class CrdsUpToDateTest {

  private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");

  @Test
  void checkedInCrdsMatchTheGeneratedOnes() throws IOException {
    assertTrue(Files.isDirectory(GENERATED), "no generated CRDs in " + GENERATED + ": run mvn process-classes");
    List<String> generated = names(GENERATED);
    List<String> checkedIn = names(Manifests.CRDS);
    assertEquals(generated, checkedIn, "CRD files differ from the generated set; run scripts/gen-crds");
    for (String name : generated) {
      assertEquals(Files.readString(GENERATED.resolve(name)), Files.readString(Manifests.CRDS.resolve(name)),
          () -> "deploy/crds/" + name + " is stale; run scripts/gen-crds");
    }
  }

  @Test
  void helmChartCarriesTheSameCrds() throws IOException {
    Path chartCrds = Manifests.DEPLOY.resolve("helm/reflex/crds");
    assertEquals(names(Manifests.CRDS), names(chartCrds), "run scripts/gen-crds");
    for (String name : names(Manifests.CRDS)) {
      assertEquals(Files.readString(Manifests.CRDS.resolve(name)), Files.readString(chartCrds.resolve(name)),
          () -> "deploy/helm/reflex/crds/" + name + " differs from deploy/crds; run scripts/gen-crds");
    }
  }

  @Test
  void allThreeResourcesHaveACrd() throws IOException {
    assertEquals(List.of("horizontalportraits.autoscaling.kapacitystack.io-v1.yml",
        "intelligenthorizontalpodautoscalers.autoscaling.kapacitystack.io-v1.yml",
        "replicaprofiles.autoscaling.kapacitystack.io-v1.yml"), names(Manifests.CRDS));
  }

  @Test
  void printerColumnsKeepTheModelsOrder() throws IOException {
    String ihpa = Files.readString(Manifests.CRDS.resolve(
        "intelligenthorizontalpodautoscalers.autoscaling.kapacitystack.io-v1.yml"));
    List<String> columns = ihpa.lines().map(String::trim).filter(l -> l.startsWith("name: \""))
        .map(l -> l.substring(7, l.length() - 1)).filter(List.of("Reference", "Min", "Max", "Desired", "Provider",
            "Age")::contains).distinct().toList();
    assertEquals(List.of("Reference", "Min", "Max", "Desired", "Provider", "Age"), columns);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-v1.yml")).sorted().toList();
    }
  }
}
