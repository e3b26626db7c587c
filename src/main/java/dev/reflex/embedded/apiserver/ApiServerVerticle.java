package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.Answers.fail;
import static dev.reflex.embedded.apiserver.Answers.query;

import dev.reflex.tls.ServingCertificates;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.util.ArrayList;
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
  private static final long MAX_BODY_BYTES = 3L * 1024 * 1024;

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
  private HttpServer secureServer;
  private int port;
  private int securePort = -1;
  private ReadRoutes reads;
  private WriteRoutes writes;
  private DiscoveryRoutes discovery;

  ApiServerVerticle(ApiServerOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  int port() {
    return port;
  }

  /** The HTTPS listener's port, or -1 without one. */
  int securePort() {
    return securePort;
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
    aggregation = new AggregationProxy(vertx, resolver, () -> store.list(APISERVICES, null).stream()
        .map(StoredObject::object).toList());
    aggregatedApis = new AggregatedApis(resources, aggregation, clock);
    resources.addListener((type, before, after) -> {
      if (type.builtIn() && "APIService".equals(type.kind()) && (before == null || after == null
          || !ObjectLifecycle.onlyStatusChanged(before.object(), after.object()))) {
        later(aggregatedApis::refreshAll);
      }
    });
    vertx.setPeriodic(30_000, id -> aggregatedApis.refreshAll());
    reads = new ReadRoutes(vertx, store, resources, options, clock);
    writes = new WriteRoutes(store, resources, security, webhooks, reads, clock);
    discovery = new DiscoveryRoutes(registry, aggregatedApis, options, () -> port);
    server = vertx.createHttpServer(listenerOptions());
    server.requestHandler(this::handle);
    Future<?> plain = server.listen(options.port()).onSuccess(s -> port = s.actualPort());
    if (options.secure() == null) {
      return plain;
    }
    // The same routes over TLS: kubectl presents bearer tokens (ServiceAccount tokens, the admin's) over HTTPS only.
    ServingCertificates certificates = options.secure().certificates();
    secureServer = vertx.createHttpServer(listenerOptions().setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertValue(Buffer.buffer(certificates.certificatePem()))
        .setKeyValue(Buffer.buffer(certificates.privateKeyPem()))));
    secureServer.requestHandler(this::handle);
    return plain.compose(v -> secureServer.listen(options.secure().port()))
        .onSuccess(s -> securePort = s.actualPort());
  }

  /** What both listeners share: the address and WebSocket frames large enough for a watch of big objects. */
  private HttpServerOptions listenerOptions() {
    return new HttpServerOptions().setHost(options.host()).setMaxWebSocketFrameSize(16 * 1024 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024 * 1024).setWebSocketSubProtocols(AttachSession.PROTOCOLS);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = (server == null ? Future.<Void>succeededFuture() : server.close())
        .compose(v -> secureServer == null ? Future.succeededFuture() : secureServer.close());
    return closing.compose(v -> webhooks == null ? Future.succeededFuture() : webhooks.close());
  }

  private static final String APISERVICES = "apiregistration.k8s.io/apiservices";

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
        discovery.nonResource(request, path);
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

  // --- resources ------------------------------------------------------------------------------------------------

  private void resource(HttpServerRequest request, RequestPath path, UserInfo user) {
    ResourceType type = registry.byPath(path.group(), path.version(), path.resource())
        .orElseThrow(ApiError::pathNotFound);
    if (path.namespace() != null && !type.namespaced()) {
      throw ApiError.pathNotFound();
    }
    Map<String, String> query = query(request.params());
    HttpMethod method = request.method();
    if ("attach".equals(path.subresource()) && "Pod".equals(type.kind()) && type.builtIn()
        && (method == HttpMethod.GET || method == HttpMethod.POST)) {
      attach(request, type, path, query);
      return;
    }
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
      reads.readOnly(request, type, path, readOnly);
      return;
    }
    if (method == HttpMethod.GET) {
      if (path.name() == null) {
        if ("true".equals(query.get("watch")) || "1".equals(query.get("watch"))) {
          reads.watch(request, type, path.namespace(), query);
        } else {
          reads.list(request, type, path.namespace(), query);
        }
      } else {
        reads.get(request, type, path, query);
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
        writes.write(request, type, path, query, body.result(), user);
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

  /**
   * {@code pods/attach}: to a running pod's container (the first when none is named), over WebSocket only (kubectl
   * falls back to SPDY, then to following the logs, when the upgrade is refused).
   */
  private void attach(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query) {
    StoredObject stored = resources.get(type, path.namespace(), path.name());
    JsonObject pod = stored.object();
    JsonArray containers = pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers", new JsonArray());
    String container = query.getOrDefault("container", containers.isEmpty() ? ""
        : containers.getJsonObject(0).getString("name"));
    boolean declared = containers.stream().anyMatch(c -> container.equals(((JsonObject) c).getString("name")));
    if (!declared) {
      throw ApiError.badRequest("container " + container + " is not valid for pod " + path.name());
    }
    String phase = pod.getJsonObject("status", new JsonObject()).getString("phase", "Pending");
    if (!"Running".equals(phase)) {
      throw ApiError.badRequest("pod " + path.name() + " is not running (phase " + phase + ")");
    }
    String uid = pod.getJsonObject("metadata").getString("uid");
    AttachSession.start(vertx, request, pod, container, options.containers(), () -> {
      StoredObject now = resources.find(type, path.namespace(), path.name());
      return now != null && uid.equals(now.object().getJsonObject("metadata").getString("uid"));
    });
  }

  // --- admission webhooks ---------------------------------------------------------------------------------------

  // --- scale ----------------------------------------------------------------------------------------------------

  // --- reads ----------------------------------------------------------------------------------------------------

  // --- answers --------------------------------------------------------------------------------------------------

}
