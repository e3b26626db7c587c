package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.TableFixtures.NOW;
import static dev.reflex.embedded.apiserver.TableFixtures.builtIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Table envelope: metadata, headers, row objects per includeObject, and the PartialObjectMetadata views. */
class TablePrinterTest {

  private static final ResourceType CONFIGMAPS = builtIn("", "v1", "configmaps", "ConfigMap");
  private static final ResourceType ROLES = builtIn("rbac.authorization.k8s.io", "v1", "roles", "Role");
  private static final JsonObject CONFIGMAP = new JsonObject("""
      {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"conf","namespace":"prod","uid":"u-1",
        "resourceVersion":"42","creationTimestamp":"2024-05-01T11:59:15Z","labels":{"app":"web"},
        "managedFields":[{"manager":"kubectl","operation":"Apply"}]},"data":{"a":"1"}}""");

  @Test
  void aListTableWithDefaultMetadataObjects() {
    JsonObject table = TablePrinter.table(CONFIGMAPS, List.of(CONFIGMAP), NOW, TablePrinter.Options.DEFAULT,
        TablePrinter.listMeta("100", "next-page", 3L));
    JsonObject expected = new JsonObject("""
        {"kind":"Table","apiVersion":"meta.k8s.io/v1",
         "metadata":{"resourceVersion":"100","continue":"next-page","remainingItemCount":3},
         "columnDefinitions":[
           {"name":"Name","type":"string","format":"name","description":"%s","priority":0},
           {"name":"Data","type":"string","format":"","description":"%s","priority":0},
           {"name":"Age","type":"string","format":"","description":"%s","priority":0}],
         "rows":[{"cells":["conf",1,"45s"],
           "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"conf",
             "namespace":"prod","uid":"u-1","resourceVersion":"42","creationTimestamp":"2024-05-01T11:59:15Z",
             "labels":{"app":"web"},"managedFields":[{"manager":"kubectl","operation":"Apply"}]}}}]}"""
        .formatted(escape(ColumnDescriptions.META_NAME), escape(ColumnDescriptions.CM_DATA),
            escape(ColumnDescriptions.META_CREATION)));
    assertEquals(expected, table);
    assertEquals("{\"resourceVersion\":\"100\",\"continue\":\"next-page\",\"remainingItemCount\":3}",
        table.getJsonObject("metadata").encode());
  }

  @Test
  void includeObjectChoosesWhatEachRowCarries() {
    JsonObject bare = CONFIGMAP.copy();
    bare.remove("kind");
    bare.remove("apiVersion");
    assertEquals("{\"cells\":[\"conf\",1,\"45s\"],\"object\":null}",
        row(TablePrinter.table(CONFIGMAPS, List.of(bare), NOW, IncludeObject.NONE)).encode());
    JsonObject whole = row(TablePrinter.table(CONFIGMAPS, List.of(bare), NOW, IncludeObject.OBJECT))
        .getJsonObject("object");
    assertEquals("v1", whole.getString("apiVersion"));
    assertEquals("ConfigMap", whole.getString("kind"));
    assertEquals(CONFIGMAP.getJsonObject("data"), whole.getJsonObject("data"));
    JsonObject v1beta1 = TablePrinter.table(CONFIGMAPS, List.of(bare), NOW,
        new TablePrinter.Options(IncludeObject.METADATA, false, "meta.k8s.io/v1beta1"), null);
    assertEquals("meta.k8s.io/v1beta1", v1beta1.getString("apiVersion"));
    assertEquals("meta.k8s.io/v1beta1", row(v1beta1).getJsonObject("object").getString("apiVersion"));
  }

  @Test
  void noHeadersLeavesColumnDefinitionsNull() {
    JsonObject table = TablePrinter.table(CONFIGMAPS, List.of(CONFIGMAP), NOW,
        new TablePrinter.Options(IncludeObject.NONE, true, TablePrinter.API_VERSION), null);
    assertEquals(true, table.containsKey("columnDefinitions"));
    assertEquals(null, table.getValue("columnDefinitions"));
  }

