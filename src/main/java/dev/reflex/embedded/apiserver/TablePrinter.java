package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: the {@code meta.k8s.io} Table kube-apiserver answers to
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}, which is what {@code kubectl get} asks for and
 * prints column by column.
 *
 * <p>Like kube-apiserver, the table always holds every column with its priority and every cell (the server prints
 * as for {@code -o wide}); kubectl drops priority-1 columns unless asked for wide output. Built-in kinds use their
 * own printers ({@link BuiltInColumns}), custom resources their CRD version's additionalPrinterColumns, and every
 * other kind (roles, CRDs themselves, …) kube's default NAME / CREATED AT table.
 */
public final class TablePrinter {

  public static final String API_VERSION = "meta.k8s.io/v1";

  /**
   * How to build a table.
   *
   * @param include what each row's {@code object} holds
   * @param noHeaders {@code ?noHeaders=true}, which watches use after their first event: no columnDefinitions
   * @param apiVersion the Table's group version, {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1}
   */
  public record Options(IncludeObject include, boolean noHeaders, String apiVersion) {

    public static final Options DEFAULT = new Options(IncludeObject.METADATA, false, API_VERSION);

    public static Options of(IncludeObject include) {
      return new Options(include, false, API_VERSION);
    }
  }

  private TablePrinter() {
  }

  /** A Table of a list, with empty list metadata (see the overload to pass resourceVersion and continue). */
  public static JsonObject table(ResourceType type, List<JsonObject> objects, Instant now, IncludeObject include) {
    return table(type, objects, now, Options.of(include), new JsonObject());
  }

  /**
   * A Table of a list response.
   *
   * @param listMetadata the Table's {@code metadata}: the list's resourceVersion, continue and remainingItemCount
   *     ({@link #listMeta}); copied as given
   */
  public static JsonObject table(ResourceType type, List<JsonObject> objects, Instant now, Options options,
      JsonObject listMetadata) {
    Printer printer = printerFor(type);
    JsonArray rows = new JsonArray();
    for (JsonObject object : objects) {
      rows.add(row(type, printer.row(object, now), object, options));
    }
    JsonObject table = new JsonObject().put("kind", "Table").put("apiVersion", options.apiVersion())
        .put("metadata", listMetadata == null ? new JsonObject() : listMetadata.copy());
    table.put("columnDefinitions", options.noHeaders() ? null : columns(printer.columns()));
    // kube's default convertor leaves an empty table's rows unset; the others start from an empty list.
    table.put("rows", rows.isEmpty() && printer.nullWhenEmpty() ? null : rows);
    return table;
  }

  /** A Table of one object (a GET): its metadata carries the object's resourceVersion. */
  public static JsonObject tableOfObject(ResourceType type, JsonObject object, Instant now, Options options) {
    String resourceVersion = Fields.string(object, "metadata", "resourceVersion");
    return table(type, List.of(object), now, options, listMeta(resourceVersion, null, null));
  }

  /** ListMeta with kube's omitempty: only the fields that are set. */
  public static JsonObject listMeta(String resourceVersion, String continueToken, Long remainingItemCount) {
    JsonObject meta = new JsonObject();
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      meta.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      meta.put("continue", continueToken);
    }
    if (remainingItemCount != null) {
      meta.put("remainingItemCount", remainingItemCount);
    }
    return meta;
  }

  /** The column definitions a type's tables carry, as JSON. */
  public static JsonArray columnDefinitions(ResourceType type) {
    return columns(printerFor(type).columns());
  }

  private static JsonArray columns(List<TableColumn> columns) {
    JsonArray out = new JsonArray();
    columns.forEach(c -> out.add(c.toJson()));
    return out;
  }

  private static JsonObject row(ResourceType type, TableRow printed, JsonObject object, Options options) {
    JsonArray cells = new JsonArray();
    printed.cells().forEach(cells::add);
    JsonObject row = new JsonObject().put("cells", cells);
    if (printed.conditions() != null) {
      row.put("conditions", printed.conditions().copy());
    }
    switch (options.include()) {
      case NONE -> row.putNull("object");
      case OBJECT -> row.put("object", withTypeMeta(type, object));
      default -> row.put("object", PartialObjectMetadata.of(object, options.apiVersion()));
    }
    return row;
  }

  /** The object as served in its version: kind and apiVersion always set. */
  private static JsonObject withTypeMeta(ResourceType type, JsonObject object) {
    JsonObject copy = object.copy();
    if (!(copy.getValue("apiVersion") instanceof String)) {
      copy.put("apiVersion", type.groupVersion());
    }
    if (!(copy.getValue("kind") instanceof String)) {
      copy.put("kind", type.kind());
    }
    return copy;
  }

  /** Which of kube's three table convertors serves a type, reduced to columns and a row function. */
  private interface Printer {
    List<TableColumn> columns();

    TableRow row(JsonObject object, Instant now);

    default boolean nullWhenEmpty() {
      return false;
    }
  }

  private static Printer printerFor(ResourceType type) {
    if (!type.builtIn()) {
      CustomResourceColumns custom = new CustomResourceColumns(type.printerColumns());
      return new Printer() {
        public List<TableColumn> columns() {
          return custom.columns();
        }

        public TableRow row(JsonObject object, Instant now) {
          return custom.row(object, now);
        }
      };
    }
    BuiltInColumns.KindTable kind = BuiltInColumns.forType(type);
    if (kind != null) {
      return new Printer() {
        public List<TableColumn> columns() {
          return kind.columns();
        }

        public TableRow row(JsonObject object, Instant now) {
          return kind.row().apply(object, now);
        }
      };
    }
    return DEFAULT_PRINTER;
  }

  /** kube's default convertor: the name and the creation time as an RFC 3339 UTC string, typed {@code date}. */
  private static final Printer DEFAULT_PRINTER = new Printer() {
    private final List<TableColumn> columns = List.of(TableColumn.nameColumn(),
        new TableColumn("Created At", "date", "", ColumnDescriptions.META_CREATION, 0));

    public List<TableColumn> columns() {
      return columns;
    }

    public TableRow row(JsonObject object, Instant now) {
      Instant created = Fields.time(object, "metadata", "creationTimestamp");
      // Go formats a missing time as its zero value, year 1.
      String createdAt = created == null ? "0001-01-01T00:00:00Z"
          : java.time.format.DateTimeFormatter.ISO_INSTANT
              .format(created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      return TableRow.of(BuiltInColumns.name(object), createdAt);
    }

    public boolean nullWhenEmpty() {
      return true;
    }
  };
}
