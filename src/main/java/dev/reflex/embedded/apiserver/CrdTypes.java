package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The resource types a CustomResourceDefinition defines: one per served version. */
final class CrdTypes {

  private CrdTypes() {
  }

  static List<ResourceType> of(JsonObject crd) {
    JsonObject spec = crd.getJsonObject("spec", new JsonObject());
    JsonObject names = spec.getJsonObject("names", new JsonObject());
    String group = spec.getString("group", "");
    boolean namespaced = !"Cluster".equals(spec.getString("scope"));
    List<ResourceType> types = new ArrayList<>();
    for (Object v : spec.getJsonArray("versions", new JsonArray())) {
      JsonObject version = (JsonObject) v;
      if (!version.getBoolean("served", true)) {
        continue;
      }
      JsonObject subresources = version.getJsonObject("subresources", new JsonObject());
      JsonObject scale = subresources.getJsonObject("scale");
      ResourceType.ScaleSubresourcePaths scalePaths = scale == null ? null
          : new ResourceType.ScaleSubresourcePaths(scale.getString("specReplicasPath"),
              scale.getString("statusReplicasPath"), scale.getString("labelSelectorPath"));
      List<ResourceType.PrinterColumn> columns = new ArrayList<>();
      for (Object c : version.getJsonArray("additionalPrinterColumns", new JsonArray())) {
        JsonObject column = (JsonObject) c;
        columns.add(new ResourceType.PrinterColumn(column.getString("name"), column.getString("type", "string"),
            column.getString("format", ""), column.getString("description", ""), column.getInteger("priority", 0),
            column.getString("jsonPath")));
      }
      JsonObject schema = version.getJsonObject("schema", new JsonObject()).getJsonObject("openAPIV3Schema");
      types.add(new ResourceType(group, version.getString("name"), names.getString("plural"),
          names.getString("singular", names.getString("kind", "").toLowerCase(java.util.Locale.ROOT)),
          names.getString("kind"), namespaced, strings(names.getJsonArray("shortNames")),
          strings(names.getJsonArray("categories")), ResourceType.ALL_VERBS, subresources.containsKey("status"),
          scalePaths, schema, List.copyOf(columns), false));
    }
    return types;
  }

  /** A JSON array of strings as a list (empty for none). */
  static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
