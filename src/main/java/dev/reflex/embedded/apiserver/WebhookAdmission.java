package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.AdmissionReviews.Answer;
import dev.reflex.embedded.apiserver.WebhookMatcher.Invocation;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission webhooks (kube's MutatingAdmissionWebhook and ValidatingAdmissionWebhook plugins) over the stored
 * webhook configurations, without blocking the event loop: each call is an HTTPS POST of an AdmissionReview v1 and
 * the answer arrives as a {@link Future}. A refusal fails the future with an {@link ApiError} worded as kube words
 * it:
 * <ul>
 *   <li>a denial: {@code admission webhook "name" denied the request: <message>}, the webhook's code (at least
 *       400);</li>
 *   <li>a failed call under failurePolicy Fail: 500 {@code Internal error occurred: failed calling webhook "name":
 *       failed to call webhook: Post "https://...?timeout=10s": <why>}; under Ignore the request goes on, the
 *       webhook named in {@link Outcome#failedOpen()} (kube logs it and notes it in the audit log, nothing
 *       more);</li>
 *   <li>a dry run to a webhook with side effects: 400 {@code admission webhook "name" does not support dry run}.</li>
 * </ul>
 *
 * <p>Mutating webhooks run one after the other, each seeing the object as the previous one left it; those with
 * {@code reinvocationPolicy: IfNeeded} run once more when a webhook after them changed the object (kube also
 * reinvokes them after in-tree plugins change it; here only webhook changes count). Validating webhooks run all at
 * once; when several refuse, the first in call order is reported (kube reports whichever finished first).
 *
 * <p>Configurations are ordered by name and their webhooks as listed, as kube orders them. Writes of webhook
 * configurations themselves are never sent to webhooks.
 */
