package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A watch read as client-go reads one: a chunked HTTP response of newline-separated events. A test waits for the
 * next event ({@link #next()}), never for time to pass; the future fails if the watch ends first.
 */
final class ApiWatch {

  private final HttpClientResponse response;
  private final Deque<JsonObject> arrived = new ArrayDeque<>();
  private final Deque<Promise<JsonObject>> waiting = new ArrayDeque<>();
  private final Promise<Void> ended = Promise.promise();

  private ApiWatch(HttpClientResponse response) {
    this.response = response;
    RecordParser lines = RecordParser.newDelimited("\n", line -> {
      if (line.length() > 0) {
        event(line.toJsonObject());
      }
    });
    response.handler(lines);
    response.endHandler(v -> finish(null));
    response.exceptionHandler(this::finish);
  }

  static Future<ApiWatch> open(HttpClient http, int port, String uri) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(uri)).compose(HttpClientRequest::send).map(ApiWatch::new);
  }

  int statusCode() {
    return response.statusCode();
  }

  String header(String name) {
    return response.getHeader(name);
  }

  /** The next event; fails when the watch ends before one comes. */
  Future<JsonObject> next() {
    if (!arrived.isEmpty()) {
      return Future.succeededFuture(arrived.poll());
    }
    if (ended.future().isComplete()) {
      return Future.failedFuture(new AssertionError("the watch ended; no further event"));
    }
    Promise<JsonObject> promise = Promise.promise();
    waiting.add(promise);
    return promise.future();
  }

  /** The next {@code count} events, in order. */
  Future<List<JsonObject>> next(int count) {
    return collect(new ArrayList<>(), count);
  }

  private Future<List<JsonObject>> collect(List<JsonObject> events, int count) {
    if (events.size() == count) {
      return Future.succeededFuture(events);
    }
    return next().compose(event -> {
      events.add(event);
      return collect(events, count);
    });
  }

  /** The first event from now on that {@link #describe(JsonObject) reads} {@code wanted}, skipping the others. */
  Future<JsonObject> until(String wanted) {
    return next().compose(event -> wanted.equals(describe(event)) ? Future.succeededFuture(event) : until(wanted));
  }

  /** Completes when the server ends the watch; what came before is still there to read with {@link #next()}. */
  Future<Void> ended() {
    return ended.future();
  }

  void close() {
    response.request().reset();
  }

  private void event(JsonObject event) {
    Promise<JsonObject> promise = waiting.poll();
    if (promise != null) {
      promise.complete(event);
    } else {
      arrived.add(event);
    }
  }

  private void finish(Throwable failure) {
    if (ended.tryComplete()) {
      Promise<JsonObject> promise;
      while ((promise = waiting.poll()) != null) {
        promise.fail(new AssertionError("the watch ended before the event came"
            + (failure == null ? "" : ": " + failure)));
      }
    }
  }

  /** {@code "MODIFIED web"}: what a test compares events by (a bookmark reads {@code "BOOKMARK"}). */
  static String describe(JsonObject event) {
    JsonObject object = event.getJsonObject("object");
    String name = object.getJsonObject("metadata", new JsonObject()).getString("name");
    return event.getString("type") + (name == null ? "" : " " + name);
  }

  static List<String> describe(List<JsonObject> events) {
    return events.stream().map(ApiWatch::describe).toList();
  }
}
