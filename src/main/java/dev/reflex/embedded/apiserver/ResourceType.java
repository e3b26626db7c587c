package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One served resource of one group version: what discovery lists, what a request path names, and what the store,
 * the validator and the printer need to know about it. Built-in types come from {@code BuiltInTypes}; custom
 * resources from their CustomResourceDefinition, one instance per served version.
 *
 * @param group the API group, empty for the core group
 * @param schema the OpenAPI v3 schema of the whole object (CRDs: the version's {@code openAPIV3Schema}; built-in
 *     types: a {@code $ref} into the built-in components), or null when none is known
 * @param printerColumns the CRD's {@code additionalPrinterColumns}; empty for built-in types, whose columns are
 *     the printer's own
 */
public record ResourceType(String group, String version, String plural, String singular, String kind,
    boolean namespaced, List<String> shortNames, List<String> categories, List<String> verbs,
    boolean statusSubresource, ScaleSubresourcePaths scale, JsonObject schema, List<PrinterColumn> printerColumns,
    boolean builtIn) {

  /** The verbs of an ordinary read-write resource, in discovery's order. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** {@code v1} for the core group, else {@code group/version}. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code pods} for the core group, else {@code plural.group}: how error messages name a resource. */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code Pod} for the core group, else {@code Kind.group}: how 422 messages name a kind. */
  public String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  public String listKind() {
    return kind + "List";
  }

  public boolean hasScale() {
    return scale != null;
  }

  /**
   * Where a custom resource's scale subresource reads and writes (JSON paths as in the CRD, {@code .spec.replicas}).
   */
  public record ScaleSubresourcePaths(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {
  }

  /** One of a CRD version's {@code additionalPrinterColumns}. */
  public record PrinterColumn(String name, String type, String format, String description, int priority,
      String jsonPath) {
  }
}