  @Test
  void aSingleObjectTableCarriesItsResourceVersion() {
    JsonObject table = TablePrinter.tableOfObject(CONFIGMAPS, CONFIGMAP, NOW, TablePrinter.Options.DEFAULT);
    assertEquals("{\"resourceVersion\":\"42\"}", table.getJsonObject("metadata").encode());
    assertEquals(1, table.getJsonArray("rows").size());
  }

  @Test
  void emptyTables() {
    assertEquals("[]", TablePrinter.table(CONFIGMAPS, List.of(), NOW, IncludeObject.METADATA)
        .getJsonArray("rows").encode());
    // kube's default convertor never initialises its rows.
    JsonObject roles = TablePrinter.table(ROLES, List.of(), NOW, IncludeObject.METADATA);
    assertEquals(true, roles.containsKey("rows"));
    assertEquals(null, roles.getValue("rows"));
    assertEquals("Created At", roles.getJsonArray("columnDefinitions").getJsonObject(1).getString("name"));
    assertEquals("date", roles.getJsonArray("columnDefinitions").getJsonObject(1).getString("type"));
  }

  @Test
  void finishedPodsCarryACompletedRowCondition() {
    JsonObject pod = new JsonObject("""
        {"metadata":{"name":"job-x","creationTimestamp":"2024-05-01T11:00:00Z"},"spec":{"containers":[{"name":"c"}]},
         "status":{"phase":"Succeeded","containerStatuses":[{"name":"c","restartCount":0,
           "state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}}""");
    JsonObject row = row(TablePrinter.table(builtIn("", "v1", "pods", "Pod"), List.of(pod), NOW, IncludeObject.NONE));
    assertEquals("[\"job-x\",\"0/1\",\"Completed\",\"0\",\"60m\",\"<none>\",\"<none>\",\"<none>\",\"<none>\"]",
        row.getJsonArray("cells").encode());
    assertEquals("[{\"type\":\"Completed\",\"status\":\"True\",\"reason\":\"Succeeded\","
        + "\"message\":\"The pod has completed successfully.\"}]", row.getJsonArray("conditions").encode());
  }

  @Test
  void includeObjectParsing() {
    assertEquals(IncludeObject.METADATA, IncludeObject.parse(null));
    assertEquals(IncludeObject.METADATA, IncludeObject.parse(""));
    assertEquals(IncludeObject.NONE, IncludeObject.parse("None"));
    assertEquals(IncludeObject.OBJECT, IncludeObject.parse("Object"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IncludeObject.parse("all"));
    assertEquals("Unable to convert to Table as requested: includeObject: Invalid value: \"all\": "
        + "must be 'Metadata', 'Object', 'None', or empty", error.getMessage());
  }

  @Test
  void partialObjectMetadataViews() {
    assertEquals(new JsonObject().put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1")
        .put("metadata", CONFIGMAP.getJsonObject("metadata")), PartialObjectMetadata.of(CONFIGMAP));
    JsonObject list = PartialObjectMetadata.list(List.of(CONFIGMAP, CONFIGMAP), "100", null);
    assertEquals("PartialObjectMetadataList", list.getString("kind"));
    assertEquals("meta.k8s.io/v1", list.getString("apiVersion"));
    assertEquals("{\"resourceVersion\":\"100\"}", list.getJsonObject("metadata").encode());
    assertEquals(2, list.getJsonArray("items").size());
    assertEquals(PartialObjectMetadata.of(CONFIGMAP), list.getJsonArray("items").getJsonObject(1));
    assertEquals("{\"resourceVersion\":\"7\",\"continue\":\"c\"}",
        PartialObjectMetadata.list(List.of(), "7", "c").getJsonObject("metadata").encode());
    assertEquals("[]", PartialObjectMetadata.list(List.of(), "7", "c").getJsonArray("items").encode());
  }

  private static JsonObject row(JsonObject table) {
    return table.getJsonArray("rows").getJsonObject(0);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
