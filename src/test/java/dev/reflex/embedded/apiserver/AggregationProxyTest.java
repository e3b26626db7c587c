package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregation layer against a real HTTPS aggregated server on loopback: a plain-HTTP front server stands for
 * the API server and hands routed requests to the proxy.
 */
@ExtendWith(VertxExtension.class)
class AggregationProxyTest {

  private static final UserInfo ALICE = new UserInfo("alice", "", List.of("dev", "system:authenticated"),
      Map.of("scopes.example.com/team", List.of("a", "b")));

  private final TestCertificates ca = TestCertificates.authority("aggregated-ca");

  private static JsonObject apiService(String group, String version, JsonObject service, String caBundle,
      String available) {
    JsonObject spec = new JsonObject().put("group", group).put("version", version).put("groupPriorityMinimum", 100)
        .put("versionPriority", 100);
    if (service != null) {
      spec.put("service", service);
    }
    if (caBundle != null) {
      spec.put("caBundle", caBundle);
    }
    JsonObject object = new JsonObject().put("apiVersion", "apiregistration.k8s.io/v1").put("kind", "APIService")
        .put("metadata", new JsonObject().put("name", version + "." + group)).put("spec", spec);
    if (available != null) {
      object.put("status", new JsonObject().put("conditions", new JsonArray().add(new JsonObject()
          .put("type", "Available").put("status", available))));
    }
    return object;
  }

  private static JsonObject metricsService() {
    return new JsonObject().put("namespace", "monitoring").put("name", "metrics").put("port", 443);
  }

