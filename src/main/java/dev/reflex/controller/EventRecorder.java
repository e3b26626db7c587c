package dev.reflex.controller;

import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events the way kubectl describe shows them: a repeat of the same event on the same object within
 * ten minutes bumps {@code count} and {@code lastTimestamp} of the existing Event instead of creating a new one.
 * Failures to record are logged and never fail the reconcile that caused them.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration AGGREGATION_WINDOW = Duration.ofMinutes(10);

  private final KubeRest rest;
  private final Clock clock;
  private final Map<String, Recorded> recent = new HashMap<>();

  private record Recorded(String namespace, String name, int count, Instant last) {
  }

  public EventRecorder(KubeRest rest, Clock clock) {
    this.rest = rest;
    this.clock = clock;
  }

  public Future<Void> normal(JsonObject involved, String component, String reason, String message) {
    return record(involved, component, "Normal", reason, message);
  }

  public Future<Void> warning(JsonObject involved, String component, String reason, String message) {
    return record(involved, component, "Warning", reason, message);
  }

  private Future<Void> record(JsonObject involved, String component, String type, String reason, String message) {
    JsonObject meta = involved.getJsonObject("metadata");
    String namespace = meta.getString("namespace");
    String key = meta.getString("uid", namespace + "/" + meta.getString("name")) + "|" + type + "|" + reason + "|"
        + message;
    Instant now = clock.instant();
    Recorded previous = recent.get(key);
    Future<JsonObject> write;
    if (previous != null && Duration.between(previous.last(), now).compareTo(AGGREGATION_WINDOW) < 0) {
      int count = previous.count() + 1;
      recent.put(key, new Recorded(previous.namespace(), previous.name(), count, now));
      write = rest.mergePatch("/api/v1/namespaces/" + namespace + "/events/" + previous.name(),
          new JsonObject().put("count", count).put("lastTimestamp", now.toString()));
    } else {
      String name = meta.getString("name") + "." + Long.toHexString(now.toEpochMilli())
          + Integer.toHexString(key.hashCode() & 0xfff);
      recent.put(key, new Recorded(namespace, name, 1, now));
      JsonObject event = new JsonObject().put("apiVersion", "v1").put("kind", "Event")
          .put("metadata", new JsonObject().put("name", name).put("namespace", namespace))
          .put("involvedObject", new JsonObject().put("apiVersion", involved.getString("apiVersion"))
              .put("kind", involved.getString("kind")).put("name", meta.getString("name"))
              .put("namespace", namespace).put("uid", meta.getString("uid", ""))
              .put("resourceVersion", meta.getString("resourceVersion", "")))
          .put("reason", reason).put("message", message).put("type", type)
          .put("source", new JsonObject().put("component", component))
          .put("firstTimestamp", now.toString()).put("lastTimestamp", now.toString()).put("count", 1)
          .put("reportingComponent", component).put("reportingInstance", "reflex");
      String collection = "/api/v1/namespaces/" + namespace + "/events";
      // The name is the object's plus the time, as client-go names events; two events in the same millisecond (or a
      // clock that was set back, or a restart that forgot what it recorded) can meet a name already taken. Such an
      // event is not lost: it is created again under a name the API server generates.
      write = rest.create(collection, event).recover(e -> {
        if (!(e instanceof KubeApiException api && api.conflict())) {
          return Future.failedFuture(e);
        }
        JsonObject renamed = event.copy();
        renamed.getJsonObject("metadata").remove("name");
        // A prefix may end in a dash, not a dot (the generated name must be a DNS subdomain).
        renamed.getJsonObject("metadata").put("generateName", name + "-");
        return rest.create(collection, renamed).onSuccess(stored -> recent.put(key, new Recorded(namespace,
            stored.getJsonObject("metadata").getString("name"), 1, now)));
      });
    }
    return write.<Void>mapEmpty().recover(e -> {
      LOG.warn("[{}/{}] could not record event {} '{}': {}", namespace, meta.getString("name"), reason, message,
          e.getMessage());
      return Future.succeededFuture();
    });
  }
}