public final class WebhookAdmission {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAdmission.class);

  private final Vertx vertx;
  private final HttpClient client;
  private final ServiceResolver services;
  private final Function<String, JsonObject> namespaces;
  private final ResourceVersions versions;
  private final Supplier<String> uids;

  /** What admission left: the object to go on with, warnings for the client, webhooks that failed open. */
  public record Outcome(JsonObject object, List<String> warnings, List<String> failedOpen) {

    public Outcome {
      warnings = List.copyOf(warnings);
      failedOpen = List.copyOf(failedOpen);
    }
  }

  /**
   * @param namespaceLookup a Namespace object by name, null when it does not exist (for namespaceSelector)
   */
  public WebhookAdmission(Vertx vertx, ServiceResolver services, Function<String, JsonObject> namespaceLookup) {
    this(vertx, services, namespaceLookup, ResourceVersions.NONE, () -> UUID.randomUUID().toString());
  }

  /**
   * @param versions the other versions of each resource, for matchPolicy Equivalent
   * @param uids the AdmissionRequest uids, one per call
   */
  public WebhookAdmission(Vertx vertx, ServiceResolver services, Function<String, JsonObject> namespaceLookup,
      ResourceVersions versions, Supplier<String> uids) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    this.services = services;
    this.namespaces = namespaceLookup;
    this.versions = versions;
    this.uids = uids;
  }

  public Future<Void> close() {
    return client.close();
  }

  // --- mutating -------------------------------------------------------------------------------------------------

  /**
   * Runs the matching webhooks of {@code configurations} (MutatingWebhookConfiguration objects) on {@code
   * object}, in the request's version.
   *
   * @param object the new object, null for DELETE and CONNECT
   * @param oldObject the stored object for UPDATE and DELETE, else null
   */
  public Future<Outcome> mutate(AdmissionAttributes attributes, JsonObject object, JsonObject oldObject,
      List<JsonObject> configurations) {
    Mutation state = new Mutation(object);
    if (WebhookMatcher.exempt(attributes)) {
      return Future.succeededFuture(state.outcome());
    }
    List<WebhookSpec> hooks = WebhookSpec.of(configurations);
    return mutateFrom(0, false, hooks, attributes, oldObject, state)
        .compose(v -> state.reinvoke.isEmpty() ? Future.<Void>succeededFuture()
            : mutateFrom(0, true, hooks, attributes, oldObject, state))
        .map(v -> state.outcome());
  }

  /** The mutable state of one mutating dispatch; only ever touched from the caller's event loop. */
  private static final class Mutation {
    JsonObject object;
    final List<String> warnings = new ArrayList<>();
    final List<String> failedOpen = new ArrayList<>();
    final Set<String> invokedSinceChange = new LinkedHashSet<>();
    final Set<String> reinvoke = new HashSet<>();

    Mutation(JsonObject object) {
      this.object = object;
    }

    Outcome outcome() {
      return new Outcome(object, warnings, failedOpen);
    }
  }

  private Future<Void> mutateFrom(int index, boolean reinvocation, List<WebhookSpec> hooks,
      AdmissionAttributes attributes, JsonObject oldObject, Mutation state) {
    if (index >= hooks.size()) {
      return Future.succeededFuture();
    }
    WebhookSpec hook = hooks.get(index);
    Optional<Invocation> invocation;
    try {
      invocation = WebhookMatcher.match(hook, attributes, state.object, oldObject, namespaces, versions);
    } catch (ApiError e) {
      return Future.failedFuture(e);
    }
    // A reinvocation round only calls webhooks that asked for it and saw the object before a later change.
    if (invocation.isEmpty() || reinvocation && !state.reinvoke.remove(hook.id())) {
      return mutateFrom(index + 1, reinvocation, hooks, attributes, oldObject, state);
    }
    return callMutating(invocation.get(), attributes, oldObject, state)
        .transform(result -> {
          boolean changed = result.succeeded() && result.result();
          if (changed) {
            state.reinvoke.addAll(state.invokedSinceChange);
            state.invokedSinceChange.clear();
          }
          if (hook.reinvokeIfNeeded()) {
            state.invokedSinceChange.add(hook.id());
          }
          if (result.failed()) {
            return failedOpen(hook, result.cause(), state.failedOpen);
          }
          return Future.<Void>succeededFuture();
        })
        .compose(v -> mutateFrom(index + 1, reinvocation, hooks, attributes, oldObject, state));
  }

  /** Calls one mutating webhook and applies its patch to {@code state.object}; true when that changed it. */
  private Future<Boolean> callMutating(Invocation invocation, AdmissionAttributes attributes, JsonObject oldObject,
      Mutation state) {
    WebhookSpec hook = invocation.hook();
    boolean converted = !invocation.kind().equals(attributes.kind());
    JsonObject versioned = converted && state.object != null
        ? versions.convert(state.object, invocation.kind().apiVersion()) : state.object;
    JsonObject versionedOld = converted && oldObject != null
        ? versions.convert(oldObject, invocation.kind().apiVersion()) : oldObject;
    return call(invocation, attributes, versioned, versionedOld, true).map(answer -> {
      state.warnings.addAll(answer.warnings());
      if (!answer.allowed()) {
        throw AdmissionReviews.denial(hook.name(), answer.result());
      }
      if (answer.patch() == null) {
        return false;
      }
      JsonArray operations;
      try {
        operations = JsonPatch.decode(new String(answer.patch(), StandardCharsets.UTF_8));
      } catch (PatchException e) {
        throw new WebhookCallFailure("received undecodable patch in webhook response: " + e.detail());
      }
      if (operations.isEmpty()) {
        return false;
      }
      if (versioned == null) {
        throw ApiError.internal("admission webhook \"" + hook.name() + "\" attempted to modify the object, which "
            + "is not supported for this operation");
      }
      if (!"JSONPatch".equals(answer.patchType())) {
        throw new WebhookCallFailure("unsupported patch type \"" + answer.patchType() + "\"");
      }
      JsonObject patched;
      try {
        patched = JsonPatch.apply(versioned, operations);
      } catch (PatchException e) {
        throw ApiError.internal(e.detail());
      }
      if (converted) {
        patched = versions.convert(patched, attributes.kind().apiVersion());
      }
      boolean changed = !patched.equals(state.object);
      state.object = patched;
      return changed;
    });
  }

  // --- validating -----------------------------------------------------------------------------------------------

  /**
   * Runs the matching webhooks of {@code configurations} (ValidatingWebhookConfiguration objects), all at once;
   * the outcome's object is {@code object} unchanged.
   */
  public Future<Outcome> validate(AdmissionAttributes attributes, JsonObject object, JsonObject oldObject,
      List<JsonObject> configurations) {
    if (WebhookMatcher.exempt(attributes)) {
      return Future.succeededFuture(new Outcome(object, List.of(), List.of()));
    }
    List<Invocation> invocations = new ArrayList<>();
    try {
      for (WebhookSpec hook : WebhookSpec.of(configurations)) {
        WebhookMatcher.match(hook, attributes, object, oldObject, namespaces, versions).ifPresent(invocations::add);
      }
    } catch (ApiError e) {
      return Future.failedFuture(e);
    }
    List<Future<Answer>> calls = new ArrayList<>();
    for (Invocation invocation : invocations) {
      boolean converted = !invocation.kind().equals(attributes.kind());
      String apiVersion = invocation.kind().apiVersion();
      calls.add(call(invocation, attributes,
          converted && object != null ? versions.convert(object, apiVersion) : object,
          converted && oldObject != null ? versions.convert(oldObject, apiVersion) : oldObject, false));
    }
    return Future.join(calls).transform(ignored -> {
      List<String> warnings = new ArrayList<>();
      List<String> failedOpen = new ArrayList<>();
      Throwable refusal = null;
      for (int i = 0; i < calls.size(); i++) {
        WebhookSpec hook = invocations.get(i).hook();
        Future<Answer> call = calls.get(i);
        Throwable failure = call.cause();
        if (call.succeeded()) {
          warnings.addAll(call.result().warnings());
          failure = call.result().allowed() ? null : AdmissionReviews.denial(hook.name(), call.result().result());
        }
        if (failure != null) {
          Future<Void> after = failedOpen(hook, failure, failedOpen);
          if (after.failed() && refusal == null) {
            refusal = after.cause();
          }
        }
      }
      return refusal != null ? Future.failedFuture(refusal)
          : Future.succeededFuture(new Outcome(object, warnings, failedOpen));
    });
  }

  // --- one call -------------------------------------------------------------------------------------------------

  /**
   * What a failed webhook means under its failure policy: a call failure is dropped (Ignore) or becomes a 500
   * (Fail); a denial or any other refusal stands.
   */
  private static Future<Void> failedOpen(WebhookSpec hook, Throwable failure, List<String> failedOpen) {
    if (failure instanceof WebhookCallFailure callFailure) {
      if (hook.ignoreFailures()) {
        LOG.warn("Failed calling webhook, failing open {}: {}", hook.name(), callFailure.forWebhook(hook.name()));
        failedOpen.add(hook.name());
        return Future.succeededFuture();
      }
      return Future.failedFuture(ApiError.internal(callFailure.forWebhook(hook.name())));
    }
    if (failure instanceof ApiError) {
      return Future.failedFuture(failure);
    }
    return Future.failedFuture(ApiError.internal(String.valueOf(failure.getMessage())));
  }

  /**
   * POSTs the review to the webhook and reads its answer. Fails with {@link WebhookCallFailure} for anything the
   * failure policy governs, {@link ApiError} for a dry run it must not see.
   */
  private Future<Answer> call(Invocation invocation, AdmissionAttributes attributes, JsonObject object,
      JsonObject oldObject, boolean mutating) {
    WebhookSpec hook = invocation.hook();
    String reviewVersion;
    WebhookEndpoint endpoint;
    ClientSSLOptions ssl;
    try {
      if (attributes.dryRun()) {
        if (hook.sideEffects() == null) {
          throw new WebhookCallFailure("Webhook SideEffects is nil");
        }
        if (!hook.dryRunSafe()) {
          throw ApiError.badRequest("admission webhook \"" + hook.name() + "\" does not support dry run");
        }
      }
      reviewVersion = AdmissionReviews.reviewVersion(hook);
      endpoint = WebhookEndpoint.of(hook.clientConfig(), hook.timeoutSeconds());
      ssl = TlsTrust.verifying(endpoint.caBundle());
    } catch (WebhookCallFailure | ApiError e) {
      return Future.failedFuture(e);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new WebhookCallFailure("could not get REST client: " + e.getMessage()));
    }
    String uid = uids.get();
    JsonObject review = AdmissionReviews.request(uid, reviewVersion, attributes, invocation, object, oldObject);
    String post = "failed to call webhook: Post \"" + endpoint.url() + "\": ";
    Future<SocketAddress> address = endpoint.isService()
        ? services.resolve(endpoint.serviceNamespace(), endpoint.serviceName(), endpoint.port())
        : Future.succeededFuture(SocketAddress.inetSocketAddress(endpoint.port(), endpoint.host()));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("Accept", "application/json, */*");
    long timeoutMillis = hook.timeoutSeconds() * 1000L;
    return address
        .recover(e -> Future.failedFuture(new WebhookCallFailure(post + e.getMessage())))
        .compose(server -> HttpsCall.send(vertx, client, HttpMethod.POST, server, endpoint.host(), endpoint.port(),
                endpoint.requestUri(), ssl, headers, review.toBuffer(), timeoutMillis)
            .recover(e -> Future.failedFuture(new WebhookCallFailure(post + GoNetErrors.describe(e, server)))))
        .map(reply -> AdmissionReviews.answer(uid, reviewVersion, mutating, reply.status(), reply.body()));
  }
}
