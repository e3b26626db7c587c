package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxTestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API server for one test, driven over HTTP as kubectl and client-go drive kube-apiserver: a WebClient for
 * requests, an HttpClient for chunked watches. The server's clock stands still, so timestamps are exact values.
 * Every call returns a Future, so a test reads as the chain of requests it makes.
 */
final class ApiServerFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2025-03-04T05:06:07.890Z");
  /** How kube writes {@link #NOW} in metadata: RFC 3339 to the second. */
  static final String NOW_TEXT = "2025-03-04T05:06:07Z";
  static final String JSON = "application/json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";
  static final String APPLY_PATCH = "application/apply-patch+yaml";

  private final ApiServer server;
  private final WebClient web;
  private final HttpClient http;

  private ApiServerFixture(ApiServer server, WebClient web, HttpClient http) {
    this.server = server;
    this.web = web;
    this.http = http;
  }

  /** Starts a server with {@code options} and clients for it on the test's Vert.x. */
  static Future<ApiServerFixture> start(Vertx vertx, ApiServerOptions options) {
    return ApiServer.start(options, Clock.fixed(NOW, ZoneOffset.UTC))
        .map(server -> new ApiServerFixture(server, WebClient.create(vertx), vertx.createHttpClient()));
  }

  ApiServer server() {
    return server;
  }

  @Override
  public void close() {
    web.close();
    server.close();
  }

  // --- requests -------------------------------------------------------------------------------------------------

  Future<HttpResponse<Buffer>> send(HttpMethod method, String uri, String contentType, Buffer body,
      Map<String, String> headers) {
    HttpRequest<Buffer> request = web.request(method, server.port(), "127.0.0.1", uri);
    headers.forEach(request::putHeader);
    if (body == null) {
      return request.send();
    }
    request.putHeader("Content-Type", contentType);
    return request.sendBuffer(body);
  }

  Future<HttpResponse<Buffer>> get(String uri) {
    return send(HttpMethod.GET, uri, null, null, Map.of());
  }

  Future<HttpResponse<Buffer>> get(String uri, String accept) {
    return send(HttpMethod.GET, uri, null, null, Map.of("Accept", accept));
  }

  Future<HttpResponse<Buffer>> post(String uri, JsonObject body) {
    return send(HttpMethod.POST, uri, JSON, body.toBuffer(), Map.of());
  }

  Future<HttpResponse<Buffer>> put(String uri, JsonObject body) {
    return send(HttpMethod.PUT, uri, JSON, body.toBuffer(), Map.of());
  }

  Future<HttpResponse<Buffer>> patch(String uri, String patchType, String body) {
    return send(HttpMethod.PATCH, uri, patchType, Buffer.buffer(body), Map.of());
  }

  Future<HttpResponse<Buffer>> delete(String uri) {
    return send(HttpMethod.DELETE, uri, null, null, Map.of());
  }

  Future<HttpResponse<Buffer>> delete(String uri, JsonObject deleteOptions) {
    return send(HttpMethod.DELETE, uri, JSON, deleteOptions.toBuffer(), Map.of());
  }

  /** Creates an object; fails unless the server answers 201. */
  Future<JsonObject> create(String collection, JsonObject object) {
    return expect(201, post(collection, object));
  }

  /** The body of a 200 answer to a GET. */
  Future<JsonObject> read(String uri) {
    return expect(200, get(uri));
  }

  /** Creates a namespace for a test's objects. */
  Future<JsonObject> namespace(String name) {
    return create("/api/v1/namespaces", new JsonObject().put("apiVersion", "v1").put("kind", "Namespace")
        .put("metadata", new JsonObject().put("name", name)));
  }

  /** The JSON body of an answer with the expected status code; any other answer fails with what came back. */
  static Future<JsonObject> expect(int code, Future<HttpResponse<Buffer>> response) {
    return response.compose(r -> r.statusCode() == code ? Future.succeededFuture(r.bodyAsJsonObject())
        : Future.failedFuture(new AssertionError("expected " + code + " but the server answered "
            + r.statusCode() + ": " + r.bodyAsString())));
  }

  /** Opens a watch over chunked HTTP; the future completes once the response head has arrived. */
  Future<ApiWatch> watch(String uri) {
    return ApiWatch.open(http, server.port(), uri);
  }

  // --- paths and objects ----------------------------------------------------------------------------------------

  static String configMaps(String namespace) {
    return "/api/v1/namespaces/" + namespace + "/configmaps";
  }

  static String deployments(String namespace) {
    return "/apis/apps/v1/namespaces/" + namespace + "/deployments";
  }

  static String pods(String namespace) {
    return "/api/v1/namespaces/" + namespace + "/pods";
  }

  /** A query parameter value, URL-encoded. */
  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static JsonObject configMap(String name, Map<String, String> labels, Map<String, String> data) {
    JsonObject metadata = new JsonObject().put("name", name);
    if (!labels.isEmpty()) {
      metadata.put("labels", new JsonObject(Map.copyOf(labels)));
    }
    JsonObject object = new JsonObject().put("apiVersion", "v1").put("kind", "ConfigMap").put("metadata", metadata);
    if (!data.isEmpty()) {
      object.put("data", new JsonObject(Map.copyOf(data)));
    }
    return object;
  }

  static JsonObject configMap(String name) {
    return configMap(name, Map.of(), Map.of());
  }

  /** A Deployment of one container {@code app} whose selector and template carry {@code app: name}. */
  static JsonObject deployment(String name) {
    JsonObject labels = new JsonObject().put("app", name);
    return new JsonObject().put("apiVersion", "apps/v1").put("kind", "Deployment")
        .put("metadata", new JsonObject().put("name", name))
        .put("spec", new JsonObject()
            .put("selector", new JsonObject().put("matchLabels", labels.copy()))
            .put("template", new JsonObject()
                .put("metadata", new JsonObject().put("labels", labels.copy()))
                .put("spec", new JsonObject().put("containers", new JsonArray()
                    .add(new JsonObject().put("name", "app").put("image", "nginx:1.27"))))));
  }

  static JsonObject pod(String name) {
    return new JsonObject().put("apiVersion", "v1").put("kind", "Pod")
        .put("metadata", new JsonObject().put("name", name))
        .put("spec", new JsonObject().put("containers", new JsonArray()
            .add(new JsonObject().put("name", "app").put("image", "nginx:1.27"))));
  }

  static JsonObject ownerReference(JsonObject owner, boolean blockOwnerDeletion) {
    JsonObject reference = new JsonObject().put("apiVersion", owner.getString("apiVersion"))
        .put("kind", owner.getString("kind")).put("name", metadata(owner).getString("name"))
        .put("uid", metadata(owner).getString("uid"));
    return blockOwnerDeletion ? reference.put("blockOwnerDeletion", true) : reference;
  }

  // --- test outcomes ------------------------------------------------------------------------------------------

  /** A check on a value that may throw, as {@link VertxTestContext#verify} runs it. */
  @FunctionalInterface
  interface Check<T> {
    void accept(T value) throws Throwable;
  }

  /** Ends the test with {@code check} run on the value, or with the failure that came instead. */
  static <T> Handler<AsyncResult<T>> verified(VertxTestContext ctx, Check<T> check) {
    return ctx.succeeding(value -> ctx.verify(() -> {
      check.accept(value);
      ctx.completeNow();
    }));
  }

  // --- reading answers ------------------------------------------------------------------------------------------

  static JsonObject metadata(JsonObject object) {
    return object.getJsonObject("metadata");
  }

  static String name(JsonObject object) {
    return metadata(object).getString("name");
  }

  static String resourceVersion(JsonObject object) {
    return metadata(object).getString("resourceVersion");
  }

  static long rv(JsonObject object) {
    return Long.parseLong(resourceVersion(object));
  }

  /** The names of a list's items, in the list's order. */
  static List<String> names(JsonObject list) {
    List<String> names = new ArrayList<>();
    list.getJsonArray("items").forEach(item -> names.add(name((JsonObject) item)));
    return names;
  }

  /** Asserts a refusal: the HTTP code, and a v1 Status of that code with kube's reason and message. */
  static JsonObject assertStatus(HttpResponse<Buffer> response, int code, String reason, String message) {
    JsonObject status = response.bodyAsJsonObject();
    assertEquals(code, response.statusCode(), () -> "HTTP status; body " + response.bodyAsString());
    assertEquals("Status", status.getString("kind"));
    assertEquals("v1", status.getString("apiVersion"));
    assertEquals("Failure", status.getString("status"));
    assertEquals(reason, status.getString("reason"));
    assertEquals(code, status.getInteger("code"));
    if (message != null) {
      assertEquals(message, status.getString("message"));
    }
    return status;
  }
}
