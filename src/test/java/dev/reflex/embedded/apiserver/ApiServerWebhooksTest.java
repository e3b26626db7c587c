package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMap;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMaps;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pod;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pods;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admission webhooks end to end: a real HTTPS AdmissionReview server on loopback, its certificate for
 * {@code hook.default.svc} signed by a CA made for the test and trusted through {@code caBundle}, registered as a
 * Service with Endpoints and a webhook configuration created over HTTP; then writes through the API server.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerWebhooksTest {

  private static final String MUTATING = "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";
  private static final String VALIDATING = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations";
  private static final String LABEL = "injected-by";

  private final TestCertificates ca = TestCertificates.authority("webhook-ca");
  /** Every AdmissionReview request the webhook server was sent, by path: "/mutate {review}". */
  private final List<String> paths = new ArrayList<>();
  private final List<JsonObject> reviews = new ArrayList<>();
  @RegisterExtension
  final ApiServerPerTest server = new ApiServerPerTest();
  private ApiServerFixture api;

  @BeforeEach
  void bind() {
    api = server.api();
  }

  // --- the webhook server ---------------------------------------------------------------------------------------

  /**
   * Starts the webhook server as Service {@code hook} in default: /mutate labels what it is sent, /validate refuses
   * objects named {@code forbidden-*}.
   */
  private Future<Void> webhookServer(Vertx vertx) {
    return TestHttpsServer.start(vertx, ca.issue("hook.default.svc"), request -> replying(request, review -> {
      JsonObject object = review.getJsonObject("request").getJsonObject("object");
      if (request.path().equals("/mutate")) {
        return new JsonObject().put("allowed", true).put("patchType", "JSONPatch").put("patch", patch(new JsonArray()
            .add(new JsonObject().put("op", "add").put("path", "/metadata/labels")
                .put("value", new JsonObject().put(LABEL, "hook")))));
      }
      String name = object.getJsonObject("metadata").getString("name", "");
      return name.startsWith("forbidden-")
          ? new JsonObject().put("allowed", false).put("status", new JsonObject()
              .put("message", "the name " + name + " is reserved"))
          : new JsonObject().put("allowed", true);
    })).compose(server -> LoopbackServices.register(api, "default", "hook", server.port()));
  }

  /** A Service and Endpoints leading to a loopback port nothing listens on. */
  private Future<Void> downService(Vertx vertx) {
    return TestHttpsServer.closedPort(vertx).compose(port -> LoopbackServices.register(api, "default", "down", port)
        .map(v -> port)).mapEmpty();
  }

  private void replying(HttpServerRequest request, Function<JsonObject, JsonObject> reply) {
    request.body().onSuccess(body -> {
      JsonObject review = body.toJsonObject();
      paths.add(request.path());
      reviews.add(review);
      JsonObject response = reply.apply(review).put("uid", review.getJsonObject("request").getString("uid"));
      request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview").put("response", response)
          .encode());
    });
  }

  private static String patch(JsonArray operations) {
    return Base64.getEncoder().encodeToString(operations.encode().getBytes(StandardCharsets.UTF_8));
  }

  // --- configurations -------------------------------------------------------------------------------------------

  private static JsonObject configuration(String kind, String name, JsonObject webhook) {
    return new JsonObject().put("apiVersion", "admissionregistration.k8s.io/v1").put("kind", kind)
        .put("metadata", new JsonObject().put("name", name)).put("webhooks", new JsonArray().add(webhook));
  }

  private JsonObject webhook(String name, String service, String path, String resource, String failurePolicy) {
    return new JsonObject().put("name", name)
        .put("clientConfig", new JsonObject().put("service", new JsonObject().put("namespace", "default")
            .put("name", service).put("path", path).put("port", 443)).put("caBundle", ca.caBundle()))
        .put("rules", new JsonArray().add(new JsonObject().put("operations", new JsonArray().add("CREATE"))
            .put("apiGroups", new JsonArray().add("")).put("apiVersions", new JsonArray().add("v1"))
            .put("resources", new JsonArray().add(resource))))
        .put("failurePolicy", failurePolicy).put("sideEffects", "None")
        .put("admissionReviewVersions", new JsonArray().add("v1"));
  }

  private Future<JsonObject> mutatingPods() {
    return api.create(MUTATING, configuration("MutatingWebhookConfiguration", "labels",
        webhook("label.hook.example.com", "hook", "/mutate", "pods", "Fail")));
  }

  private Future<JsonObject> validatingConfigMaps(String service, String failurePolicy) {
    return api.create(VALIDATING, configuration("ValidatingWebhookConfiguration", "names",
        webhook("names.hook.example.com", service, "/validate", "configmaps", failurePolicy)));
  }

  private static JsonObject labels(JsonObject object) {
    return object.getJsonObject("metadata").getJsonObject("labels");
  }

  // --- mutating -------------------------------------------------------------------------------------------------

  @Test
  void aMutatingWebhookLabelsACreatedPod(Vertx vertx, VertxTestContext ctx) {
    webhookServer(vertx)
        .compose(v -> mutatingPods())
        .compose(v -> api.create(pods("default"), pod("web")))
        .compose(created -> {
          ctx.verify(() -> assertEquals(new JsonObject().put(LABEL, "hook"), labels(created)));
          return api.read(pods("default") + "/web");
        })
        .onComplete(verified(ctx, stored -> {
          assertEquals(new JsonObject().put(LABEL, "hook"), labels(stored));
          assertEquals(List.of("/mutate"), paths);
          JsonObject request = reviews.get(0).getJsonObject("request");
          assertEquals("CREATE", request.getString("operation"));
          assertEquals("default", request.getString("namespace"));
          assertEquals("web", request.getString("name"));
          assertEquals(false, request.getBoolean("dryRun"));
          assertEquals(new JsonObject().put("group", "").put("version", "v1").put("resource", "pods"),
              request.getJsonObject("resource"));
          assertEquals("reflex-admin", request.getJsonObject("userInfo").getString("username"));
          assertEquals("web", request.getJsonObject("object").getJsonObject("metadata").getString("name"));
        }));
  }

  /** kube's order: mutating webhooks first, then validating ones, which see the mutated object. */
  @Test
  void aValidatingWebhookSeesWhatTheMutatingWebhookMade(Vertx vertx, VertxTestContext ctx) {
    webhookServer(vertx)
        .compose(v -> mutatingPods())
        .compose(v -> api.create(VALIDATING, configuration("ValidatingWebhookConfiguration", "names",
            webhook("names.hook.example.com", "hook", "/validate", "pods", "Fail"))))
        .compose(v -> api.create(pods("default"), pod("web")))
        .onComplete(verified(ctx, created -> {
          assertEquals(List.of("/mutate", "/validate"), paths);
          assertEquals(new JsonObject().put(LABEL, "hook"),
              labels(reviews.get(1).getJsonObject("request").getJsonObject("object")));
        }));
  }

  /** Rules pick what is sent: a ConfigMap is no pod, and the mutating webhook never hears of it. */
  @Test
  void aWriteTheRulesDoNotMatchIsNotSent(Vertx vertx, VertxTestContext ctx) {
    webhookServer(vertx)
        .compose(v -> mutatingPods())
        .compose(v -> api.create(configMaps("default"), configMap("settings")))
        .onComplete(verified(ctx, created -> {
          assertEquals(List.of(), paths);
          assertEquals(null, created.getJsonObject("metadata").getJsonObject("labels"));
        }));
  }

  // --- validating -----------------------------------------------------------------------------------------------

  @Test
  void aValidatingWebhookDeniesForbiddenNames(Vertx vertx, VertxTestContext ctx) {
    webhookServer(vertx)
        .compose(v -> validatingConfigMaps("hook", "Fail"))
        .compose(v -> api.create(configMaps("default"), configMap("allowed-settings")))
        .compose(v -> api.post(configMaps("default"), configMap("forbidden-settings")))
        .compose(refused -> {
          ctx.verify(() -> assertDenied(refused));
          return api.get(configMaps("default") + "/forbidden-settings");
        })
        .onComplete(verified(ctx, missing -> {
          assertEquals(404, missing.statusCode());
          assertEquals(List.of("/validate", "/validate"), paths);
        }));
  }

  /** The denial of {@link #webhookServer}: 400 (the webhook gave no code), the webhook's message after kube's. */
  private static void assertDenied(HttpResponse<Buffer> refused) {
    JsonObject status = refused.bodyAsJsonObject();
    assertEquals(400, refused.statusCode(), refused::bodyAsString);
    assertEquals("Status", status.getString("kind"));
    assertEquals("Failure", status.getString("status"));
    assertEquals(400, status.getInteger("code"));
    assertEquals("admission webhook \"names.hook.example.com\" denied the request: the name forbidden-settings is "
        + "reserved", status.getString("message"));
  }

  /**
   * The webhook's status carried no reason, so kube's Status has none: {@code reason} is {@code omitempty} in
   * metav1.Status, and kubectl prints the message alone.
   */
  @Test
  void aDenialWithoutAReasonHasNoReasonField(Vertx vertx, VertxTestContext ctx) {
    webhookServer(vertx)
        .compose(v -> validatingConfigMaps("hook", "Fail"))
        .compose(v -> api.post(configMaps("default"), configMap("forbidden-settings")))
        .onComplete(verified(ctx, refused -> {
          assertDenied(refused);
          assertEquals(new JsonObject().put("kind", "Status").put("apiVersion", "v1").put("metadata", new JsonObject())
              .put("status", "Failure").put("message", "admission webhook \"names.hook.example.com\" denied the "
                  + "request: the name forbidden-settings is reserved").put("code", 400), refused.bodyAsJsonObject());
        }));
  }

  @Test
  void underFailurePolicyIgnoreAWebhookThatIsDownLetsTheWriteThrough(Vertx vertx, VertxTestContext ctx) {
    downService(vertx)
        .compose(v -> validatingConfigMaps("down", "Ignore"))
        .compose(v -> api.create(configMaps("default"), configMap("forbidden-settings")))
        .onComplete(verified(ctx, created -> assertEquals("forbidden-settings",
            created.getJsonObject("metadata").getString("name"))));
  }

  @Test
  void underFailurePolicyFailAWebhookThatIsDownFailsTheWrite(Vertx vertx, VertxTestContext ctx) {
    int[] port = new int[1];
    TestHttpsServer.closedPort(vertx)
        .compose(p -> {
          port[0] = p;
          return LoopbackServices.register(api, "default", "down", p);
        })
        .compose(v -> validatingConfigMaps("down", "Fail"))
        .compose(v -> api.post(configMaps("default"), configMap("settings")))
        .compose(refused -> {
          ctx.verify(() -> assertStatus(refused, 500, "InternalError", "Internal error occurred: failed calling "
              + "webhook \"names.hook.example.com\": failed to call webhook: Post "
              + "\"https://down.default.svc:443/validate?timeout=10s\": dial tcp 127.0.0.1:" + port[0]
              + ": connect: connection refused"));
          return api.get(configMaps("default") + "/settings");
        })
        .onComplete(verified(ctx, missing -> assertEquals(404, missing.statusCode())));
  }

  /** A Service with no Endpoints is a call failure too, governed by the failure policy. */
  @Test
  void aWebhookServiceWithoutEndpointsFailsTheWriteUnderFail(VertxTestContext ctx) {
    JsonObject service = new JsonObject().put("apiVersion", "v1").put("kind", "Service")
        .put("metadata", new JsonObject().put("name", "empty"))
        .put("spec", new JsonObject().put("ports", new JsonArray().add(new JsonObject().put("port", 443))));
    api.create("/api/v1/namespaces/default/services", service)
        .compose(v -> validatingConfigMaps("empty", "Fail"))
        .compose(v -> api.post(configMaps("default"), configMap("settings")))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 500, "InternalError", "Internal error "
            + "occurred: failed calling webhook \"names.hook.example.com\": failed to call webhook: Post "
            + "\"https://empty.default.svc:443/validate?timeout=10s\": no endpoints available for service "
            + "\"empty\"")));
  }

  // --- dry run --------------------------------------------------------------------------------------------------

  /** sideEffects None: the webhooks are called with dryRun true, a denial still refuses, nothing is stored. */
  @Test
  void aDryRunReachesWebhooksWithoutSideEffects(Vertx vertx, VertxTestContext ctx) {
    webhookServer(vertx)
        .compose(v -> mutatingPods())
        .compose(v -> validatingConfigMaps("hook", "Fail"))
        .compose(v -> expect(201, api.post(pods("default") + "?dryRun=All", pod("web"))))
        .compose(dry -> {
          ctx.verify(() -> {
            assertEquals(new JsonObject().put(LABEL, "hook"), labels(dry));
            assertEquals(true, reviews.get(0).getJsonObject("request").getBoolean("dryRun"));
          });
          return api.post(configMaps("default") + "?dryRun=All", configMap("forbidden-settings"));
        })
        .compose(refused -> {
          ctx.verify(() -> assertDenied(refused));
          return api.get(pods("default") + "/web");
        })
        .onComplete(verified(ctx, missing -> {
          assertEquals(404, missing.statusCode());
          assertEquals(List.of("/mutate", "/validate"), paths);
          assertEquals(true, reviews.get(1).getJsonObject("request").getBoolean("dryRun"));
        }));
  }
}
