package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.q;
import static dev.reflex.embedded.apiserver.ApiServerFixture.resourceVersion;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.RbacFixtures.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The aggregation layer end to end: a custom metrics server on loopback over HTTPS (its certificate for
 * {@code metrics.default.svc}, trusted through the APIService's {@code caBundle}), registered as a Service with
 * Endpoints and an APIService {@code v1beta2.custom.metrics.k8s.io}; requests under its group version go through
 * the API server to it, as the HPA controller's custom metrics client makes them.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerAggregationTest {

  private static final String APISERVICES = "/apis/apiregistration.k8s.io/v1/apiservices";
  private static final String NAME = "v1beta2.custom.metrics.k8s.io";
  private static final String GROUP_VERSION = "/apis/custom.metrics.k8s.io/v1beta2";
  private static final String HTTP_REQUESTS = GROUP_VERSION + "/namespaces/default/pods/*/http_requests";
  private static final String AGGREGATED_DISCOVERY = "application/json;g=apidiscovery.k8s.io;v=v2;"
      + "as=APIGroupDiscoveryList,application/json";

  private static final JsonObject RESOURCES = new JsonObject().put("kind", "APIResourceList").put("apiVersion", "v1")
      .put("groupVersion", "custom.metrics.k8s.io/v1beta2")
      .put("resources", new JsonArray()
          .add(metricResource("pods/http_requests", true))
          .add(metricResource("namespaces/http_requests", false)));

  private static final JsonObject METRIC_VALUES = new JsonObject().put("kind", "MetricValueList")
      .put("apiVersion", "custom.metrics.k8s.io/v1beta2").put("metadata", new JsonObject())
      .put("items", new JsonArray().add(new JsonObject()
          .put("describedObject", new JsonObject().put("kind", "Pod").put("namespace", "default").put("name", "web-1")
              .put("apiVersion", "/v1"))
          .put("metric", new JsonObject().put("name", "http_requests").put("selector", (Object) null))
          .put("timestamp", "2025-03-04T05:06:07Z").put("value", "250m")));

  private final TestCertificates ca = TestCertificates.authority("aggregation-ca");
  /** What the metrics server was asked: "GET uri user=... groups=[...] authorization=...". */
  private final List<String> seen = new ArrayList<>();
  private final Promise<Void> discoveryFetched = Promise.promise();
  private ApiServerFixture api;
  private HttpServer backend;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    ApiServerOptions options = ApiServerOptions.loopback(0).withTokens(Map.of("admintoken",
        new UserInfo("admin", "", List.of("system:masters"), Map.of())), true);
    ApiServerFixture.start(vertx, options).onComplete(ctx.succeeding(fixture -> {
      api = fixture;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static JsonObject metricResource(String name, boolean namespaced) {
    return new JsonObject().put("name", name).put("singularName", "").put("namespaced", namespaced)
        .put("kind", "MetricValueList").put("verbs", new JsonArray().add("get"));
  }

  /** The custom metrics server, answering its discovery document and the http_requests of pods. */
  private Future<Integer> metricsServer(Vertx vertx) {
    backend = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
        .setKeyCertOptions(ca.issue("metrics.default.svc").keyCertOptions()));
    backend.requestHandler(this::answer);
    return backend.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  private void answer(HttpServerRequest request) {
    // kube-aggregator's discovery fetch (the availability check sends no Accept): its answer is joined to discovery.
    if ("system:kube-aggregator".equals(request.getHeader("X-Remote-User")) && request.path().equals(GROUP_VERSION)
        && "application/json".equals(request.getHeader("Accept"))) {
      request.response().endHandler(v -> discoveryFetched.tryComplete());
    }
    // The availability check and discovery come from kube-aggregator itself; only proxied calls are recorded.
    if (!"system:kube-aggregator".equals(request.getHeader("X-Remote-User"))) {
      seen.add(request.method() + " " + request.uri() + " user=" + request.getHeader("X-Remote-User") + " groups="
          + request.headers().getAll("X-Remote-Group") + " authorization=" + request.getHeader("Authorization"));
    }
    JsonObject body = request.path().equals(GROUP_VERSION) ? RESOURCES
        : request.path().equals(HTTP_REQUESTS) ? METRIC_VALUES : null;
    if (body == null) {
      request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
              .put("reason", "NotFound").put("code", 404).encode());
      return;
    }
    request.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  private JsonObject apiService() {
    return new JsonObject().put("apiVersion", "apiregistration.k8s.io/v1").put("kind", "APIService")
        .put("metadata", new JsonObject().put("name", NAME))
        .put("spec", new JsonObject().put("group", "custom.metrics.k8s.io").put("version", "v1beta2")
            .put("service", new JsonObject().put("namespace", "default").put("name", "metrics").put("port", 443))
            .put("caBundle", ca.caBundle()).put("groupPriorityMinimum", 100).put("versionPriority", 100));
  }

  /** Registers the APIService and waits until kube-aggregator's availability controller has checked it. */
  private Future<JsonObject> registered(String availableStatus) {
    return api.create(APISERVICES, apiService())
        .compose(created -> api.watch(APISERVICES + "?watch=true&fieldSelector=" + q("metadata.name=" + NAME)
            + "&resourceVersion=" + resourceVersion(created)))
        .compose(watch -> availableCondition(watch, availableStatus).onComplete(done -> watch.close()));
  }

  /** The Available condition of the first event that has it at {@code status}. */
  private static Future<JsonObject> availableCondition(ApiWatch watch, String status) {
    return watch.next().compose(event -> {
      JsonArray conditions = event.getJsonObject("object").getJsonObject("status", new JsonObject())
          .getJsonArray("conditions", new JsonArray());
      for (Object c : conditions) {
        JsonObject condition = (JsonObject) c;
        if ("Available".equals(condition.getString("type")) && status.equals(condition.getString("status"))) {
          return Future.succeededFuture(condition);
        }
      }
      return availableCondition(watch, status);
    });
  }

  private Future<Void> backendUp(Vertx vertx) {
    return metricsServer(vertx).compose(port -> LoopbackServices.register(api, "default", "metrics", port));
  }

  // --- proxying -------------------------------------------------------------------------------------------------

  @Test
  void anAvailableApiServiceIsCheckedAndMarkedAvailable(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .onComplete(verified(ctx, condition -> {
          assertEquals("Passed", condition.getString("reason"));
          assertEquals("all checks passed", condition.getString("message"));
          assertEquals(ApiServerFixture.NOW_TEXT, condition.getString("lastTransitionTime"));
        }));
  }

  @Test
  void aCustomMetricIsReadThroughTheApiServerWithTheUserInTheHeaders(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> expect(200, api.get(HTTP_REQUESTS)))
        .compose(values -> {
          ctx.verify(() -> assertEquals(METRIC_VALUES, values));
          return expect(200, api.send(HttpMethod.GET, HTTP_REQUESTS + "?labelSelector=" + q("app=web"), null, null,
              bearer("admintoken")));
        })
        .onComplete(verified(ctx, values -> {
          assertEquals(METRIC_VALUES, values);
          assertEquals(List.of(
              "GET " + HTTP_REQUESTS + " user=reflex-admin groups=[system:masters, system:authenticated]"
                  + " authorization=null",
              "GET " + HTTP_REQUESTS + "?labelSelector=app%3Dweb user=admin groups=[system:masters, "
                  + "system:authenticated] authorization=null"), seen);
        }));
  }

  /** The aggregated server's own discovery document is its answer too. */
  @Test
  void theGroupVersionDocumentComesFromTheAggregatedServer(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> expect(200, api.get(GROUP_VERSION)))
        .onComplete(verified(ctx, list -> assertEquals(RESOURCES, list)));
  }

  @Test
  void aBackendThatWentDownIsServiceUnavailable(Vertx vertx, VertxTestContext ctx) {
    int[] port = new int[1];
    metricsServer(vertx)
        .compose(p -> {
          port[0] = p;
          return LoopbackServices.register(api, "default", "metrics", p);
        })
        .compose(v -> registered("True"))
        .compose(v -> backend.close())
        .compose(v -> api.get(HTTP_REQUESTS))
        .onComplete(verified(ctx, answer -> {
          assertEquals(503, answer.statusCode(), answer::bodyAsString);
          assertEquals("error trying to reach service: dial tcp 127.0.0.1:" + port[0] + ": connect: connection "
              + "refused\n", answer.bodyAsString());
          assertEquals("text/plain; charset=utf-8", answer.getHeader("Content-Type"));
        }));
  }

  @Test
  void anApiServiceWhoseServerIsDownIsUnavailableAndAnswers503(Vertx vertx, VertxTestContext ctx) {
    int[] port = new int[1];
    TestHttpsServer.closedPort(vertx)
        .compose(p -> {
          port[0] = p;
          return LoopbackServices.register(api, "default", "metrics", p);
        })
        .compose(v -> registered("False"))
        .compose(condition -> {
          ctx.verify(() -> {
            assertEquals("FailedDiscoveryCheck", condition.getString("reason"));
            assertEquals("failing or missing response from https://127.0.0.1:" + port[0] + GROUP_VERSION + ": Get "
                + "\"https://127.0.0.1:" + port[0] + GROUP_VERSION + "\": dial tcp 127.0.0.1:" + port[0]
                + ": connect: connection refused", condition.getString("message"));
          });
          return api.get(HTTP_REQUESTS);
        })
        .onComplete(verified(ctx, answer -> {
          assertEquals(503, answer.statusCode(), answer::bodyAsString);
          assertEquals("service unavailable\n", answer.bodyAsString());
        }));
  }

  /** RBAC applies before the request is proxied: the aggregated server never hears of a refused one. */
  @Test
  void aRequestRbacRefusesIsNotProxied(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> RbacFixtures.serviceAccountToken(api, "default", "bot"))
        .compose(token -> api.send(HttpMethod.GET, HTTP_REQUESTS, null, null, bearer(token)))
        .onComplete(verified(ctx, refused -> {
          ApiServerFixture.assertStatus(refused, 403, "Forbidden", "pods.custom.metrics.k8s.io \"*\" is forbidden: "
              + "User \"system:serviceaccount:default:bot\" cannot get resource \"pods/http_requests\" in API group "
              + "\"custom.metrics.k8s.io\" in the namespace \"default\"");
          assertEquals(List.of(), seen);
        }));
  }

  // --- discovery ------------------------------------------------------------------------------------------------

  /**
   * kube-aggregator builds /apis from the APIService objects themselves (every APIService's group and version, by
   * priority), whatever resources its server serves: the group is there as soon as the APIService is.
   */
  @Test
  void theAggregatedGroupIsListedInApis(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> expect(200, api.get("/apis")))
        .onComplete(verified(ctx, groups -> assertEquals(new JsonObject().put("name", "custom.metrics.k8s.io")
            .put("versions", new JsonArray().add(new JsonObject().put("groupVersion", "custom.metrics.k8s.io/v1beta2")
                .put("version", "v1beta2")))
            .put("preferredVersion", new JsonObject().put("groupVersion", "custom.metrics.k8s.io/v1beta2")
                .put("version", "v1beta2")), group(groups.getJsonArray("groups"), "custom.metrics.k8s.io"))));
  }

  /** /apis/&lt;group&gt; is kube-aggregator's too, made from the APIServices of the group. */
  @Test
  void theAggregatedGroupDocumentIsServed(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> expect(200, api.get("/apis/custom.metrics.k8s.io")))
        .onComplete(verified(ctx, group -> {
          assertEquals("APIGroup", group.getString("kind"));
          assertEquals("custom.metrics.k8s.io/v1beta2", group.getJsonObject("preferredVersion")
              .getString("groupVersion"));
        }));
  }

  /**
   * kubectl 1.32 reads aggregated discovery: the group and its server's resources are in it, once the server's
   * discovery document has been fetched (kube fetches it in the background too, so the test waits for the fetch and
   * then for the answer to be joined). A metric {@code pods/http_requests} is a subresource: kube lists it under a
   * placeholder resource {@code pods} of its own.
   */
  @Test
  void theAggregatedGroupIsInAggregatedDiscovery(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> discoveryFetched.future())
        .compose(v -> untilListed(50))
        .onComplete(verified(ctx, discovery -> {
          JsonObject group = null;
          List<String> names = new ArrayList<>();
          for (Object item : discovery.getJsonArray("items")) {
            names.add(((JsonObject) item).getJsonObject("metadata").getString("name"));
            if ("custom.metrics.k8s.io".equals(names.get(names.size() - 1))) {
              group = (JsonObject) item;
            }
          }
          assertTrue(group != null, "custom.metrics.k8s.io missing from the groups " + names);
          JsonObject version = group.getJsonArray("versions").getJsonObject(0);
          assertEquals("v1beta2", version.getString("version"));
          List<String> resources = new ArrayList<>();
          version.getJsonArray("resources").forEach(r -> {
            JsonObject resource = (JsonObject) r;
            List<String> subresources = new ArrayList<>();
            resource.getJsonArray("subresources", new JsonArray()).forEach(sub -> subresources.add(
                ((JsonObject) sub).getString("subresource")));
            resources.add(resource.getString("resource") + subresources);
          });
          assertEquals(List.of("namespaces[http_requests]", "pods[http_requests]"), resources.stream().sorted()
              .toList());
        }));
  }

  /**
   * Aggregated discovery, asked again (each ask waits for the previous answer) until it lists the aggregated group
   * or {@code attempts} run out; the last answer either way.
   */
  private Future<JsonObject> untilListed(int attempts) {
    return expect(200, api.get("/apis", AGGREGATED_DISCOVERY)).compose(discovery -> {
      boolean listed = discovery.getJsonArray("items").stream().anyMatch(item -> "custom.metrics.k8s.io".equals(
          ((JsonObject) item).getJsonObject("metadata").getString("name")));
      return listed || attempts <= 1 ? Future.succeededFuture(discovery) : untilListed(attempts - 1);
    });
  }

  /** Deleting the APIService takes the group version back: the path is this server's again, and unknown. */
  @Test
  void aDeletedApiServiceIsNoLongerProxied(Vertx vertx, VertxTestContext ctx) {
    backendUp(vertx)
        .compose(v -> registered("True"))
        .compose(v -> expect(200, api.delete(APISERVICES + "/" + NAME)))
        .compose(v -> api.get(HTTP_REQUESTS))
        .compose(answer -> {
          ctx.verify(() -> {
            assertEquals(404, answer.statusCode(), answer::bodyAsString);
            assertEquals(List.of(), seen);
          });
          return expect(200, api.get("/apis"));
        })
        .onComplete(verified(ctx, groups -> assertNull(group(groups.getJsonArray("groups"),
            "custom.metrics.k8s.io"))));
  }

  private static JsonObject group(JsonArray groups, String name) {
    for (Object g : groups) {
      if (name.equals(((JsonObject) g).getString("name"))) {
        return (JsonObject) g;
      }
    }
    return null;
  }
}
