package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the API server: one verticle, one event loop, owning the store. Requests are taken apart into
 * a verb on a resource and answered as kube-apiserver answers them; every failure becomes a Status, so no request
 * is ever left open.
 */
final class ApiServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServerVerticle.class);
  private static final java.util.Set<String> CREATE_ONLY_KINDS = java.util.Set.of("TokenReview",
      "SelfSubjectReview", "SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview");
  private static final long MAX_BODY_BYTES = 3L * 1024 * 1024;
  private static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml");

  private final ApiServerOptions options;
  private final Clock clock;
  private ObjectStore store;
  private Security security;
  private WebhookAdmission webhooks;
  private AggregationProxy aggregation;
  private AggregatedApis aggregatedApis;
  private ResourceRegistry registry;
  private Resources resources;
  private HttpServer server;
  private int port;
  private OpenApiDocuments.Published openApi;
  private long openApiGeneration = -1;

  ApiServerVerticle(ApiServerOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  int port() {
    return port;
  }

  @Override
  public Future<?> start() {
    store = new ObjectStore(options.watchCacheSize());
    registry = new ResourceRegistry(BuiltInTypes.all());
    List<Admission> admission = new ArrayList<>();
    admission.add(new CrdAdmission());
    admission.add(new SchemaAdmission());
    admission.add(new BuiltInAdmission());
    resources = new Resources(store, registry, new ObjectLifecycle(new Random()), clock, admission);
    resources.addListener(this::crdWritten);
    resources.addListener(new GarbageCollector(resources, this::later));
    resources.addListener(new NamespaceController(resources, this::later));
    security = new Security(options.tokens(), options.anonymousAdmin(), store, clock);
    resources.addListener(this::clusterRoleWritten);
    bootstrap();
    EndpointsResolver resolver = new EndpointsResolver(store);
    webhooks = new WebhookAdmission(vertx, resolver, ns -> {
      StoredObject namespace = store.get("/namespaces", ns);
      return namespace == null ? null : namespace.object();
    });
    aggregation = new AggregationProxy(vertx, resolver, () -> objects(APISERVICES));
    aggregatedApis = new AggregatedApis(resources, aggregation, clock);
    resources.addListener((type, before, after) -> {
      if (type.builtIn() && "APIService".equals(type.kind()) && (after == null || !"status".equals(changedPart(
          before, after)))) {
        later(aggregatedApis::refreshAll);
      }
    });
    vertx.setPeriodic(30_000, id -> aggregatedApis.refreshAll());
    server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host())
        .setMaxWebSocketFrameSize(16 * 1024 * 1024).setMaxWebSocketMessageSize(64 * 1024 * 1024));
    server.requestHandler(this::handle);
    return server.listen(options.port()).onSuccess(s -> port = s.actualPort());
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.compose(v -> webhooks == null ? Future.succeededFuture() : webhooks.close());
  }

  private static final String MUTATING = "admissionregistration.k8s.io/mutatingwebhookconfigurations";
  private static final String VALIDATING = "admissionregistration.k8s.io/validatingwebhookconfigurations";
  private static final String APISERVICES = "apiregistration.k8s.io/apiservices";

  /** "status" when only the status of an object changed, else "" (a change the aggregator must look at). */
  private static String changedPart(StoredObject before, StoredObject after) {
    if (before == null) {
      return "";
    }
    JsonObject a = before.copy();
    JsonObject b = after.copy();
    a.remove("status");
    b.remove("status");
    a.getJsonObject("metadata").remove("resourceVersion");
    b.getJsonObject("metadata").remove("resourceVersion");
    a.getJsonObject("metadata").remove("managedFields");
    b.getJsonObject("metadata").remove("managedFields");
    return a.equals(b) ? "status" : "";
  }

  /** What discovery lists: the served types and those of the aggregated servers. */
  private List<ResourceType> discoverable() {
    List<ResourceType> aggregatedTypes = aggregatedApis.types();
    if (aggregatedTypes.isEmpty()) {
      return registry.all();
    }
    List<ResourceType> all = new ArrayList<>(registry.all());
    all.addAll(aggregatedTypes);
    return all;
  }

  private List<JsonObject> objects(String bucket) {
    return store.list(bucket, null).stream().map(StoredObject::object).toList();
  }

  private void later(Runnable work) {
    context.runOnContext(v -> {
      try {
        work.run();
      } catch (ApiError e) {
        LOG.debug("background work refused: {}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("background work failed", e);
      }
    });
  }

  /** The namespaces every cluster starts with. */
  private void bootstrap() {
    ResourceType namespaces = registry.byPath("", "v1", "namespaces").orElseThrow();
    for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      JsonObject ns = new JsonObject().put("apiVersion", "v1").put("kind", "Namespace")
          .put("metadata", new JsonObject().put("name", name)
              .put("labels", new JsonObject().put("kubernetes.io/metadata.name", name)))
          .put("spec", new JsonObject().put("finalizers", new JsonArray().add("kubernetes")));
      resources.create(namespaces, null, ns, WriteOptions.INTERNAL, new ArrayList<>());
    }
    ResourceType clusterRoles = registry.byPath("rbac.authorization.k8s.io", "v1", "clusterroles").orElseThrow();
    ResourceType bindings = registry.byPath("rbac.authorization.k8s.io", "v1", "clusterrolebindings").orElseThrow();
    RbacBootstrap.clusterRoles().forEach(r -> resources.create(clusterRoles, null, r.copy(), WriteOptions.INTERNAL,
        new ArrayList<>()));
    RbacBootstrap.clusterRoleBindings().forEach(b -> resources.create(bindings, null, b.copy(),
        WriteOptions.INTERNAL, new ArrayList<>()));
  }

  /** The ClusterRole aggregation controller: aggregating roles follow the roles their selectors pick. */
  private void clusterRoleWritten(ResourceType type, StoredObject before, StoredObject after) {
    if (!type.builtIn() || !"ClusterRole".equals(type.kind())) {
      return;
    }
    later(() -> {
      for (var stale : Security.staleAggregations(new ArrayList<>(store.list(ResourceRegistry.bucket(type), null)))) {
        JsonObject updated = stale.getKey().copy().put("rules", stale.getValue());
        resources.update(type, stale.getKey(), updated, null, WriteOptions.INTERNAL, new ArrayList<>());
      }
    });
  }

  private void crdWritten(ResourceType type, StoredObject before, StoredObject after) {
    if (!type.builtIn() || !"CustomResourceDefinition".equals(type.kind())) {
      return;
    }
    if (after != null) {
      registry.putCrd(after.name(), after.object());
      return;
    }
    // The CRD is gone: so are its objects, then its types.
    for (ResourceType crdType : CrdTypes.of(before.object())) {
      for (StoredObject object : new ArrayList<>(store.list(ResourceRegistry.bucket(crdType), null))) {
        store.remove(ResourceRegistry.bucket(crdType), object.key());
      }
    }
    registry.removeCrd(before.name());
  }

  void runOnServer(Runnable action) {
    context.runOnContext(v -> action.run());
  }

  /** Ends every watch of the resources whose bucket name contains {@code fragment}: clients watch again. */
  void dropWatches(String fragment) {
    store.buckets().stream().filter(b -> b.name().contains(fragment)).forEach(ObjectStore.Bucket::endWatches);
  }

  /** Forgets the watch cache: a watch or list from any earlier resourceVersion is answered 410 Gone. */
  void expireWatchCache() {
    store.buckets().forEach(b -> b.log().expire(store.resourceVersion()));
  }

  // --- entry ----------------------------------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    RequestGate.Verdict verdict = options.gate().onRequest(request.method().name(), request.path(),
        request.getHeader("User-Agent"));
    if (verdict.delayMillis() > 0) {
      request.pause();
      vertx.setTimer(verdict.delayMillis(), id -> {
        request.resume();
        serve(request, verdict.status());
      });
    } else {
      serve(request, verdict.status());
    }
  }

  private void serve(HttpServerRequest request, int injected) {
    String path = request.path();
    try {
      if (injected > 0) {
        throw ApiError.injected(injected, path);
      }
      UserInfo user = security.actingAs(security.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION)),
          request.getHeader("Impersonate-User"), request.headers().getAll("Impersonate-Group"));
      security.authorize(user, request.method().name(), path, query(request.params()));
      Optional<JsonObject> aggregated = aggregation.route(path);
      if (aggregated.isPresent()) {
        aggregation.proxy(request, aggregated.get(), user);
        return;
      }
      Optional<RequestPath> resourcePath = RequestPath.parse(path);
      if (resourcePath.isEmpty()) {
        nonResource(request, path);
        return;
      }
      resource(request, resourcePath.get(), user);
    } catch (ApiError e) {
      fail(request.response(), e);
    } catch (PatchException e) {
      fail(request.response(), ApiError.of(e));
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", request.method(), path, e);
      fail(request.response(), ApiError.internal(String.valueOf(e.getMessage())));
    }
  }

  private void nonResource(HttpServerRequest request, String path) {
    if (request.method() != HttpMethod.GET) {
      throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    boolean aggregated = accept != null && accept.contains("as=APIGroupDiscoveryList");
    switch (path) {
      case "/version", "/version/" -> json(request.response(), 200, DiscoveryDocuments.version());
      case "/healthz", "/livez", "/readyz" -> request.response().putHeader("Content-Type", "text/plain").end("ok");
      case "/api", "/api/" -> {
        if (aggregated) {
          aggregated(request.response(), DiscoveryDocuments.aggregated(discoverable(), true));
        } else {
          json(request.response(), 200, DiscoveryDocuments.coreVersions(options.host() + ":" + port));
        }
      }
      case "/apis", "/apis/" -> {
        if (aggregated) {
          aggregated(request.response(), DiscoveryDocuments.aggregated(discoverable(), false));
        } else {
          json(request.response(), 200, DiscoveryDocuments.groups(discoverable()));
        }
      }
      case "/api/v1" -> json(request.response(), 200,
          DiscoveryDocuments.resources("v1", registry.all()).orElseThrow(ApiError::pathNotFound));
      default -> groupDiscoveryOrOpenApi(request, path);
    }
  }

  private void groupDiscoveryOrOpenApi(HttpServerRequest request, String path) {
    if (path.startsWith("/openapi/")) {
      openApi(request, path);
      return;
    }
    String[] parts = path.split("/");
    if (parts.length == 3 && "apis".equals(parts[1])) {
      json(request.response(), 200, DiscoveryDocuments.group(parts[2], discoverable())
          .orElseThrow(ApiError::pathNotFound));
    } else if (parts.length == 4 && "apis".equals(parts[1])) {
      json(request.response(), 200, DiscoveryDocuments.resources(parts[2] + "/" + parts[3], registry.all())
          .orElseThrow(ApiError::pathNotFound));
    } else {
      throw ApiError.pathNotFound();
    }
  }

  private void openApi(HttpServerRequest request, String path) {
    OpenApiDocuments.Published documents = openApiDocuments();
    if ("/openapi/v2".equals(path)) {
      json(request.response(), 200, documents.v2());
    } else if ("/openapi/v3".equals(path)) {
      json(request.response(), 200, documents.v3Index());
    } else if (path.startsWith("/openapi/v3/")) {
      JsonObject document = documents.v3(path.substring("/openapi/v3/".length()))
          .orElseThrow(ApiError::pathNotFound);
      request.response().putHeader("Cache-Control", request.getParam("hash") != null
          ? "public, immutable" : "no-cache, private");
      json(request.response(), 200, document);
    } else {
      throw ApiError.pathNotFound();
    }
  }

  /** Built once per registry generation: an applied CRD shows up in the next request's documents. */
  private OpenApiDocuments.Published openApiDocuments() {
    if (openApi == null || openApiGeneration != registry.generation()) {
      openApi = OpenApiDocuments.publish(registry.all());
      openApiGeneration = registry.generation();
    }
    return openApi;
  }

  // --- resources ------------------------------------------------------------------------------------------------

  private void resource(HttpServerRequest request, RequestPath path, UserInfo user) {
    ResourceType type = registry.byPath(path.group(), path.version(), path.resource())
        .orElseThrow(ApiError::pathNotFound);
    if (path.namespace() != null && !type.namespaced()) {
      throw ApiError.pathNotFound();
    }
    Map<String, String> query = query(request.params());
    HttpMethod method = request.method();
    if (path.subresource() != null && !"status".equals(path.subresource())
        && !("scale".equals(path.subresource()) && type.hasScale())
        && !("token".equals(path.subresource()) && "ServiceAccount".equals(type.kind()) && type.builtIn())) {
      throw ApiError.pathNotFound();
    }
    if ("status".equals(path.subresource()) && !type.statusSubresource()) {
      throw ApiError.pathNotFound();
    }
    ReadOnlyResource readOnly = options.readOnly().get(ResourceRegistry.bucket(type));
    if (readOnly != null) {
      readOnly(request, type, path, readOnly);
      return;
    }
    if (method == HttpMethod.GET) {
      if (path.name() == null) {
        if ("true".equals(query.get("watch")) || "1".equals(query.get("watch"))) {
          watch(request, type, path.namespace(), query);
        } else {
          list(request, type, path.namespace(), query);
        }
      } else {
        get(request, type, path, query);
      }
      return;
    }
    if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH
        && method != HttpMethod.DELETE) {
      throw ApiError.methodNotAllowed(method + " is not supported");
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && Long.parseLong(length) > MAX_BODY_BYTES) {
      throw ApiError.tooLarge("Request entity too large: limit is " + MAX_BODY_BYTES);
    }
    request.body().onComplete(body -> {
      try {
        if (body.failed()) {
          throw ApiError.badRequest("cannot read the request body: " + body.cause().getMessage());
        }
        write(request, type, path, query, body.result(), user);
      } catch (ApiError e) {
        fail(request.response(), e);
      } catch (PatchException e) {
        fail(request.response(), ApiError.of(e));
      } catch (RuntimeException e) {
        LOG.warn("{} {} failed", method, request.path(), e);
        fail(request.response(), ApiError.internal(String.valueOf(e.getMessage())));
      }
    });
  }

  private void write(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query,
      Buffer body, UserInfo user) {
    HttpMethod method = request.method();
    if (method == HttpMethod.POST && (CREATE_ONLY_KINDS.contains(type.kind()) || "token".equals(path.subresource()))) {
      json(request.response(), 201, review(type, path, Negotiation.decodeObject(request.getHeader(
          HttpHeaders.CONTENT_TYPE), body), user));
      return;
    }
    WriteOptions writeOptions = WriteOptions.from(query, request.getHeader("User-Agent"));
    List<String> warnings = new ArrayList<>();
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (method == HttpMethod.POST) {
      if (path.name() != null) {
        throw ApiError.methodNotAllowed("POST is not supported on a named " + type.kind());
      }
      JsonObject object = Conversions.toStorage(type, Negotiation.decodeObject(contentType, body));
      if (hooked()) {
        createThroughWebhooks(request, type, path, object, writeOptions, warnings, user);
        return;
      }
      StoredObject created = resources.create(type, path.namespace(), object, writeOptions, warnings);
      answer(request, type, writeOptions.dryRun() ? 201 : 201, created, warnings);
      return;
    }
    if (method == HttpMethod.DELETE) {
      if (path.name() == null) {
        deleteCollection(request, type, path.namespace(), query, body);
      } else {
        delete(request, type, path, query, body, user);
      }
      return;
    }
    if (path.name() == null) {
      throw ApiError.methodNotAllowed(method + " is not supported on a collection");
    }
    if ("scale".equals(path.subresource())) {
      scaleWrite(request, type, path, contentType, body, writeOptions, warnings);
      return;
    }
    String patchType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (method == HttpMethod.PATCH && "application/apply-patch+yaml".equals(patchType)) {
      serverSideApply(request, type, path, body, writeOptions, warnings);
      return;
    }
    StoredObject current = resources.get(type, path.namespace(), path.name());
    JsonObject incoming;
    if (method == HttpMethod.PUT) {
      incoming = Conversions.toStorage(type, Negotiation.decodeObject(contentType, body));
    } else {
      incoming = patched(type, current, contentType, body);
    }
    if (hooked()) {
      updateThroughWebhooks(request, type, path, current, incoming, writeOptions, warnings, user);
      return;
    }
    StoredObject updated = resources.update(type, current, incoming, path.subresource(), writeOptions, warnings);
    answer(request, type, 200, updated, warnings);
  }

  // --- admission webhooks ---------------------------------------------------------------------------------------

  /** Whether any admission webhook is configured: only then does a write leave the synchronous path. */
  private boolean hooked() {
    return store.bucket(MUTATING).size() > 0 || store.bucket(VALIDATING).size() > 0;
  }

  /**
   * A create in kube-apiserver's order: defaults, mutating webhooks, the server's own validation (a dry run of the
   * create), validating webhooks on the object as it would be stored, then the create itself.
   */
  private void createThroughWebhooks(HttpServerRequest request, ResourceType type, RequestPath path,
      JsonObject object, WriteOptions writeOptions, List<String> warnings, UserInfo user) {
    String name = object.getJsonObject("metadata", new JsonObject()).getString("name", "");
    AdmissionAttributes attributes = AdmissionAttributes.of(type, null, path.namespace(), name,
        AdmissionAttributes.Operation.CREATE, user, writeOptions.dryRun(), writeOptions.manager());
    JsonObject defaulted = type.builtIn() ? BuiltInDefaults.apply(type.group(), type.kind(), object) : object;
    webhooks.mutate(attributes, defaulted, null, objects(MUTATING)).compose(mutated -> {
      warnings.addAll(mutated.warnings());
      StoredObject dry = resources.create(type, path.namespace(), mutated.object().copy(), writeOptions.asDryRun(),
          warnings);
      return webhooks.validate(attributes, dry.object(), null, objects(VALIDATING)).map(validated -> {
        warnings.addAll(validated.warnings());
        return mutated.object();
      });
    }).map(admitted -> resources.create(type, path.namespace(), admitted, writeOptions, warnings))
        .onSuccess(created -> answer(request, type, 201, created, warnings))
        .onFailure(e -> failWith(request, e));
  }

  private void updateThroughWebhooks(HttpServerRequest request, ResourceType type, RequestPath path,
      StoredObject current, JsonObject incoming, WriteOptions writeOptions, List<String> warnings, UserInfo user) {
    AdmissionAttributes attributes = AdmissionAttributes.of(type, path.subresource(), path.namespace(),
        path.name(), AdmissionAttributes.Operation.UPDATE, user, writeOptions.dryRun(), writeOptions.manager());
    webhooks.mutate(attributes, incoming, current.object(), objects(MUTATING)).compose(mutated -> {
      warnings.addAll(mutated.warnings());
      StoredObject dry = resources.update(type, current, mutated.object().copy(), path.subresource(),
          writeOptions.asDryRun(), warnings);
      return webhooks.validate(attributes, dry.object(), current.object(), objects(VALIDATING)).map(validated -> {
        warnings.addAll(validated.warnings());
        return mutated.object();
      });
    }).map(admitted -> resources.update(type, resources.get(type, path.namespace(), path.name()), admitted,
        path.subresource(), writeOptions, warnings))
        .onSuccess(updated -> answer(request, type, 200, updated, warnings))
        .onFailure(e -> failWith(request, e));
  }

  private void failWith(HttpServerRequest request, Throwable e) {
    if (e instanceof ApiError api) {
      fail(request.response(), api);
    } else if (e instanceof PatchException patch) {
      fail(request.response(), ApiError.of(patch));
    } else {
      LOG.warn("{} {} failed", request.method(), request.path(), e);
      fail(request.response(), ApiError.internal(String.valueOf(e.getMessage())));
    }
  }

  /** The review kinds: answered at once, never stored. */
  private JsonObject review(ResourceType type, RequestPath path, JsonObject body, UserInfo user) {
    return switch (type.kind()) {
      case "TokenReview" -> Reviews.tokenReview(body, security.tokens(), clock.instant());
      case "SelfSubjectReview" -> Reviews.selfSubjectReview(body, user);
      case "SubjectAccessReview" -> Reviews.subjectAccessReview(body, security.authorizer());
      case "LocalSubjectAccessReview" -> Reviews.localSubjectAccessReview(body, path.namespace(),
          security.authorizer());
      case "SelfSubjectAccessReview" -> Reviews.selfSubjectAccessReview(body, user, security.authorizer());
      default -> {
        StoredObject account = resources.get(type, path.namespace(), path.name());
        yield Reviews.tokenRequest(body, path.namespace(), path.name(), account.uid(), security.tokens(),
            clock.instant());
      }
    };
  }

  private JsonObject patched(ResourceType type, StoredObject current, String contentType, Buffer body) {
    String patchType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!PATCH_TYPES.contains(patchType)) {
      throw ApiError.unsupportedPatch(patchType, PATCH_TYPES);
    }
    JsonObject base = Conversions.fromStorage(type, current.copy());
    String text = body == null ? "" : body.toString();
    JsonObject result = switch (patchType) {
      case "application/json-patch+json" -> JsonPatch.apply(base, text);
      case "application/strategic-merge-patch+json" -> {
        if (!type.builtIn()) {
          throw ApiError.unsupportedPatch(patchType, List.of("application/json-patch+json",
              "application/merge-patch+json", "application/apply-patch+yaml"));
        }
        yield StrategicMergePatch.apply(base, text, type.schema(), Schemas.context());
      }
      default -> MergePatch.apply(base, text);
    };
    return Conversions.toStorage(type, result);
  }

  private void serverSideApply(HttpServerRequest request, ResourceType type, RequestPath path, Buffer body,
      WriteOptions writeOptions, List<String> warnings) {
    if (writeOptions.fieldManager() == null || writeOptions.fieldManager().isEmpty()) {
      throw ApiError.invalid("PatchOptions.meta.k8s.io", "", List.of(FieldError.required("fieldManager",
          "is required for apply patch")));
    }
    StoredObject current = resources.find(type, path.namespace(), path.name());
    JsonObject applied = Negotiation.decodeObject("application/apply-patch+yaml", body);
    if (current == null && path.subresource() != null) {
      throw ApiError.notFound(type, path.name());
    }
    ServerSideApply.Target target = "status".equals(path.subresource())
        ? ServerSideApply.Target.statusSubresource(type.groupVersion(), type.kind())
        : ServerSideApply.Target.mainResource(type.groupVersion(), type.kind(), type.statusSubresource());
    JsonObject live = current == null ? null : Conversions.fromStorage(type, current.copy());
    ServerSideApply.ApplyResult result = ServerSideApply.apply(live, applied, writeOptions.fieldManager(),
        writeOptions.force(), target, type.schema(), Schemas.context(), clock.instant());
    if (result instanceof ServerSideApply.Conflicts conflicts) {
      throw ApiError.fromStatus(conflicts.status());
    }
    if (result instanceof ServerSideApply.Rejected rejected) {
      throw ApiError.fromStatus(rejected.status());
    }
    JsonObject object = Conversions.toStorage(type, ((ServerSideApply.Applied) result).object());
    WriteOptions applying = writeOptions.applying();
    if (current == null) {
      object.getJsonObject("metadata").put("name", path.name());
      answer(request, type, 201, resources.create(type, path.namespace(), object, applying, warnings), warnings);
    } else {
      answer(request, type, 200, resources.update(type, current, object, path.subresource(), applying, warnings),
          warnings);
    }
  }

  private void delete(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query,
      Buffer body, UserInfo user) {
    JsonObject options = body == null || body.length() == 0 ? new JsonObject()
        : Negotiation.decodeObject(request.getHeader(HttpHeaders.CONTENT_TYPE), body);
    StoredObject current = resources.get(type, path.namespace(), path.name());
    boolean dryRun = "All".equals(query.get("dryRun")) || options.getJsonArray("dryRun", new JsonArray())
        .contains("All");
    Resources.Propagation propagation = propagation(query, options);
    if (hooked()) {
      AdmissionAttributes attributes = AdmissionAttributes.of(type, null, path.namespace(), path.name(),
          AdmissionAttributes.Operation.DELETE, user, dryRun, null);
      webhooks.validate(attributes, null, current.object(), objects(VALIDATING))
          .map(v -> resources.delete(type, resources.get(type, path.namespace(), path.name()), propagation,
              options.getJsonObject("preconditions"), dryRun))
          .onSuccess(last -> answer(request, type, 200, last, List.of()))
          .onFailure(e -> failWith(request, e));
      return;
    }
    StoredObject last = resources.delete(type, current, propagation, options.getJsonObject("preconditions"),
        dryRun);
    answer(request, type, 200, last, List.of());
  }

  private void deleteCollection(HttpServerRequest request, ResourceType type, String namespace,
      Map<String, String> query, Buffer body) {
    JsonObject options = body == null || body.length() == 0 ? new JsonObject()
        : Negotiation.decodeObject(request.getHeader(HttpHeaders.CONTENT_TYPE), body);
    ListQuery list = ListQuery.parse(query, type);
    boolean dryRun = "All".equals(query.get("dryRun"));
    List<StoredObject> deleted = new ArrayList<>();
    for (StoredObject object : new ArrayList<>(store.list(ResourceRegistry.bucket(type), namespace))) {
      if (list.filter().test(object.object())) {
        deleted.add(resources.delete(type, object, propagation(query, options), null, dryRun));
      }
    }
    ObjectView view = view(type, request);
    respondList(request.response(), type, view, deleted, store.resourceVersion(), null, -1);
  }

  private static Resources.Propagation propagation(Map<String, String> query, JsonObject options) {
    String policy = options.getString("propagationPolicy", query.get("propagationPolicy"));
    if (policy == null) {
      Boolean orphan = options.getBoolean("orphanDependents");
      return Boolean.TRUE.equals(orphan) ? Resources.Propagation.ORPHAN : Resources.Propagation.BACKGROUND;
    }
    return switch (policy) {
      case "Foreground" -> Resources.Propagation.FOREGROUND;
      case "Orphan" -> Resources.Propagation.ORPHAN;
      case "Background" -> Resources.Propagation.BACKGROUND;
      default -> throw ApiError.badRequest("propagationPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    };
  }

  // --- scale ----------------------------------------------------------------------------------------------------

  private void scaleWrite(HttpServerRequest request, ResourceType type, RequestPath path, String contentType,
      Buffer body, WriteOptions writeOptions, List<String> warnings) {
    StoredObject current = resources.get(type, path.namespace(), path.name());
    JsonObject scale = ScaleView.scaleOf(type, current.object());
    JsonObject desired;
    if (request.method() == HttpMethod.PUT) {
      desired = Negotiation.decodeObject(contentType, body);
    } else {
      String patchType = contentType == null ? "" : contentType.split(";")[0].trim();
      if (!PATCH_TYPES.contains(patchType) || patchType.endsWith("apply-patch+yaml")) {
        throw ApiError.unsupportedPatch(patchType, PATCH_TYPES.subList(0, 3));
      }
      desired = "application/json-patch+json".equals(patchType) ? JsonPatch.apply(scale, body.toString())
          : MergePatch.apply(scale, body.toString());
    }
    String expected = desired.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
    if (expected != null && !expected.isEmpty() && !expected.equals(Long.toString(current.resourceVersion()))) {
      throw ApiError.modified(type, path.name());
    }
    JsonObject updated = ScaleView.withReplicas(type, current.object(), desired);
    updated.getJsonObject("metadata").remove("resourceVersion");
    StoredObject written = resources.update(type, current, updated, null, writeOptions, warnings);
    warnings.forEach(w -> request.response().headers().add("Warning", "299 - \"" + w + "\""));
    json(request.response(), 200, ScaleView.scaleOf(type, written.object()));
  }

  // --- reads ----------------------------------------------------------------------------------------------------

  private void get(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query) {
    StoredObject stored = resources.get(type, path.namespace(), path.name());
    if ("scale".equals(path.subresource())) {
      json(request.response(), 200, ScaleView.scaleOf(type, stored.object()));
      return;
    }
    ObjectView view = view(type, request);
    JsonObject presented = Presentation.of(request.getHeader(HttpHeaders.ACCEPT), query).one(type,
        view.object(stored), clock.instant(), true);
    if (presented != null) {
      json(request.response(), 200, presented);
      return;
    }
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(view.encode(stored));
  }

  private void list(HttpServerRequest request, ResourceType type, String namespace, Map<String, String> query) {
    ListQuery list = ListQuery.parse(query, type);
    String bucket = ResourceRegistry.bucket(type);
    long version;
    Collection<StoredObject> objects;
    String startAfter = null;
    if (list.continueFrom() != null) {
      version = list.continueFrom().resourceVersion();
      startAfter = list.continueFrom().startAfter();
      objects = Snapshots.at(store, bucket, namespace, version, true).values();
    } else if ("Exact".equals(list.resourceVersionMatch())) {
      version = list.requestedVersion();
      objects = Snapshots.at(store, bucket, namespace, version, false).values();
    } else {
      long requested = list.requestedVersion();
      if (requested > store.resourceVersion()) {
        throw ApiError.timeout("Too large resource version: " + requested + ", current: "
            + store.resourceVersion());
      }
      version = store.resourceVersion();
      objects = store.list(bucket, namespace);
    }
    List<StoredObject> page = new ArrayList<>();
    String next = null;
    long remaining = 0;
    boolean full = false;
    for (StoredObject object : objects) {
      if (startAfter != null && object.key().compareTo(startAfter) <= 0) {
        continue;
      }
      if (!list.filter().test(object.object())) {
        continue;
      }
      if (full) {
        remaining++;
        continue;
      }
      page.add(object);
      if (list.limit() > 0 && page.size() >= list.limit()) {
        full = true;
      }
    }
    if (full && remaining > 0) {
      next = new ListQuery.Continue(version, page.get(page.size() - 1).key()).encode();
    }
    ObjectView view = view(type, request);
    JsonObject presented = Presentation.of(request.getHeader(HttpHeaders.ACCEPT), query).list(type,
        page.stream().map(view::object).toList(), clock.instant(), Long.toString(version), next,
        next != null && !list.selective() ? remaining : null);
    if (presented != null) {
      json(request.response(), 200, presented);
      return;
    }
    respondList(request.response(), type, view, page, version, next, next != null && !list.selective() ? remaining
        : -1);
  }

  private void respondList(HttpServerResponse response, ResourceType type, ObjectView view,
      List<StoredObject> items, long version, String continueToken, long remaining) {
    JsonObject metadata = new JsonObject().put("resourceVersion", Long.toString(version));
    if (continueToken != null) {
      metadata.put("continue", continueToken);
      if (remaining >= 0) {
        metadata.put("remainingItemCount", remaining);
      }
    }
    Buffer out = Buffer.buffer(256 + items.size() * 1024);
    out.appendString("{\"kind\":\"").appendString(type.listKind()).appendString("\",\"apiVersion\":\"")
        .appendString(type.groupVersion()).appendString("\",\"metadata\":").appendBuffer(metadata.toBuffer())
        .appendString(",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) ',');
      }
      out.appendBuffer(view.encode(items.get(i)));
    }
    out.appendString("]}");
    response.setStatusCode(200).putHeader("Content-Type", "application/json").end(out);
  }

  private void watch(HttpServerRequest request, ResourceType type, String namespace, Map<String, String> query) {
    ListQuery list = ListQuery.parse(query, type, true);
    ObjectStore.Bucket bucket = store.bucket(ResourceRegistry.bucket(type));
    long requested = list.requestedVersion();
    Collection<StoredObject> initial = List.of();
    List<Change> replay = List.of();
    if (requested < 0 || list.sendInitialEvents()) {
      initial = requested < 0 ? new ArrayList<>(store.list(bucket.name(), namespace))
          : Snapshots.at(store, bucket.name(), namespace, requested, false).values();
    } else {
      if (!bucket.log().reaches(requested)) {
        expiredWatch(request, ApiError.expired("too old resource version: " + requested + " ("
            + bucket.log().evictedThrough() + ")"));
        return;
      }
      replay = bucket.log().since(requested);
    }
    Presentation presentation = Presentation.of(request.getHeader(HttpHeaders.ACCEPT), query);
    ObjectView view = watchView(type, presentation);
    WatchOutput out;
    if (request.canUpgradeToWebSocket()) {
      Collection<StoredObject> initialObjects = initial;
      List<Change> replayed = replay;
      request.toWebSocket().onSuccess(socket -> new WatchSession(bucket, namespace, list.filter(),
          !list.selective(), view, WatchOutput.of(socket), vertx, store::resourceVersion)
          .start(initialObjects, replayed, list.sendInitialEvents(), bookmarkMillis(list),
              list.timeoutSeconds() * 1000))
          .onFailure(e -> LOG.debug("watch upgrade failed: {}", e.getMessage()));
      return;
    }
    HttpServerResponse response = request.response();
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json")
        .putHeader("Transfer-Encoding", "chunked");
    // Headers go out at once: a client's watch call returns before the first event, as with kube-apiserver.
    response.writeHead();
    out = WatchOutput.of(response);
    new WatchSession(bucket, namespace, list.filter(), !list.selective(), view, out, vertx, store::resourceVersion)
        .start(initial, replay, list.sendInitialEvents(), bookmarkMillis(list), list.timeoutSeconds() * 1000);
  }

  /** A watch from a version the cache no longer reaches: 200, one ERROR event carrying the 410, and the end. */
  private static void expiredWatch(HttpServerRequest request, ApiError error) {
    Buffer event = Change.event("ERROR", error.status().toBuffer());
    if (request.canUpgradeToWebSocket()) {
      request.toWebSocket().onSuccess(socket -> {
        WatchOutput out = WatchOutput.of(socket);
        out.write(event);
        out.end();
      });
      return;
    }
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(event);
  }

  private long bookmarkMillis(ListQuery list) {
    return list.bookmarks() ? options.bookmarkInterval().toMillis() : 0;
  }

  private void readOnly(HttpServerRequest request, ResourceType type, RequestPath path, ReadOnlyResource source) {
    if (request.method() != HttpMethod.GET) {
      throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    if (path.name() == null) {
      json(request.response(), 200, source.list(path.namespace(), request.getParam("labelSelector")));
      return;
    }
    JsonObject one = source.get(path.namespace(), path.name());
    if (one == null) {
      throw ApiError.notFound(type, path.name());
    }
    json(request.response(), 200, one);
  }

  // --- answers --------------------------------------------------------------------------------------------------

  private ObjectView view(ResourceType type, HttpServerRequest request) {
    return new ObjectView(type, Conversions.viewOf(type), null);
  }

  /** A watch's view: in Table form each event carries a one-row Table, headers only on the first. */
  private ObjectView watchView(ResourceType type, Presentation presentation) {
    if (presentation.form() == Presentation.Form.OBJECTS) {
      return new ObjectView(type, Conversions.viewOf(type), null);
    }
    boolean[] first = {true};
    return new ObjectView(type, Conversions.viewOf(type), object -> {
      JsonObject one = presentation.one(type, object, clock.instant(), first[0]);
      first[0] = false;
      return one;
    });
  }

  private void answer(HttpServerRequest request, ResourceType type, int code, StoredObject stored,
      List<String> warnings) {
    HttpServerResponse response = request.response();
    warnings.forEach(w -> response.headers().add("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
    response.setStatusCode(code).putHeader("Content-Type", "application/json").end(view(type, request)
        .encode(stored));
  }

  private static void json(HttpServerResponse response, int code, JsonObject body) {
    response.setStatusCode(code).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }

  private static void aggregated(HttpServerResponse response, JsonObject body) {
    response.setStatusCode(200).putHeader("Content-Type", DiscoveryDocuments.AGGREGATED_TYPE).end(body.toBuffer());
  }

  private static void fail(HttpServerResponse response, ApiError error) {
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

  private static Map<String, String> query(MultiMap params) {
    Map<String, String> query = new HashMap<>();
    params.forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
    return query;
  }
}
