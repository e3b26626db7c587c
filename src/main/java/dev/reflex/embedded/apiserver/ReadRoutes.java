package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.Answers.json;
import static dev.reflex.embedded.apiserver.Answers.view;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads of resources: get, list (selectors, paging on a consistent snapshot, resourceVersion semantics) and
 * watch (chunked HTTP or WebSocket, from now or from a resourceVersion), in the form the client accepts.
 */
final class ReadRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(ReadRoutes.class);

  private final Vertx vertx;
  private final ObjectStore store;
  private final Resources resources;
  private final ApiServerOptions options;
  private final Clock clock;

  ReadRoutes(Vertx vertx, ObjectStore store, Resources resources, ApiServerOptions options, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.resources = resources;
    this.options = options;
    this.clock = clock;
  }

  void get(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query) {
    StoredObject stored = resources.get(type, path.namespace(), path.name());
    if ("scale".equals(path.subresource())) {
      json(request.response(), 200, ScaleView.scaleOf(type, stored.object()));
      return;
    }
    ObjectView view = view(type, request);
    JsonObject presented = Presentation.of(request.getHeader(HttpHeaders.ACCEPT), query).one(type,
        view.object(stored), clock.instant(), true);
    if (presented != null) {
      json(request.response(), 200, presented);
      return;
    }
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(view.encode(stored));
  }

  void list(HttpServerRequest request, ResourceType type, String namespace, Map<String, String> query) {
    ListQuery list = ListQuery.parse(query, type);
    String bucket = ResourceRegistry.bucket(type);
    long version;
    Collection<StoredObject> objects;
    String startAfter = null;
    if (list.continueFrom() != null) {
      version = list.continueFrom().resourceVersion();
      startAfter = list.continueFrom().startAfter();
      objects = Snapshots.at(store, bucket, namespace, version, true).values();
    } else if ("Exact".equals(list.resourceVersionMatch())) {
      version = list.requestedVersion();
      objects = Snapshots.at(store, bucket, namespace, version, false).values();
    } else {
      long requested = list.requestedVersion();
      if (requested > store.resourceVersion()) {
        throw ApiError.timeout("Too large resource version: " + requested + ", current: "
            + store.resourceVersion());
      }
      version = store.resourceVersion();
      objects = store.list(bucket, namespace);
    }
    List<StoredObject> page = new ArrayList<>();
    String next = null;
    long remaining = 0;
    boolean full = false;
    for (StoredObject object : objects) {
      if (startAfter != null && object.key().compareTo(startAfter) <= 0) {
        continue;
      }
      if (!list.filter().test(object)) {
        continue;
      }
      if (full) {
        remaining++;
        continue;
      }
      page.add(object);
      if (list.limit() > 0 && page.size() >= list.limit()) {
        full = true;
      }
    }
    if (full && remaining > 0) {
      next = new ListQuery.Continue(version, page.get(page.size() - 1).key()).encode();
    }
    ObjectView view = view(type, request);
    JsonObject presented = Presentation.of(request.getHeader(HttpHeaders.ACCEPT), query).list(type,
        page.stream().map(view::object).toList(), clock.instant(), Long.toString(version), next,
        next != null && !list.selective() ? remaining : null);
    if (presented != null) {
      json(request.response(), 200, presented);
      return;
    }
    respondList(request.response(), type, view, page, version, next, next != null && !list.selective() ? remaining
        : -1);
  }

  void respondList(HttpServerResponse response, ResourceType type, ObjectView view,
      List<StoredObject> items, long version, String continueToken, long remaining) {
    JsonObject metadata = new JsonObject().put("resourceVersion", Long.toString(version));
    if (continueToken != null) {
      metadata.put("continue", continueToken);
      if (remaining >= 0) {
        metadata.put("remainingItemCount", remaining);
      }
    }
    Buffer out = Buffer.buffer(256 + items.size() * 1024);
    out.appendString("{\"kind\":\"").appendString(type.listKind()).appendString("\",\"apiVersion\":\"")
        .appendString(type.groupVersion()).appendString("\",\"metadata\":").appendBuffer(metadata.toBuffer())
        .appendString(",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) ',');
      }
      out.appendBuffer(view.encode(items.get(i)));
    }
    out.appendString("]}");
    response.setStatusCode(200).putHeader("Content-Type", "application/json").end(out);
  }

  void watch(HttpServerRequest request, ResourceType type, String namespace, Map<String, String> query) {
    ListQuery list = ListQuery.parse(query, type, true);
    ObjectStore.Bucket bucket = store.bucket(ResourceRegistry.bucket(type));
    long requested = list.requestedVersion();
    Collection<StoredObject> initial = List.of();
    List<Change> replay = List.of();
    if (requested < 0 || list.sendInitialEvents()) {
      initial = requested < 0 ? new ArrayList<>(store.list(bucket.name(), namespace))
          : Snapshots.at(store, bucket.name(), namespace, requested, false).values();
    } else {
      if (!bucket.log().reaches(requested)) {
        expiredWatch(request, ApiError.expired("too old resource version: " + requested + " ("
            + bucket.log().evictedThrough() + ")"));
        return;
      }
      replay = bucket.log().since(requested);
    }
    Presentation presentation = Presentation.of(request.getHeader(HttpHeaders.ACCEPT), query);
    ObjectView view = watchView(type, presentation);
    WatchOutput out;
    if (request.canUpgradeToWebSocket()) {
      Collection<StoredObject> initialObjects = initial;
      List<Change> replayed = replay;
      request.toWebSocket().onSuccess(socket -> new WatchSession(bucket, namespace, list.filter(),
          !list.selective(), view, WatchOutput.of(socket), vertx, store::resourceVersion)
          .start(initialObjects, replayed, list.sendInitialEvents(), bookmarkMillis(list),
              list.timeoutSeconds() * 1000))
          .onFailure(e -> LOG.debug("watch upgrade failed: {}", e.getMessage()));
      return;
    }
    HttpServerResponse response = request.response();
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json")
        .putHeader("Transfer-Encoding", "chunked");
    // Headers go out at once: a client's watch call returns before the first event, as with kube-apiserver.
    response.writeHead();
    out = WatchOutput.of(response);
    new WatchSession(bucket, namespace, list.filter(), !list.selective(), view, out, vertx, store::resourceVersion)
        .start(initial, replay, list.sendInitialEvents(), bookmarkMillis(list), list.timeoutSeconds() * 1000);
  }

  /** A watch from a version the cache no longer reaches: 200, one ERROR event carrying the 410, and the end. */
  static void expiredWatch(HttpServerRequest request, ApiError error) {
    Buffer event = Change.event("ERROR", error.status().toBuffer());
    if (request.canUpgradeToWebSocket()) {
      request.toWebSocket().onSuccess(socket -> {
        WatchOutput out = WatchOutput.of(socket);
        out.write(event);
        out.end();
      });
      return;
    }
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(event);
  }

  long bookmarkMillis(ListQuery list) {
    return list.bookmarks() ? options.bookmarkInterval().toMillis() : 0;
  }

  void readOnly(HttpServerRequest request, ResourceType type, RequestPath path, ReadOnlyResource source) {
    if (request.method() != HttpMethod.GET) {
      throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    if (path.name() == null) {
      json(request.response(), 200, source.list(path.namespace(), request.getParam("labelSelector")));
      return;
    }
    JsonObject one = source.get(path.namespace(), path.name());
    if (one == null) {
      throw ApiError.notFound(type, path.name());
    }
    json(request.response(), 200, one);
  }

  /** A watch's view: in Table form each event carries a one-row Table, headers only on the first. */
  ObjectView watchView(ResourceType type, Presentation presentation) {
    if (presentation.form() == Presentation.Form.OBJECTS) {
      return new ObjectView(type, Conversions.viewOf(type), null);
    }
    boolean[] first = {true};
    return new ObjectView(type, Conversions.viewOf(type), object -> {
      JsonObject one = presentation.one(type, object, clock.instant(), first[0]);
      first[0] = false;
      return one;
    });
  }
}
