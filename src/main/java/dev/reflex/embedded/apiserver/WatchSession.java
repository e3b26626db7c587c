package dev.reflex.embedded.apiserver;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One watch: the changes of a bucket that pass its namespace, label and field filters, sent in order as watch
 * events. An object that stops passing the filters is sent as DELETED and one that starts passing as ADDED, as the
 * watch cache does. Bookmarks carry the current resourceVersion when asked for. A client that stops reading is
 * cut off once its backlog passes a bound, as kube-apiserver closes unresponsive watchers; it then re-lists.
 */
final class WatchSession implements ObjectStore.Watcher {

  private static final int MAX_BACKLOG_EVENTS = 10_000;

  private final ObjectStore.Bucket bucket;
  private final String namespace;
  private final Predicate<StoredObject> filter;
  private final boolean unfiltered;
  private final ObjectView view;
  private final WatchOutput out;
  private final Vertx vertx;
  private final LongSupplier currentVersion;
  private long bookmarkTimer = -1;
  private long timeoutTimer = -1;
  private int writtenWhileFull;
  private boolean closed;

  WatchSession(ObjectStore.Bucket bucket, String namespace, Predicate<StoredObject> filter, boolean unfiltered,
      ObjectView view, WatchOutput out, Vertx vertx, LongSupplier currentVersion) {
    this.bucket = bucket;
    this.namespace = namespace;
    this.filter = filter;
    this.unfiltered = unfiltered;
    this.view = view;
    this.out = out;
    this.vertx = vertx;
    this.currentVersion = currentVersion;
  }

  /**
   * Starts the watch: first the synthetic ADDED events of {@code initial} (a watch from "now") or the replay of
   * {@code replay} (a watch from a resourceVersion), then live changes.
   */
  void start(Collection<StoredObject> initial, List<Change> replay, boolean initialEventsEnd, long bookmarkMillis,
      long timeoutMillis) {
    out.onClose(this::close);
    for (StoredObject object : initial) {
      if (passes(object)) {
        send("ADDED", object);
      }
    }
    replay.forEach(this::onChange);
    if (initialEventsEnd) {
      bookmark(true);
    }
    bucket.watch(this, namespace);
    if (bookmarkMillis > 0) {
      bookmarkTimer = vertx.setPeriodic(bookmarkMillis, id -> bookmark(false));
    }
    if (timeoutMillis > 0) {
      timeoutTimer = vertx.setTimer(timeoutMillis, id -> close());
    }
  }

  @Override
  public void onChange(Change change) {
    if (closed) {
      return;
    }
    boolean now = change.type() != Change.Type.DELETED && passes(change.object());
    boolean before = change.previous() != null && passes(change.previous());
    if (change.type() == Change.Type.DELETED) {
      if (before) {
        deliver(change, "DELETED", change.object());
      }
      return;
    }
    if (now && before) {
      deliver(change, "MODIFIED", change.object());
    } else if (now) {
      deliver(change, "ADDED", change.object());
    } else if (before) {
      // Left the selection: the last state that passed, at this change's resourceVersion.
      JsonObject last = change.previous().copy();
      last.getJsonObject("metadata").put("resourceVersion", Long.toString(change.resourceVersion()));
      send("DELETED", new StoredObject(last, change.resourceVersion(), change.previous().key()));
    }
  }

  private void deliver(Change change, String type, StoredObject object) {
    if (unfiltered && type.equals(change.type().name()) && view.identity(object)) {
      write(change.event());
    } else {
      send(type, object);
    }
  }

  private boolean passes(StoredObject object) {
    return (namespace == null || namespace.equals(object.namespace())) && filter.test(object);
  }

  private void send(String type, StoredObject object) {
    write(Change.event(type, view.encode(object)));
  }

  private void bookmark(boolean initialEventsEnd) {
    JsonObject metadata = new JsonObject().put("resourceVersion", Long.toString(currentVersion.getAsLong()));
    if (initialEventsEnd) {
      metadata.put("annotations", new JsonObject().put("k8s.io/initial-events-end", "true"));
    }
    JsonObject object = new JsonObject().put("kind", view.type().kind())
        .put("apiVersion", view.type().groupVersion()).put("metadata", metadata);
    write(Change.event("BOOKMARK", object.toBuffer()));
  }

  private void write(Buffer event) {
    if (closed) {
      return;
    }
    if (out.full()) {
      if (++writtenWhileFull > MAX_BACKLOG_EVENTS) {
        close();
        return;
      }
    } else {
      writtenWhileFull = 0;
    }
    out.write(event);
  }

  @Override
  public void end() {
    close();
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    bucket.unwatch(this, namespace);
    if (bookmarkTimer >= 0) {
      vertx.cancelTimer(bookmarkTimer);
    }
    if (timeoutTimer >= 0) {
      vertx.cancelTimer(timeoutTimer);
    }
    out.end();
  }
}
