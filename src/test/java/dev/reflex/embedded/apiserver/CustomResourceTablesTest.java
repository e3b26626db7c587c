package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.TableFixtures.NOW;
import static dev.reflex.embedded.apiserver.TableFixtures.cells;
import static dev.reflex.embedded.apiserver.TableFixtures.custom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reflex.embedded.apiserver.ResourceType.PrinterColumn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Custom resources print NAME and then their CRD version's additionalPrinterColumns, typed as declared. */
class CustomResourceTablesTest {

  private static final Path IHPA_CRD =
      Path.of("deploy/crds/intelligenthorizontalpodautoscalers.autoscaling.kapacitystack.io-v1.yml");

  @SuppressWarnings("unchecked")
  static ResourceType ihpa() throws Exception {
    JsonObject crd = new JsonObject((Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(IHPA_CRD)));
    JsonObject version = crd.getJsonObject("spec").getJsonArray("versions").getJsonObject(0);
    List<PrinterColumn> columns = new ArrayList<>();
    for (Object c : version.getJsonArray("additionalPrinterColumns")) {
      JsonObject column = (JsonObject) c;
      columns.add(new PrinterColumn(column.getString("name"), column.getString("type"), column.getString("format"),
          column.getString("description"), column.getInteger("priority", 0), column.getString("jsonPath")));
    }
    return custom("autoscaling.kapacitystack.io", version.getString("name"), "intelligenthorizontalpodautoscalers",
        "IntelligentHorizontalPodAutoscaler", columns);
  }

  @Test
  void ihpaColumnsAreTheCrdsOwnWithNoExtraAge() throws Exception {
    String creationColumn = "Custom resource definition column (in JSONPath format): .metadata.creationTimestamp";
    JsonArray expected = new JsonArray()
        .add(column("Name", "string", "name", ColumnDescriptions.META_NAME))
        .add(column("Reference", "string", "", "Name of the scaled workload"))
        .add(column("Min", "integer", "", "Custom resource definition column (in JSONPath format): .spec.minReplicas"))
        .add(column("Max", "integer", "", "Custom resource definition column (in JSONPath format): .spec.maxReplicas"))
        .add(column("Desired", "integer", "", "Replicas of the winning portrait value"))
        .add(column("Provider", "string", "", "Provider of the winning portrait value"))
        .add(column("Age", "date", "", creationColumn));
    assertEquals(expected, TablePrinter.columnDefinitions(ihpa()));
  }

  @Test
  void ihpaCellsFollowTheColumnTypes() throws Exception {
    assertEquals("[\"web-ihpa\",\"web\",2,10,5,\"cron\",\"3d\"]", cells(ihpa(), """
        {"metadata":{"name":"web-ihpa","creationTimestamp":"2024-04-28T12:00:00Z"},
         "spec":{"minReplicas":2,"maxReplicas":10,"scaleTargetRef":{"kind":"Deployment","name":"web"}},
         "status":{"currentPortraitValue":{"provider":"cron","replicas":5}}}"""));
  }

  @Test
  void missingValuesGiveNullCells() throws Exception {
    assertEquals("[\"fresh\",\"web\",null,10,null,null,\"45s\"]", cells(ihpa(), """
        {"metadata":{"name":"fresh","creationTimestamp":"2024-05-01T11:59:15Z"},
         "spec":{"maxReplicas":10,"scaleTargetRef":{"name":"web"}}}"""));
  }

  @Test
  void aCrdWithoutPrinterColumnsGetsAnAgeDateColumn() {
    ResourceType type = custom("example.com", "v1", "widgets", "Widget", List.of());
    assertEquals(new JsonArray().add(column("Name", "string", "name", ColumnDescriptions.META_NAME))
        .add(column("Age", "date", "", ColumnDescriptions.META_CREATION)), TablePrinter.columnDefinitions(type));
    assertEquals("[\"w\",\"5m30s\"]", cells(type, """
        {"metadata":{"name":"w","creationTimestamp":"2024-05-01T11:54:30Z"}}"""));
  }

  @Test
  void anUnparsableColumnDropsItAndTheColumnsAfterIt() {
    ResourceType type = custom("example.com", "v1", "widgets", "Widget", List.of(
        new PrinterColumn("Size", "integer", null, null, 0, ".spec.size"),
        new PrinterColumn("Bad", "string", null, null, 0, ".spec[?(@.a ~ 1)]"),
        new PrinterColumn("Later", "string", null, null, 0, ".spec.later")));
    assertEquals("Name:0 Size:0", TableFixtures.columns(type));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource(delimiter = '|', value = {
      "integer | 3 | 3",
      "integer | 3.9 | 3",
      "integer | \"3\" | null",
      "number | 2.5 | 2.5",
      "number | 4 | 4",
      "number | true | null",
      "boolean | true | true",
      "boolean | \"true\" | null",
      "string | \"ok\" | \"ok\"",
      "string | 42 | \"42\"",
      "string | 1.5 | \"1.5\"",
      "string | 1000000.0 | \"1e+06\"",
      "string | 0.00001 | \"1e-05\"",
      "string | true | \"true\"",
      "string | {\"b\":1,\"a\":\"<x>\"} | \"{\\\"a\\\":\\\"\\\\u003cx\\\\u003e\\\",\\\"b\\\":1}\"",
      "string | [1,\"two\"] | \"[1,\\\"two\\\"]\"",
      "date | \"2024-05-01T11:00:00Z\" | \"60m\"",
      "date | \"May 1st\" | \"<invalid>\"",
      "date | 17 | null",
      "color | \"red\" | null",
      "string | null | null"})
  void cellTypes(String type, String valueJson, String expectedJson) {
    Object value = new JsonArray("[" + valueJson + "]").getValue(0);
    Object cell = CustomResourceColumns.cell(type, value, NOW);
    assertEquals(expectedJson, new JsonArray().add(cell).encode().replaceAll("^\\[|]$", ""));
  }

  @Test
  void filterColumnsTakeTheFirstMatch() {
    ResourceType type = custom("example.com", "v1", "widgets", "Widget", List.of(
        new PrinterColumn("Ready", "string", null, null, 0, ".status.conditions[?(@.type==\"Ready\")].status"),
        new PrinterColumn("Names", "string", null, null, 1, ".spec.items[*].name")));
    JsonObject table = TablePrinter.table(type, List.of(new JsonObject("""
        {"metadata":{"name":"w"},"spec":{"items":[{"name":"a"},{"name":"b"}]},
         "status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}""")),
        NOW, IncludeObject.NONE);
    assertEquals("[\"w\",\"True\",\"a\"]", table.getJsonArray("rows").getJsonObject(0).getJsonArray("cells").encode());
    assertEquals(1, table.getJsonArray("columnDefinitions").getJsonObject(2).getInteger("priority"));
    assertNull(table.getJsonArray("rows").getJsonObject(0).getValue("object"));
  }

  private static JsonObject column(String name, String type, String format, String description) {
    return new JsonObject().put("name", name).put("type", type).put("format", format).put("description", description)
        .put("priority", 0);
  }
}
