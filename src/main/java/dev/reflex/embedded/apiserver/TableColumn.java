package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;

/**
 * One {@code columnDefinitions} entry of a Table. kube-apiserver always sends every column with its priority
 * (0: shown by default, 1: shown with {@code -o wide}) and kubectl filters by priority itself.
 */
record TableColumn(String name, String type, String format, String description, int priority) {

  static TableColumn string(String name, String description) {
    return new TableColumn(name, "string", "", description, 0);
  }

  static TableColumn integer(String name, String description) {
    return new TableColumn(name, "integer", "", description, 0);
  }

  static TableColumn wide(String name, String description) {
    return new TableColumn(name, "string", "", description, 1);
  }

  static TableColumn nameColumn() {
    return new TableColumn("Name", "string", "name", ColumnDescriptions.META_NAME, 0);
  }

  static TableColumn ageColumn() {
    return string("Age", ColumnDescriptions.META_CREATION);
  }

  /** Every field is written, empty ones too, as metav1.TableColumnDefinition has no omitempty. */
  JsonObject toJson() {
    return new JsonObject().put("name", name).put("type", type).put("format", format == null ? "" : format)
        .put("description", description == null ? "" : description).put("priority", priority);
  }
}
