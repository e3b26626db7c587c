package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ColumnDescriptions.*;

import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Rows of core/v1 and events.k8s.io/v1 Events, which kube prints through one internal type: LAST SEEN falls back
 * to the first timestamp, then to eventTime; a series overrides both the last time and the count; OBJECT is
 * {@code kind/name} in lower case.
 */
final class EventCells {

  static final List<TableColumn> COLUMNS = List.of(TableColumn.string("Last Seen", EVENT_LAST),
      TableColumn.string("Type", EVENT_TYPE), TableColumn.string("Reason", EVENT_REASON),
      TableColumn.string("Object", EVENT_OBJECT), TableColumn.wide("Subobject", EVENT_FIELD_PATH),
      TableColumn.wide("Source", EVENT_SOURCE), TableColumn.string("Message", EVENT_MESSAGE),
      TableColumn.wide("First Seen", EVENT_FIRST), TableColumn.wide("Count", EVENT_COUNT),
      new TableColumn("Name", "string", "name", META_NAME, 1));

  /** The fields the printer reads, named once for both API versions. */
  private record EventView(JsonObject event, JsonObject involved, String message, JsonObject source,
      String firstTimestamp, String lastTimestamp, long count, String reportingController,
      String reportingInstance) {
  }

  private EventCells() {
  }

  static TableRow coreRow(JsonObject event, Instant now) {
    return row(new EventView(event, Fields.object(event, "involvedObject"), Fields.string(event, "message"),
        Fields.object(event, "source"), Fields.string(event, "firstTimestamp"), Fields.string(event, "lastTimestamp"),
        Fields.integer(event, "count"), Fields.string(event, "reportingComponent"),
        Fields.string(event, "reportingInstance")), now);
  }

  static TableRow eventsRow(JsonObject event, Instant now) {
    return row(new EventView(event, Fields.object(event, "regarding"), Fields.string(event, "note"),
        Fields.object(event, "deprecatedSource"), Fields.string(event, "deprecatedFirstTimestamp"),
        Fields.string(event, "deprecatedLastTimestamp"), Fields.integer(event, "deprecatedCount"),
        Fields.string(event, "reportingController"), Fields.string(event, "reportingInstance")), now);
  }

  private static TableRow row(EventView e, Instant now) {
    Instant first = Timestamps.parse(e.firstTimestamp());
    String firstSeen = first != null ? HumanDuration.since(first, now)
        : HumanDuration.since(Fields.time(e.event(), "eventTime"), now);
    Instant last = Timestamps.parse(e.lastTimestamp());
    String lastSeen = last != null ? HumanDuration.since(last, now) : firstSeen;
    long count = e.count();
    JsonObject series = Fields.objectOrNull(e.event(), "series");
    if (series != null) {
      lastSeen = HumanDuration.since(Fields.time(series, "lastObservedTime"), now);
      count = Fields.integer(series, "count");
    } else if (count == 0) {
      count = 1;
    }
    String kind = Fields.string(e.involved(), "kind").toLowerCase(Locale.ROOT);
    String name = Fields.string(e.involved(), "name");
    String target = name.isEmpty() ? kind : kind + "/" + name;
    String component = Fields.firstNonEmpty(Fields.string(e.source(), "component"), e.reportingController());
    String instance = Fields.firstNonEmpty(Fields.string(e.source(), "host"), e.reportingInstance());
    String source = instance.isEmpty() ? component : component + ", " + instance;
    return TableRow.of(lastSeen, Fields.string(e.event(), "type"), Fields.string(e.event(), "reason"), target,
        Fields.string(e.involved(), "fieldPath"), source, e.message().strip(), firstSeen, count,
        BuiltInColumns.name(e.event()));
  }
}
