package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvk;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvr;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Operation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook admission against real HTTPS webhook servers on loopback, their certificates issued by a CA made for the
 * test and trusted through {@code caBundle}; Services resolve to the servers' loopback addresses.
 */
@ExtendWith(VertxExtension.class)
class WebhookAdmissionTest {

  private static final UserInfo ALICE = new UserInfo("alice", "", List.of("dev", "system:authenticated"), Map.of());

  private final TestCertificates ca = TestCertificates.authority("webhook-ca");

  private static AdmissionAttributes podCreate(boolean dryRun) {
    return new AdmissionAttributes(new Gvk("", "v1", "Pod"), new Gvr("", "v1", "pods"), "", "web", "default",
        Operation.CREATE, ALICE, dryRun, AdmissionAttributes.options(Operation.CREATE, dryRun, "kubectl"));
  }

  private static JsonObject pod() {
    return new JsonObject().put("apiVersion", "v1").put("kind", "Pod")
        .put("metadata", new JsonObject().put("name", "web").put("namespace", "default"))
        .put("spec", new JsonObject().put("containers", new JsonArray()
            .add(new JsonObject().put("name", "app").put("image", "nginx"))));
  }

  private static JsonObject configuration(String kind, String name, JsonObject... webhooks) {
    return new JsonObject().put("apiVersion", "admissionregistration.k8s.io/v1").put("kind", kind)
        .put("metadata", new JsonObject().put("name", name)).put("webhooks", new JsonArray(List.of(webhooks)));
  }

  private static JsonObject webhook(String name, JsonObject clientConfig) {
    return new JsonObject().put("name", name).put("clientConfig", clientConfig)
        .put("rules", new JsonArray().add(new JsonObject().put("operations", new JsonArray().add("CREATE"))
            .put("apiGroups", new JsonArray().add("")).put("apiVersions", new JsonArray().add("v1"))
            .put("resources", new JsonArray().add("pods"))))
        .put("sideEffects", "None").put("admissionReviewVersions", new JsonArray().add("v1"));
  }

  private JsonObject service(String path) {
    return new JsonObject().put("service", new JsonObject().put("namespace", "webhooks").put("name", "hook")
        .put("path", path).put("port", 443)).put("caBundle", ca.caBundle());
  }

  private static JsonObject answer(JsonObject review, JsonObject response) {
    return new JsonObject().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview")
        .put("response", response.put("uid", review.getJsonObject("request").getString("uid")));
  }

