package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Resource types and a fixed clock for the printer tests. */
final class TableFixtures {

  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private TableFixtures() {
  }

  static ResourceType builtIn(String group, String version, String plural, String kind) {
    return new ResourceType(group, version, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, true, List.of(),
        List.of(), ResourceType.ALL_VERBS, false, null, null, List.of(), true);
  }

  static ResourceType custom(String group, String version, String plural, String kind,
      List<ResourceType.PrinterColumn> columns) {
    return new ResourceType(group, version, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, true, List.of(),
        List.of(), ResourceType.ALL_VERBS, true, null, null, columns, false);
  }

  /** The encoded cells of the single row printed for {@code object}. */
  static String cells(ResourceType type, String object) {
    JsonObject table = TablePrinter.table(type, List.of(new JsonObject(object)), NOW, IncludeObject.NONE);
    return table.getJsonArray("rows").getJsonObject(0).getJsonArray("cells").encode();
  }

  /** The column names of a type's table, with their priorities ({@code IP:1}). */
  static String columns(ResourceType type) {
    StringBuilder out = new StringBuilder();
    TablePrinter.columnDefinitions(type).forEach(c -> {
      JsonObject column = (JsonObject) c;
      out.append(out.isEmpty() ? "" : " ").append(column.getString("name")).append(':')
          .append(column.getInteger("priority"));
    });
    return out.toString();
  }
}
