package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The metadata-only views of objects, served for {@code Accept: application/json;as=PartialObjectMetadata;v=v1;
 * g=meta.k8s.io} (and {@code as=PartialObjectMetadataList} for lists), and the default {@code object} of Table rows.
 * The whole ObjectMeta is kept, managedFields included, as kube-apiserver does.
 */
public final class PartialObjectMetadata {

  public static final String API_VERSION = "meta.k8s.io/v1";
  public static final String KIND = "PartialObjectMetadata";
  public static final String LIST_KIND = "PartialObjectMetadataList";

  private PartialObjectMetadata() {
  }

  /** {@code {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{...}}} of one object. */
  public static JsonObject of(JsonObject object) {
    return of(object, API_VERSION);
  }

  /** As {@link #of(JsonObject)} in a given meta group version ({@code meta.k8s.io/v1beta1} is also served). */
  public static JsonObject of(JsonObject object, String apiVersion) {
    JsonObject metadata = Fields.object(object, "metadata").copy();
    return new JsonObject().put("kind", KIND).put("apiVersion", apiVersion).put("metadata", metadata);
  }

  /** A PartialObjectMetadataList; {@code continueToken} may be null or empty (then omitted). */
  public static JsonObject list(List<JsonObject> objects, String resourceVersion, String continueToken) {
    return list(objects, TablePrinter.listMeta(resourceVersion, continueToken, null), API_VERSION);
  }

  /** A PartialObjectMetadataList with the given list metadata ({@link TablePrinter#listMeta}). */
  public static JsonObject list(List<JsonObject> objects, JsonObject listMetadata, String apiVersion) {
    JsonArray items = new JsonArray();
    for (JsonObject object : objects) {
      items.add(of(object, apiVersion));
    }
    return new JsonObject().put("kind", LIST_KIND).put("apiVersion", apiVersion)
        .put("metadata", listMetadata == null ? new JsonObject() : listMetadata.copy()).put("items", items);
  }
}