  private static String patch(JsonArray operations) {
    return Base64.getEncoder().encodeToString(operations.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** Replies to each review with what {@code reply} makes of it. */
  private static void replying(HttpServerRequest request, Function<JsonObject, JsonObject> reply) {
    request.body().onSuccess(body -> {
      JsonObject review = body.toJsonObject();
      request.response().putHeader("Content-Type", "application/json")
          .end(answer(review, reply.apply(review)).encode());
    });
  }

  private static ServiceResolver resolving(TestHttpsServer server) {
    return (namespace, name, port) -> "webhooks".equals(namespace) && "hook".equals(name) && port == 443
        ? Future.succeededFuture(server.address())
        : Future.failedFuture("service \"" + name + "\" not found");
  }

  /** Held so that no admission (and its HTTP client) is collected while its calls are under way. */
  private final List<WebhookAdmission> admissions = new ArrayList<>();

  private WebhookAdmission admission(Vertx vertx, ServiceResolver services) {
    AtomicInteger uids = new AtomicInteger();
    WebhookAdmission admission = new WebhookAdmission(vertx, services, name -> null, ResourceVersions.NONE,
        () -> "uid-" + uids.incrementAndGet());
    admissions.add(admission);
    return admission;
  }

  @Test
  void aMutatingWebhookIsSentTheReviewAndItsPatchApplied(Vertx vertx, VertxTestContext test) {
    List<JsonObject> reviews = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    TestHttpsServer.start(vertx, ca.issue("hook.webhooks.svc"), request -> {
      seen.add(request.method() + " " + request.uri() + " host=" + request.authority() + " type="
          + request.getHeader("Content-Type"));
      replying(request, review -> {
        reviews.add(review);
        return new JsonObject().put("allowed", true).put("patchType", "JSONPatch")
            .put("patch", patch(new JsonArray().add(new JsonObject().put("op", "add")
                .put("path", "/metadata/labels").put("value", new JsonObject().put("injected", "yes")))))
            .put("warnings", new JsonArray().add("label injected"));
      });
    }).compose(server -> admission(vertx, resolving(server)).mutate(podCreate(false), pod(), null,
        List.of(configuration("MutatingWebhookConfiguration", "labels",
            webhook("label.example.com", service("/mutate"))))))
        .onComplete(test.succeeding(outcome -> test.verify(() -> {
          JsonObject expectedPod = pod();
          expectedPod.getJsonObject("metadata").put("labels", new JsonObject().put("injected", "yes"));
          assertEquals(expectedPod, outcome.object());
          assertEquals(List.of("label injected"), outcome.warnings());
          assertEquals(List.of(), outcome.failedOpen());
          assertEquals(List.of("POST /mutate?timeout=10s host=hook.webhooks.svc type=application/json"), seen);
          JsonObject expected = new JsonObject().put("kind", "AdmissionReview")
              .put("apiVersion", "admission.k8s.io/v1")
              .put("request", new JsonObject().put("uid", "uid-1")
                  .put("kind", new JsonObject().put("group", "").put("version", "v1").put("kind", "Pod"))
                  .put("resource", new JsonObject().put("group", "").put("version", "v1").put("resource", "pods"))
                  .put("requestKind", new JsonObject().put("group", "").put("version", "v1").put("kind", "Pod"))
                  .put("requestResource", new JsonObject().put("group", "").put("version", "v1")
                      .put("resource", "pods"))
                  .put("name", "web").put("namespace", "default").put("operation", "CREATE")
                  .put("userInfo", new JsonObject().put("username", "alice")
                      .put("groups", new JsonArray().add("dev").add("system:authenticated")))
                  .put("object", pod()).putNull("oldObject").put("dryRun", false)
                  .put("options", new JsonObject().put("kind", "CreateOptions").put("apiVersion", "meta.k8s.io/v1")
                      .put("fieldManager", "kubectl")));
          assertEquals(expected, reviews.get(0));
          test.completeNow();
        })));
  }

  @Test
  void mutatingWebhooksRunInNameOrderAndAnEarlierIfNeededOneIsReinvoked(Vertx vertx, VertxTestContext test) {
    List<String> calls = new ArrayList<>();
    TestHttpsServer.start(vertx, ca.issue("hook.webhooks.svc"), request -> {
      String label = request.path().substring(1);
      replying(request, review -> {
        JsonObject labels = review.getJsonObject("request").getJsonObject("object").getJsonObject("metadata")
            .getJsonObject("labels", new JsonObject());
        calls.add(label + " saw " + labels.encode());
        if (labels.containsKey(label)) {
          return new JsonObject().put("allowed", true);
        }
        JsonArray operations = new JsonArray();
        if (labels.isEmpty()) {
          operations.add(new JsonObject().put("op", "add").put("path", "/metadata/labels")
              .put("value", new JsonObject()));
        }
        operations.add(new JsonObject().put("op", "add").put("path", "/metadata/labels/" + label).put("value", "1"));
        return new JsonObject().put("allowed", true).put("patchType", "JSONPatch").put("patch", patch(operations));
      });
    }).compose(server -> admission(vertx, resolving(server)).mutate(podCreate(false), pod(), null, List.of(
        configuration("MutatingWebhookConfiguration", "b-second", webhook("b.example.com", service("/b"))),
        configuration("MutatingWebhookConfiguration", "a-first",
            webhook("a.example.com", service("/a")).put("reinvocationPolicy", "IfNeeded")))))
        .onComplete(test.succeeding(outcome -> test.verify(() -> {
          assertEquals(List.of("a saw {}", "b saw {\"a\":\"1\"}", "a saw {\"a\":\"1\",\"b\":\"1\"}"), calls);
          assertEquals(new JsonObject().put("a", "1").put("b", "1"),
              outcome.object().getJsonObject("metadata").getJsonObject("labels"));
          test.completeNow();
        })));
  }

  @Test
  void aValidatingDenialCarriesTheWebhookCodeAndMessage(Vertx vertx, VertxTestContext test) {
    TestHttpsServer.start(vertx, ca.issue("hook.webhooks.svc"), request -> replying(request, review ->
        request.path().equals("/allow")
            ? new JsonObject().put("allowed", true).put("warnings", new JsonArray().add("looked at it"))
            : request.path().equals("/deny")
                ? new JsonObject().put("allowed", false).put("status", new JsonObject().put("code", 403)
                    .put("reason", "Forbidden").put("message", "pods named web are not allowed"))
                : new JsonObject().put("allowed", false)))
        .compose(server -> {
          WebhookAdmission admission = admission(vertx, resolving(server));
          Future<WebhookAdmission.Outcome> denied = admission.validate(podCreate(false), pod(), null, List.of(
              configuration("ValidatingWebhookConfiguration", "policy", webhook("allow.example.com",
                  service("/allow")), webhook("deny.example.com", service("/deny")))));
          Future<WebhookAdmission.Outcome> unexplained = admission.validate(podCreate(false), pod(), null, List.of(
              configuration("ValidatingWebhookConfiguration", "policy", webhook("mute.example.com",
                  service("/mute")))));
          Future<WebhookAdmission.Outcome> allowed = admission.validate(podCreate(false), pod(), null, List.of(
              configuration("ValidatingWebhookConfiguration", "policy", webhook("allow.example.com",
                  service("/allow")))));
          return Future.join(denied, unexplained, allowed).transform(v -> Future.succeededFuture(
              List.of(denied, unexplained, allowed)));
        })
        .onComplete(test.succeeding(results -> test.verify(() -> {
          ApiError denial = assertInstanceOf(ApiError.class, results.get(0).cause());
          assertEquals(403, denial.code());
          assertEquals("Forbidden", denial.reason());
          assertEquals("admission webhook \"deny.example.com\" denied the request: pods named web are not allowed",
              denial.getMessage());
          ApiError unexplained = assertInstanceOf(ApiError.class, results.get(1).cause());
          assertEquals(400, unexplained.code());
          assertEquals("admission webhook \"mute.example.com\" denied the request without explanation",
              unexplained.getMessage());
          WebhookAdmission.Outcome allowed = results.get(2).result();
          assertEquals(pod(), allowed.object());
          assertEquals(List.of("looked at it"), allowed.warnings());
          test.completeNow();
        })));
  }

  @Test
  void aCertificateFromAnotherAuthorityFailsTheCallUnderFail(Vertx vertx, VertxTestContext test) {
    TestCertificates stranger = TestCertificates.authority("someone-else");
    TestHttpsServer.start(vertx, stranger.issue("hook.webhooks.svc"), request -> replying(request,
            review -> new JsonObject().put("allowed", true)))
        .compose(server -> admission(vertx, resolving(server)).validate(podCreate(false), pod(), null, List.of(
            configuration("ValidatingWebhookConfiguration", "policy", webhook("hook.example.com",
                service("/validate"))))))
        .onComplete(test.failing(failure -> test.verify(() -> {
          ApiError error = assertInstanceOf(ApiError.class, failure);
          assertEquals(500, error.code());
          assertEquals("InternalError", error.reason());
          assertEquals("Internal error occurred: failed calling webhook \"hook.example.com\": failed to call "
              + "webhook: Post \"https://hook.webhooks.svc:443/validate?timeout=10s\": tls: failed to verify "
              + "certificate: x509: certificate signed by unknown authority", error.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void aCertificateForAnotherNameIsRefusedEvenOnLoopback(Vertx vertx, VertxTestContext test) {
    TestHttpsServer.start(vertx, ca.issue("other.webhooks.svc", "127.0.0.1"), request -> replying(request,
            review -> new JsonObject().put("allowed", true)))
        .compose(server -> admission(vertx, resolving(server)).validate(podCreate(false), pod(), null, List.of(
            configuration("ValidatingWebhookConfiguration", "policy", webhook("hook.example.com",
                service("/validate"))))))
        .onComplete(test.failing(failure -> test.verify(() -> {
          String prefix = "Internal error occurred: failed calling webhook \"hook.example.com\": failed to call "
              + "webhook: Post \"https://hook.webhooks.svc:443/validate?timeout=10s\": tls: failed to verify "
              + "certificate: x509: certificate is not valid for";
          assertTrue(failure.getMessage().startsWith(prefix), failure.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void aUrlWebhookIsVerifiedAgainstItsIpAddress(Vertx vertx, VertxTestContext test) {
    TestHttpsServer.start(vertx, ca.issue("127.0.0.1"), request -> replying(request,
            review -> new JsonObject().put("allowed", true).put("warnings",
                new JsonArray().add(request.uri()))))
        .compose(server -> admission(vertx, resolving(server)).validate(podCreate(false), pod(), null, List.of(
            configuration("ValidatingWebhookConfiguration", "policy", webhook("url.example.com", new JsonObject()
                .put("url", "https://127.0.0.1:" + server.port() + "/check?mode=strict")
                .put("caBundle", ca.caBundle()))))))
        .onComplete(test.succeeding(outcome -> test.verify(() -> {
          assertEquals(List.of("/check?mode=strict&timeout=10s"), outcome.warnings());
          test.completeNow();
        })));
  }

  @Test
  void anUnreachableWebhookFailsOpenUnderIgnoreAndClosedUnderFail(Vertx vertx, VertxTestContext test) {
    TestHttpsServer.closedPort(vertx).compose(port -> {
      WebhookAdmission admission = admission(vertx, (namespace, name, p) ->
          Future.succeededFuture(SocketAddress.inetSocketAddress(port, "127.0.0.1")));
      JsonObject url = new JsonObject().put("url", "https://127.0.0.1:" + port + "/validate")
          .put("caBundle", ca.caBundle());
      Future<WebhookAdmission.Outcome> ignored = admission.mutate(podCreate(false), pod(), null, List.of(
          configuration("MutatingWebhookConfiguration", "optional",
              webhook("optional.example.com", url).put("failurePolicy", "Ignore"))));
      Future<WebhookAdmission.Outcome> failed = admission.validate(podCreate(false), pod(), null, List.of(
          configuration("ValidatingWebhookConfiguration", "required", webhook("required.example.com", url))));
      return Future.join(ignored, failed).transform(v -> Future.succeededFuture(List.of(ignored, failed,
          Future.succeededFuture(port))));
    }).onComplete(test.succeeding(results -> test.verify(() -> {
      WebhookAdmission.Outcome ignored = (WebhookAdmission.Outcome) results.get(0).result();
      assertEquals(pod(), ignored.object());
      assertEquals(List.of("optional.example.com"), ignored.failedOpen());
      int port = (Integer) results.get(2).result();
      assertEquals("Internal error occurred: failed calling webhook \"required.example.com\": failed to call "
          + "webhook: Post \"https://127.0.0.1:" + port + "/validate?timeout=10s\": dial tcp 127.0.0.1:" + port
          + ": connect: connection refused", results.get(1).cause().getMessage());
      test.completeNow();
    })));
  }

  @Test
  void aWebhookThatDoesNotAnswerInTimeoutSecondsFails(Vertx vertx, VertxTestContext test) {
    TestHttpsServer.start(vertx, ca.issue("hook.webhooks.svc"), request -> { })
        .compose(server -> admission(vertx, resolving(server)).validate(podCreate(false), pod(), null, List.of(
            configuration("ValidatingWebhookConfiguration", "slow", webhook("slow.example.com",
                service("/validate")).put("timeoutSeconds", 1)))))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertEquals("Internal error occurred: failed calling webhook \"slow.example.com\": failed to call "
              + "webhook: Post \"https://hook.webhooks.svc:443/validate?timeout=1s\": context deadline exceeded",
              failure.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void aDryRunIsRefusedByAWebhookWithSideEffectsWithoutCallingIt(Vertx vertx, VertxTestContext test) {
    AtomicInteger calls = new AtomicInteger();
    TestHttpsServer.start(vertx, ca.issue("hook.webhooks.svc"), request -> {
      calls.incrementAndGet();
      replying(request, review -> new JsonObject().put("allowed", true));
    }).compose(server -> admission(vertx, resolving(server)).validate(podCreate(true), pod(), null, List.of(
            configuration("ValidatingWebhookConfiguration", "audit", webhook("audit.example.com",
                service("/validate")).put("sideEffects", "Some")))))
        .onComplete(test.failing(failure -> test.verify(() -> {
          ApiError error = assertInstanceOf(ApiError.class, failure);
          assertEquals(400, error.code());
          assertEquals("admission webhook \"audit.example.com\" does not support dry run", error.getMessage());
          assertEquals(0, calls.get());
          test.completeNow();
        })));
  }

  @Test
  void aPatchForADeleteIsAnInternalError(Vertx vertx, VertxTestContext test) {
    AdmissionAttributes delete = new AdmissionAttributes(new Gvk("", "v1", "Pod"), new Gvr("", "v1", "pods"), "",
        "web", "default", Operation.DELETE, ALICE, false, AdmissionAttributes.options(Operation.DELETE, false, ""));
    JsonObject hook = webhook("meddler.example.com", service("/mutate"));
    hook.getJsonArray("rules").getJsonObject(0).put("operations", new JsonArray().add("*"));
    TestHttpsServer.start(vertx, ca.issue("hook.webhooks.svc"), request -> replying(request, review ->
            new JsonObject().put("allowed", true).put("patchType", "JSONPatch").put("patch", patch(new JsonArray()
                .add(new JsonObject().put("op", "add").put("path", "/metadata/labels").put("value",
                    new JsonObject()))))))
        .compose(server -> admission(vertx, resolving(server)).mutate(delete, null, pod(), List.of(
            configuration("MutatingWebhookConfiguration", "meddle", hook))))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertEquals("Internal error occurred: admission webhook \"meddler.example.com\" attempted to modify the "
              + "object, which is not supported for this operation", failure.getMessage());
          test.completeNow();
        })));
  }
}
