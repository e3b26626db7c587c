package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The components kube-apiserver publishes for a custom resource version: its {@code openAPIV3Schema} under the name
 * of the reversed group, the version and the kind ({@code io.kapacitystack.autoscaling.v1alpha1.
 * IntelligentHorizontalPodAutoscaler}), with {@code metadata} pointing at ObjectMeta and the group-version-kind
 * kubectl explain looks for, and a list kind next to it.
 */
final class CustomResourceComponents {

  private CustomResourceComponents() {
  }

  /**
   * {@code autoscaling.kapacitystack.io}, {@code v1alpha1}, {@code Foo} →
   * {@code io.kapacitystack.autoscaling.v1alpha1.Foo}.
   */
  static String name(ResourceType type) {
    if (type.builtIn()) {
      // A built-in kind BuiltInSchemas does not generate: named the way io.k8s.api names its groups.
      String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
      return "io.k8s.api." + group + "." + type.version() + "." + type.kind();
    }
    List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
    Collections.reverse(parts);
    return String.join(".", parts) + "." + type.version() + "." + type.kind();
  }

  /** The kind's component: a copy of the version's schema (an open object when it has none). */
  static JsonObject kind(ResourceType type) {
    JsonObject schema = type.schema() == null
        ? new JsonObject().put("x-kubernetes-preserve-unknown-fields", true)
        : type.schema().copy();
    schema.put("type", "object");
    JsonObject properties = schema.getJsonObject("properties");
    if (properties == null) {
      properties = new JsonObject();
      schema.put("properties", properties);
    }
    properties.put("apiVersion", string("The group/version whose schema this object follows."));
    properties.put("kind", string("The kind of this object."));
    // Whatever the CRD says of metadata, the server serves ObjectMeta there (kube-apiserver replaces it too).
    properties.put("metadata", new JsonObject()
        .put("allOf", new JsonArray().add(ModelSchemaGenerator.ref(KubeModelNames.META + "ObjectMeta")))
        .put("description", "The object's metadata: name, namespace, labels, owners."));
    return schema.put("x-kubernetes-group-version-kind", gvk(type, type.kind()));
  }

  /** The list kind's component, whose items refer to {@code itemComponent}. */
  static JsonObject list(ResourceType type, String itemComponent) {
    JsonObject properties = new JsonObject()
        .put("apiVersion", string("The group/version whose schema this object follows."))
        .put("items", new JsonObject().put("type", "array").put("items", ModelSchemaGenerator.ref(itemComponent))
            .put("description", "List of " + type.plural() + "."))
        .put("kind", string("The kind of this object."))
        .put("metadata", new JsonObject()
            .put("allOf", new JsonArray().add(ModelSchemaGenerator.ref(KubeModelNames.META + "ListMeta")))
            .put("description", "The list's metadata: resourceVersion and continue token."));
    return new JsonObject()
        .put("description", type.kind() + "List is a list of " + type.kind())
        .put("type", "object")
        .put("required", new JsonArray().add("items"))
        .put("properties", properties)
        .put("x-kubernetes-group-version-kind", gvk(type, type.listKind()));
  }

  private static JsonArray gvk(ResourceType type, String kind) {
    return new JsonArray().add(new JsonObject().put("group", type.group()).put("kind", kind)
        .put("version", type.version()));
  }

  private static JsonObject string(String description) {
    return new JsonObject().put("description", description).put("type", "string");
  }
}
