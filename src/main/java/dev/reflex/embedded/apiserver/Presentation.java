package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer form a read asked for with {@code Accept} and its query: plain objects, a Table (server-side
 * printing, what kubectl asks for), or PartialObjectMetadata (and its List), in meta.k8s.io v1 or v1beta1.
 */
record Presentation(Form form, String metaApiVersion, TablePrinter.Options tableOptions) {

  /** The shapes an answer can take. */
  enum Form {
    OBJECTS, TABLE, PARTIAL_METADATA, PARTIAL_METADATA_LIST
  }

  static final Presentation OBJECTS = new Presentation(Form.OBJECTS, "", TablePrinter.Options.DEFAULT);

  static Presentation of(String accept, Map<String, String> query) {
    if (accept == null || accept.isEmpty()) {
      return OBJECTS;
    }
    for (String option : accept.split(",")) {
      String o = option.replace(" ", "");
      String version = o.contains("v=v1beta1") ? "meta.k8s.io/v1beta1" : "meta.k8s.io/v1";
      if (o.contains("as=Table") && o.contains("g=meta.k8s.io")) {
        IncludeObject include;
        try {
          include = IncludeObject.parse(query.get("includeObject"));
        } catch (IllegalArgumentException e) {
          throw ApiError.badRequest(e.getMessage());
        }
        return new Presentation(Form.TABLE, version, new TablePrinter.Options(include,
            "true".equals(query.get("noHeaders")), version));
      }
      if (o.contains("as=PartialObjectMetadataList") && o.contains("g=meta.k8s.io")) {
        return new Presentation(Form.PARTIAL_METADATA_LIST, version, TablePrinter.Options.DEFAULT);
      }
      if (o.contains("as=PartialObjectMetadata") && o.contains("g=meta.k8s.io")) {
        return new Presentation(Form.PARTIAL_METADATA, version, TablePrinter.Options.DEFAULT);
      }
      if (!o.contains(";as=")) {
        return OBJECTS;
      }
    }
    return OBJECTS;
  }

  /** The answer to a list, or null when the list is to be sent as plain objects. */
  JsonObject list(ResourceType type, List<JsonObject> items, Instant now, String resourceVersion,
      String continueToken, Long remaining) {
    return switch (form) {
      case OBJECTS -> null;
      case TABLE -> TablePrinter.table(type, items, now, tableOptions, TablePrinter.listMeta(resourceVersion,
          continueToken, remaining));
      case PARTIAL_METADATA_LIST -> PartialObjectMetadata.list(items, TablePrinter.listMeta(resourceVersion,
          continueToken, remaining), metaApiVersion);
      case PARTIAL_METADATA -> throw ApiError.notAcceptable("you requested PartialObjectMetadata, but the requested "
          + "object is a list (" + type.groupVersion() + ", Kind=" + type.listKind() + ")");
    };
  }

  /** The answer to a read of one object, or null for the plain object. */
  JsonObject one(ResourceType type, JsonObject object, Instant now, boolean firstOfWatch) {
    return switch (form) {
      case OBJECTS -> null;
      case TABLE -> TablePrinter.tableOfObject(type, object, now, firstOfWatch ? tableOptions
          : new TablePrinter.Options(tableOptions.include(), true, tableOptions.apiVersion()));
      case PARTIAL_METADATA -> PartialObjectMetadata.of(object, metaApiVersion);
      case PARTIAL_METADATA_LIST -> throw ApiError.notAcceptable("you requested PartialObjectMetadataList, but the "
          + "requested object is not a list (" + type.groupVersion() + ", Kind=" + type.kind() + ")");
    };
  }
}
