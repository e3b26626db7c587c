package dev.reflex.embedded.apiserver;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the server answers: JSON bodies, objects in the client's view, and every failure as a Status. */
final class Answers {

  private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

  private Answers() {
  }

  static void json(HttpServerResponse response, int code, JsonObject body) {
    response.setStatusCode(code).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }

  static void aggregated(HttpServerResponse response, JsonObject body) {
    response.setStatusCode(200).putHeader("Content-Type", DiscoveryDocuments.AGGREGATED_TYPE).end(body.toBuffer());
  }

  static void fail(HttpServerResponse response, ApiError error) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.end();
      return;
    }
    response.setStatusCode(error.code()).putHeader("Content-Type", "application/json").end(error.status()
        .toBuffer());
  }

  static void failWith(HttpServerRequest request, Throwable e) {
    if (e instanceof ApiError api) {
      fail(request.response(), api);
    } else if (e instanceof PatchException patch) {
      fail(request.response(), ApiError.of(patch));
    } else {
      LOG.warn("{} {} failed", request.method(), request.path(), e);
      fail(request.response(), ApiError.internal(String.valueOf(e.getMessage())));
    }
  }

  static Map<String, String> query(MultiMap params) {
    Map<String, String> query = new HashMap<>();
    params.forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
    return query;
  }

  static void answer(HttpServerRequest request, ResourceType type, int code, StoredObject stored,
      List<String> warnings) {
    HttpServerResponse response = request.response();
    warnings.forEach(w -> response.headers().add("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
    response.setStatusCode(code).putHeader("Content-Type", "application/json").end(view(type, request)
        .encode(stored));
  }

  static ObjectView view(ResourceType type, HttpServerRequest request) {
    return new ObjectView(type, Conversions.viewOf(type), null);
  }
}