  private JsonObject metrics(String available) {
    return apiService("metrics.k8s.io", "v1beta1", metricsService(), ca.caBundle(), available);
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of("/apis/metrics.k8s.io/v1beta1", "v1beta1.metrics.k8s.io"),
        Arguments.of("/apis/metrics.k8s.io/v1beta1/", "v1beta1.metrics.k8s.io"),
        Arguments.of("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?limit=1", "v1beta1.metrics.k8s.io"),
        Arguments.of("/apis/metrics.k8s.io", null),
        Arguments.of("/apis/metrics.k8s.io/v1", null),
        Arguments.of("/apis/apps/v1/deployments", null),
        Arguments.of("/api/v1/pods", null),
        Arguments.of("/apis", null));
  }

  @ParameterizedTest
  @MethodSource("routes")
  void aPathBelongsToTheRemoteApiServiceOfItsGroupVersion(String path, String expected) {
    List<JsonObject> apiServices = List.of(
        apiService("metrics.k8s.io", "v1beta1", metricsService(), null, "True"),
        apiService("apps", "v1", null, null, "True"));
    assertEquals(expected, AggregationProxy.route(path, apiServices)
        .map(s -> s.getJsonObject("metadata").getString("name")).orElse(null));
  }

  /** Held so that no proxy (and its HTTP client) is collected while its calls are under way. */
  private final List<AggregationProxy> proxies = new ArrayList<>();

  /** The front server: what the API server core does with a routed request. */
  private Future<HttpServer> front(Vertx vertx, AggregationProxy proxy) {
    proxies.add(proxy);
    return vertx.createHttpServer().requestHandler(request -> proxy.route(request.path()).ifPresentOrElse(
            apiService -> proxy.proxy(request, apiService, ALICE),
            () -> request.response().setStatusCode(404).end()))
        .listen(0, "127.0.0.1");
  }

  private static ServiceResolver resolvingTo(SocketAddress address) {
    return (namespace, name, port) -> "monitoring".equals(namespace) && "metrics".equals(name) && port == 443
        ? Future.succeededFuture(address) : Future.failedFuture("service \"" + name + "\" not found");
  }

  /** The test's client, held so that it is not collected (and closed) while a request is under way. */
  private HttpClient client;

  private HttpClient client(Vertx vertx) {
    if (client == null) {
      client = vertx.createHttpClient();
    }
    return client;
  }

  /** One whole exchange with the front server: status, content type and body. */
  private Future<List<String>> exchange(Vertx vertx, HttpServer front, RequestOptions options, String body) {
    return client(vertx).request(options.setHost("127.0.0.1").setPort(front.actualPort()))
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(response -> response.body().map(data -> List.of(String.valueOf(response.statusCode()),
            String.valueOf(response.getHeader("Content-Type")), String.valueOf(response.getHeader("X-Backend")),
            data.toString())));
  }

  @Test
  void aRequestIsForwardedWithTheUserAndWithoutTheCallersCredentials(Vertx vertx, VertxTestContext test) {
    TestHttpsServer.start(vertx, ca.issue("metrics.monitoring.svc"), request -> request.body().onSuccess(body -> {
      JsonObject echo = new JsonObject().put("method", request.method().name()).put("uri", request.uri())
          .put("host", request.authority().host())
          .put("user", request.getHeader("X-Remote-User"))
          .put("groups", new JsonArray(request.headers().getAll("X-Remote-Group")))
          .put("extra", new JsonArray(request.headers().getAll("X-Remote-Extra-scopes.example.com%2Fteam")))
          .put("authorization", request.getHeader("Authorization"))
          .put("accept", request.getHeader("Accept"))
          .put("contentType", request.getHeader("Content-Type"))
          .put("forwardedFor", request.getHeader("X-Forwarded-For"))
          .put("body", body.toString());
      request.response().setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
          .putHeader("Content-Type", "application/json").putHeader("X-Backend", "yes").end(echo.encode());
    })).compose(backend -> {
      AggregationProxy proxy = new AggregationProxy(vertx, resolvingTo(backend.address()),
          () -> List.of(metrics("True")));
      return front(vertx, proxy);
    }).compose(front -> {
      Future<List<String>> get = exchange(vertx, front, new RequestOptions().setMethod(HttpMethod.GET)
          .setURI("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?limit=5&labelSelector=app%3Dweb")
          .addHeader("Authorization", "Bearer secret").addHeader("Accept", "application/json")
          .addHeader("X-Remote-User", "mallory").addHeader("Impersonate-User", "root"), null);
      Future<List<String>> post = exchange(vertx, front, new RequestOptions().setMethod(HttpMethod.POST)
          .setURI("/apis/metrics.k8s.io/v1beta1/namespaces/default/things")
          .addHeader("Content-Type", "application/json"), "{\"kind\":\"Thing\"}");
      return Future.all(get, post).map(v -> List.of(get.result(), post.result()));
    }).onComplete(test.succeeding(answers -> test.verify(() -> {
      List<String> get = answers.get(0);
      assertEquals(List.of("200", "application/json", "yes"), get.subList(0, 3));
      assertEquals(new JsonObject().put("method", "GET")
          .put("uri", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dweb&limit=5")
          .put("host", "metrics.monitoring.svc").put("user", "alice")
          .put("groups", new JsonArray().add("dev").add("system:authenticated"))
          .put("extra", new JsonArray().add("a").add("b"))
          .putNull("authorization").put("accept", "application/json").putNull("contentType")
          .put("forwardedFor", "127.0.0.1").put("body", ""), new JsonObject(get.get(3)));
      List<String> post = answers.get(1);
      assertEquals("201", post.get(0));
      JsonObject echoed = new JsonObject(post.get(3));
      assertEquals("POST", echoed.getString("method"));
      assertEquals("application/json", echoed.getString("contentType"));
      assertEquals("{\"kind\":\"Thing\"}", echoed.getString("body"));
      test.completeNow();
    })));
  }

  @Test
  void aWatchIsStreamedChunkByChunk(Vertx vertx, VertxTestContext test) {
    AtomicReference<HttpServerResponse> open = new AtomicReference<>();
    List<String> chunks = new ArrayList<>();
    Checkpoint firstChunk = test.checkpoint();
    Checkpoint ended = test.checkpoint();
    TestHttpsServer.start(vertx, ca.issue("metrics.monitoring.svc"), request -> {
      HttpServerResponse response = request.response().setChunked(true)
          .putHeader("Content-Type", "application/json");
      open.set(response);
      response.write("{\"type\":\"ADDED\"}\n");
    }).compose(backend -> front(vertx, new AggregationProxy(vertx, resolvingTo(backend.address()),
            () -> List.of(metrics("True")))))
        .compose(front -> client(vertx).request(new RequestOptions().setHost("127.0.0.1")
            .setPort(front.actualPort()).setURI("/apis/metrics.k8s.io/v1beta1/pods?watch=true")))
        .compose(request -> request.send())
        .onComplete(test.succeeding(response -> {
          response.handler(data -> {
            chunks.add(data.toString());
            if (chunks.size() == 1) {
              // The second event is only written once the first has come through the proxy.
              firstChunk.flag();
              open.get().end("{\"type\":\"MODIFIED\"}\n");
            }
          });
          response.endHandler(v -> test.verify(() -> {
            assertEquals(200, response.statusCode());
            assertEquals("chunked", response.getHeader("Transfer-Encoding"));
            assertEquals(List.of("{\"type\":\"ADDED\"}\n", "{\"type\":\"MODIFIED\"}\n"), chunks);
            ended.flag();
          }));
        }));
  }

  @Test
  void failuresAreAnsweredAsKubeAnswersThem(Vertx vertx, VertxTestContext test) {
    TestCertificates stranger = TestCertificates.authority("stranger");
    Future<TestHttpsServer> untrusted = TestHttpsServer.start(vertx, stranger.issue("metrics.monitoring.svc"),
        request -> request.response().end("{}"));
    Future<Integer> closed = TestHttpsServer.closedPort(vertx);
    Future.all(untrusted, closed).compose(v -> {
      SocketAddress nowhere = SocketAddress.inetSocketAddress(closed.result(), "127.0.0.1");
      Future<List<String>> unavailable = front(vertx, new AggregationProxy(vertx, resolvingTo(nowhere),
              () -> List.of(metrics("False"))))
          .compose(front -> exchange(vertx, front, new RequestOptions().setURI("/apis/metrics.k8s.io/v1beta1"), null));
      Future<List<String>> refused = front(vertx, new AggregationProxy(vertx, resolvingTo(nowhere),
              () -> List.of(metrics("True"))))
          .compose(front -> exchange(vertx, front, new RequestOptions().setURI("/apis/metrics.k8s.io/v1beta1"), null));
      Future<List<String>> unresolved = front(vertx, new AggregationProxy(vertx,
              (namespace, name, port) -> Future.failedFuture("service \"metrics\" not found"),
              () -> List.of(metrics("True"))))
          .compose(front -> exchange(vertx, front, new RequestOptions().setURI("/apis/metrics.k8s.io/v1beta1"), null));
      Future<List<String>> distrusted = front(vertx, new AggregationProxy(vertx,
              resolvingTo(untrusted.result().address()), () -> List.of(metrics("True"))))
          .compose(front -> exchange(vertx, front, new RequestOptions().setURI("/apis/metrics.k8s.io/v1beta1"), null));
      return Future.all(unavailable, refused, unresolved, distrusted)
          .map(all -> List.of(unavailable.result(), refused.result(), unresolved.result(), distrusted.result(),
              List.of(String.valueOf(closed.result()))));
    }).onComplete(test.succeeding(answers -> test.verify(() -> {
      String plain = "text/plain; charset=utf-8";
      String port = answers.get(4).get(0);
      assertEquals(List.of("503", plain, "null", "service unavailable\n"), answers.get(0));
      assertEquals(List.of("503", plain, "null", "error trying to reach service: dial tcp 127.0.0.1:" + port
          + ": connect: connection refused\n"), answers.get(1));
      assertEquals(List.of("503", plain, "null", "service unavailable\n"), answers.get(2));
      assertEquals(List.of("503", plain, "null", "error trying to reach service: tls: failed to verify "
          + "certificate: x509: certificate signed by unknown authority\n"), answers.get(3));
      test.completeNow();
    })));
  }

  @Test
  void discoveryAndTheAvailabilityCheckAskTheService(Vertx vertx, VertxTestContext test) {
    JsonObject resources = new JsonObject().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", "metrics.k8s.io/v1beta1").put("resources", new JsonArray().add(new JsonObject()
            .put("name", "pods").put("namespaced", true).put("kind", "PodMetrics")
            .put("verbs", new JsonArray().add("get").add("list"))));
    List<String> asked = new ArrayList<>();
    TestHttpsServer.start(vertx, ca.issue("metrics.monitoring.svc"), request -> {
      asked.add(request.path() + " as " + request.getHeader("X-Remote-User") + " "
          + request.headers().getAll("X-Remote-Group"));
      if ("/apis/metrics.k8s.io/v1beta1".equals(request.path())) {
        request.response().putHeader("Content-Type", "application/json").end(resources.encode());
      } else {
        request.response().setStatusCode(403).end();
      }
    }).compose(backend -> {
      AggregationProxy proxy = new AggregationProxy(vertx, resolvingTo(backend.address()), List::of);
      proxies.add(proxy);
      JsonObject service = new JsonObject().put("spec", new JsonObject().put("type", "ClusterIP")
          .put("ports", new JsonArray().add(new JsonObject().put("port", 443))));
      JsonObject wrongPort = new JsonObject().put("spec", new JsonObject()
          .put("ports", new JsonArray().add(new JsonObject().put("port", 8443))));
      JsonObject broken = apiService("metrics.k8s.io", "v1", metricsService(), ca.caBundle(), "True");
      Future<JsonObject> discovered = proxy.discover(metrics("True"));
      Future<ApiServiceAvailability.Check> passed = proxy.check(metrics(null), (ns, name) -> service);
      Future<ApiServiceAvailability.Check> missing = proxy.check(metrics(null), (ns, name) -> null);
      Future<ApiServiceAvailability.Check> port = proxy.check(metrics(null), (ns, name) -> wrongPort);
      Future<ApiServiceAvailability.Check> failing = proxy.check(broken, (ns, name) -> service);
      Future<ApiServiceAvailability.Check> local = proxy.check(apiService("apps", "v1", null, null, null),
          (ns, name) -> null);
      return Future.all(List.of(discovered, passed, missing, port, failing, local)).map(v -> List.<Object>of(
          discovered.result(), passed.result(), missing.result(), port.result(), failing.result(), local.result(),
          backend.port()));
    }).onComplete(test.succeeding(results -> test.verify(() -> {
      assertEquals(resources, results.get(0));
      assertEquals(new ApiServiceAvailability.Passed(), results.get(1));
      assertEquals(new ApiServiceAvailability.ServiceNotFound("monitoring", "metrics"), results.get(2));
      assertEquals(new ApiServiceAvailability.ServicePortError("monitoring", "metrics", 443), results.get(3));
      String url = "https://127.0.0.1:" + results.get(6) + "/apis/metrics.k8s.io/v1";
      assertEquals(new ApiServiceAvailability.FailedDiscovery("failing or missing response from " + url
          + ": bad status from " + url + ": 403"), results.get(4));
      assertEquals(new ApiServiceAvailability.Local(), results.get(5));
      asked.sort(String::compareTo);
      assertEquals(List.of(
          "/apis/metrics.k8s.io/v1 as system:kube-aggregator [system:masters]",
          "/apis/metrics.k8s.io/v1beta1 as system:kube-aggregator [system:masters]",
          "/apis/metrics.k8s.io/v1beta1 as system:kube-aggregator [system:masters]"), asked);
      test.completeNow();
    })));
  }
}
