package dev.reflex.api;

import dev.reflex.api.v1alpha1.ApiGroup;
import dev.reflex.api.v1alpha1.HorizontalPortrait;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.ReplicaProfile;
import dev.reflex.testing.Mappers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Test helper: reads the YAML manifests under deploy/ as documents, trees and typed objects. */
final class Manifests {

  static final Path DEPLOY = Path.of("deploy");
  static final Path SAMPLES = DEPLOY.resolve("samples");
  static final Path CRDS = DEPLOY.resolve("crds");

  private static final Map<String, Class<? extends HasMetadata>> OUR_KINDS = Map.of(
      IntelligentHorizontalPodAutoscaler.KIND, IntelligentHorizontalPodAutoscaler.class,
      ReplicaProfile.KIND, ReplicaProfile.class,
      HorizontalPortrait.KIND, HorizontalPortrait.class);

  /** One YAML document of a file, with its position for test names. */
  record Document(Path file, int index, String yaml) {

    JsonNode tree() {
      return Mappers.YAML.readTree(yaml);
    }

    String kind() {
      return tree().path("kind").asString();
    }

    boolean isOurs() {
      return ApiGroup.API_VERSION.equals(tree().path("apiVersion").asString());
    }

    /** Parses the document into its model class: ours by kind, built-ins through fabric8's registry. */
    HasMetadata parse() {
      Class<? extends HasMetadata> type = OUR_KINDS.get(kind());
      return type != null && isOurs() ? Mappers.KUBE.unmarshal(yaml, type) : Mappers.KUBE.unmarshal(yaml);
    }

    @Override
    public String toString() {
      return file.toString().replace('\\', '/') + (index > 0 ? "#" + index : "");
    }
  }

  private Manifests() {
  }

  /** Every YAML file under the directory (recursively), sorted, excluding the given sub-directories. */
  static List<Path> yamlFiles(Path dir, Path... excluded) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> Stream.of(excluded).noneMatch(p::startsWith))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-empty documents of a multi-document YAML file. */
  static List<Document> documents(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Document> docs = new ArrayList<>();
    for (String part : text.split("(?m)^---\\s*$")) {
      boolean hasContent = part.lines().anyMatch(l -> !l.isBlank() && !l.trim().startsWith("#"));
      if (hasContent) {
        docs.add(new Document(file, docs.size(), part));
      }
    }
    return docs;
  }

  static List<Document> documents(List<Path> files) {
    return files.stream().flatMap(f -> documents(f).stream()).toList();
  }

  /** Tree equality that compares numbers by value, so that 1 and 1L (or 1.0) are the same. */
  static boolean sameTree(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber()
        ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, b);
  }
}
