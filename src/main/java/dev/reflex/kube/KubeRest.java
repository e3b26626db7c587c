package dev.reflex.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous calls to the API server on its documented REST contract, through the fabric8 client's own HTTP
 * client (so credentials, TLS and the shared Vert.x instance are the client's). Results come back on the caller's
 * Vert.x context. Used for writes whose exact shape matters: merge patches on {@code /scale} and {@code /status}.
 */
public final class KubeRest {

  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String JSON = "application/json";

  private final HttpClient http;
  private final String masterUrl;
  private final Vertx vertx;
  private final Duration timeout;

  public KubeRest(KubernetesClient client, Vertx vertx, Duration timeout) {
    this.http = client.getHttpClient();
    String url = client.getMasterUrl().toString();
    this.masterUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.vertx = vertx;
    this.timeout = timeout;
  }

  public Future<JsonObject> get(String path) {
    return send("GET", path, null, null);
  }

  public Future<JsonObject> create(String path, JsonObject body) {
    return send("POST", path, JSON, body.encode());
  }

  public Future<JsonObject> mergePatch(String path, JsonObject patch) {
    return send("PATCH", path, MERGE_PATCH, patch.encode());
  }

  public Future<JsonObject> delete(String path) {
    return send("DELETE", path, JSON, "{}");
  }

  /**
   * Deletes at once, with a grace period of 0, the object with this uid (not a namesake created since), as a kubelet
   * does once a terminating pod's containers have stopped; an object already gone counts as done.
   */
  public Future<Void> deleteNowIfPresent(String path, String uid) {
    JsonObject options = new JsonObject().put("apiVersion", "v1").put("kind", "DeleteOptions")
        .put("gracePeriodSeconds", 0).put("preconditions", new JsonObject().put("uid", uid));
    return goneIsDone(send("DELETE", path, JSON, options.encode()));
  }

  /** Deletes, counting an object that is already gone as done: deletes are idempotent for our callers. */
  public Future<Void> deleteIfPresent(String path) {
    return goneIsDone(delete(path));
  }

  /** A delete's outcome, where 404 Not Found counts as done: the object is gone either way. */
  private static Future<Void> goneIsDone(Future<JsonObject> deleted) {
    return deleted.<Void>mapEmpty().recover(e -> e instanceof KubeApiException api && api.notFound()
        ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /** Sends one request; a non-2xx answer fails the future with a {@link KubeApiException} carrying the status. */
  public Future<JsonObject> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = http.newHttpRequestBuilder().uri(masterUrl + path).header("Accept", JSON);
    if (body != null) {
      builder.method(method, contentType, body);
    } else {
      builder.method(method, null, null);
    }
    CompletableFuture<HttpResponse<String>> call = http.sendAsync(builder.build(), String.class)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(call, context)
        .recover(e -> Future.failedFuture(new KubeApiException(method + " " + path + ": " + e.getMessage(), e)))
        .compose(response -> toResult(method, path, response));
  }

  private static Future<JsonObject> toResult(String method, String path, HttpResponse<String> response) {
    String text = response.body() == null ? "" : response.body();
    if (response.code() >= 200 && response.code() < 300) {
      try {
        return Future.succeededFuture(text.isBlank() ? new JsonObject() : new JsonObject(text));
      } catch (DecodeException e) {
        return Future.failedFuture(new KubeApiException(response.code(),
            method + " " + path + ": answer is not a JSON object"));
      }
    }
    return Future.failedFuture(new KubeApiException(response.code(),
        method + " " + path + " -> " + response.code() + ": " + statusMessage(text)));
  }

  private static String statusMessage(String text) {
    try {
      JsonObject status = new JsonObject(text);
      return status.getString("message", text);
    } catch (DecodeException | ClassCastException e) {
      return text.length() > 200 ? text.substring(0, 200) : text;
    }
  }
}
