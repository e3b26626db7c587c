package dev.reflex.http.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * How a refused request is answered: a status and {@code {"error": "..."}} saying why, one JSON line. 401 carries
 * the Bearer challenge, 503 a {@code Retry-After} of one second (the API server could not answer; try again).
 */
final class ErrorAnswer {

  private ErrorAnswer() {
  }

  static void send(RoutingContext rc, int status, String message) {
    if (status == 401) {
      rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"reflex\"");
    } else if (status == 503) {
      rc.response().putHeader("Retry-After", "1");
    }
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode() + "\n");
  }
}
