package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * core/v1 Events and events.k8s.io/v1 Events are one stored resource in kube-apiserver, shown in two shapes: this
 * converts between them field by field (involvedObject and regarding, message and note, count and
 * deprecatedCount, …), so an Event written through either API is listed by both.
 */
final class EventConversion {

  /** core/v1 field to events.k8s.io/v1 field. */
  private static final List<String[]> FIELDS = List.of(
      new String[] {"involvedObject", "regarding"},
      new String[] {"related", "related"},
      new String[] {"message", "note"},
      new String[] {"reason", "reason"},
      new String[] {"type", "type"},
      new String[] {"reportingComponent", "reportingController"},
      new String[] {"reportingInstance", "reportingInstance"},
      new String[] {"action", "action"},
      new String[] {"eventTime", "eventTime"},
      new String[] {"series", "series"},
      new String[] {"source", "deprecatedSource"},
      new String[] {"firstTimestamp", "deprecatedFirstTimestamp"},
      new String[] {"lastTimestamp", "deprecatedLastTimestamp"},
      new String[] {"count", "deprecatedCount"});

  private EventConversion() {
  }

  static JsonObject toEventsV1(JsonObject core) {
    JsonObject event = new JsonObject().put("apiVersion", "events.k8s.io/v1").put("kind", "Event")
        .put("metadata", core.getJsonObject("metadata"));
    for (String[] field : FIELDS) {
      Object value = core.getValue(field[0]);
      if (value != null) {
        event.put(field[1], value);
      }
    }
    JsonObject source = core.getJsonObject("source");
    if (!event.containsKey("reportingController") && source != null && source.getString("component") != null) {
      event.put("reportingController", source.getString("component"));
    }
    return event;
  }

  static JsonObject toCore(JsonObject eventsV1) {
    JsonObject core = new JsonObject().put("apiVersion", "v1").put("kind", "Event")
        .put("metadata", eventsV1.getJsonObject("metadata", new JsonObject()));
    for (String[] field : FIELDS) {
      Object value = eventsV1.getValue(field[1]);
      if (value != null) {
        core.put(field[0], value);
      }
    }
    return core;
  }

  /** An events.k8s.io/v1 field-selector field as the stored core/v1 object names it. */
  static String storedField(String field) {
    for (String[] pair : FIELDS) {
      if (field.equals(pair[1]) || field.startsWith(pair[1] + ".")) {
        return pair[0] + field.substring(pair[1].length());
      }
    }
    return field;
  }
}
