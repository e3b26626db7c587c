package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The API aggregation layer (kube-aggregator): requests under {@code /apis/<group>/<version>} of an APIService that
 * names a Service are forwarded over HTTPS to that Service, the user passed on in {@code X-Remote-User}, {@code
 * X-Remote-Group} and {@code X-Remote-Extra-*} as kube's front proxy does, and the answer streamed back as it
 * comes (a watch's chunks one by one).
 *
 * <p>TLS follows the APIService: its {@code caBundle} is the trust root and the certificate must be valid for
 * {@code name.namespace.svc}, whatever address the {@link ServiceResolver} dials; {@code insecureSkipTLSVerify}
 * trusts anything. The proxy presents no client certificate (kube presents its front-proxy certificate), so the
 * aggregated server must accept the {@code X-Remote-*} headers without one.
 *
 * <p>Errors are kube's plain-text answers, which client-go reports as {@code the server is currently unable to
 * handle the request}: 503 {@code service unavailable} when the APIService is not Available or its Service cannot
 * be resolved, 503 {@code error trying to reach service: <why>} when the call fails before an answer.
 * Upgrade requests (exec, port-forward over SPDY or WebSocket) are not proxied.
 */
public final class AggregationProxy {

  /** Headers that describe one hop, or that carry the caller's credentials or claimed identity: never forwarded. */
  private static final Set<String> DROPPED_REQUEST_HEADERS = Set.of("connection", "keep-alive",
      "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
      "upgrade", "host", "authorization");

  private static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive",
      "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
      "upgrade");

  /** How long the availability check and discovery wait, as kube's availability controller. */
  private static final long CHECK_TIMEOUT_MILLIS = 5000;

  private static final UserInfo AGGREGATOR = new UserInfo("system:kube-aggregator", "", List.of("system:masters"),
      Map.of());

  private final Vertx vertx;
  private final HttpClient client;
  private final ServiceResolver services;
  private final Supplier<List<JsonObject>> apiServices;

  /**
   * @param apiServices the stored APIService objects, read on each call
   */
  public AggregationProxy(Vertx vertx, ServiceResolver services, Supplier<List<JsonObject>> apiServices) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    this.services = services;
    this.apiServices = apiServices;
  }

  public Future<Void> close() {
    return client.close();
  }

  /**
   * The APIService a request path belongs to: {@code /apis/<group>/<version>} and everything below it, when an
   * APIService for that group version names a Service. Local APIServices (no {@code spec.service}) and the group
   * document {@code /apis/<group>} stay with this server.
   */
  public Optional<JsonObject> route(String path) {
    return route(path, apiServices.get());
  }

  /** {@link #route(String)} over the given APIService objects. */
  static Optional<JsonObject> route(String path, List<JsonObject> apiServices) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    if (!bare.startsWith("/apis/")) {
      return Optional.empty();
    }
    String[] segments = bare.substring("/apis/".length()).split("/");
    if (segments.length < 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
      return Optional.empty();
    }
    for (JsonObject apiService : apiServices) {
      JsonObject spec = apiService.getJsonObject("spec", new JsonObject());
      if (segments[0].equals(spec.getString("group")) && segments[1].equals(spec.getString("version"))
          && spec.getJsonObject("service") != null) {
        return Optional.of(apiService);
      }
    }
    return Optional.empty();
  }

  /**
   * Forwards {@code request} to {@code apiService}'s Service and streams the answer into its response. Call it
   * from the request handler before anything reads the body (it pauses the request while the Service is resolved).
   * The future completes when the answer has been passed on or an error answer written; it does not fail.
   */
  public Future<Void> proxy(HttpServerRequest request, JsonObject apiService, UserInfo user) {
    request.pause();
    HttpServerResponse response = request.response();
    if (!ApiServiceAvailability.isAvailable(apiService)) {
      return plainError(request, 503, "service unavailable");
    }
    JsonObject spec = apiService.getJsonObject("spec", new JsonObject());
    JsonObject service = spec.getJsonObject("service");
    String host = service.getString("name", "") + "." + service.getString("namespace", "") + ".svc";
    int port = service.getInteger("port", 443);
    ClientSSLOptions ssl;
    try {
      ssl = ssl(spec);
    } catch (IllegalArgumentException e) {
      return plainError(request, 500, e.getMessage());
    }
    SocketAddress[] dialled = new SocketAddress[1];
    return services.resolve(service.getString("namespace", ""), service.getString("name", ""), port)
        .transform(resolved -> {
          if (resolved.failed()) {
            return plainError(request, 503, "service unavailable");
          }
          dialled[0] = resolved.result();
          RequestOptions options = new RequestOptions().setMethod(request.method()).setServer(resolved.result())
              .setHost(host).setPort(port).setURI(request.path() + sortedQuery(request.query())).setSsl(true)
              .setSslOptions(ssl).setHeaders(forwardedHeaders(request, user));
          return client.request(options)
              .compose(outgoing -> exchange(request, outgoing))
              .compose(incoming -> relay(incoming, response))
              .recover(e -> {
                if (!response.headWritten()) {
                  return plainError(request, 503, "error trying to reach service: "
                      + GoNetErrors.describe(e, dialled[0]));
                }
                response.reset();
                return Future.succeededFuture();
              });
        });
  }

  /** Sends the request, its body streamed from the caller's; a caller that goes away cancels it. */
  private static Future<HttpClientResponse> exchange(HttpServerRequest request, HttpClientRequest outgoing) {
    request.response().closeHandler(v -> outgoing.reset());
    boolean hasBody = request.getHeader("Content-Length") != null && !"0".equals(request.getHeader("Content-Length"))
        || request.getHeader("Transfer-Encoding") != null;
    if (hasBody) {
      return outgoing.send(request);
    }
    request.resume();
    return outgoing.send();
  }

  private static Future<Void> relay(HttpClientResponse incoming, HttpServerResponse response) {
    response.setStatusCode(incoming.statusCode());
    if (incoming.statusMessage() != null) {
      response.setStatusMessage(incoming.statusMessage());
    }
    incoming.headers().forEach(header -> {
      if (!DROPPED_RESPONSE_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        response.headers().add(header.getKey(), header.getValue());
      }
    });
    if (incoming.getHeader("Content-Length") == null) {
      response.setChunked(true);
    }
    return incoming.pipeTo(response);
  }

  /** The caller's headers minus hop-by-hop ones and credentials, plus the user as the front proxy states it. */
  static MultiMap forwardedHeaders(HttpServerRequest request, UserInfo user) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Set<String> named = new java.util.HashSet<>();
    for (String token : request.headers().getAll("Connection")) {
      for (String name : token.split(",")) {
        named.add(name.trim().toLowerCase(Locale.ROOT));
      }
    }
    request.headers().forEach(header -> {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!DROPPED_REQUEST_HEADERS.contains(name) && !named.contains(name) && !name.startsWith("x-remote-")
          && !name.startsWith("impersonate-")) {
        headers.add(header.getKey(), header.getValue());
      }
    });
    if (request.remoteAddress() != null) {
      headers.add("X-Forwarded-For", request.remoteAddress().hostAddress());
    }
    addUser(headers, user);
    return headers;
  }

  private static void addUser(MultiMap headers, UserInfo user) {
    headers.add("X-Remote-User", user.username());
    user.groups().forEach(group -> headers.add("X-Remote-Group", group));
    new TreeMap<>(user.extra()).forEach((key, values) -> values.forEach(value ->
        headers.add("X-Remote-Extra-" + URLEncoder.encode(key, StandardCharsets.UTF_8), value)));
  }

  /** Go's {@code url.Values.Encode}: parameters sorted by key, kube re-encodes the query this way when proxying. */
  static String sortedQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>(List.of(query.split("&")));
    pairs.removeIf(String::isEmpty);
    pairs.sort(Comparator.comparing(pair -> pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair));
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static ClientSSLOptions ssl(JsonObject spec) {
    return spec.getBoolean("insecureSkipTLSVerify", false) ? TlsTrust.insecure()
        : TlsTrust.verifying(spec.getString("caBundle"));
  }

  /** Go's {@code http.Error}: plain text, a newline, no sniffing. */
  private static Future<Void> plainError(HttpServerRequest request, int code, String text) {
    request.resume();
    HttpServerResponse response = request.response();
    if (response.headWritten()) {
      response.reset();
      return Future.succeededFuture();
    }
    response.setStatusCode(code).putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff");
    return response.end(text + "\n").otherwiseEmpty();
  }

  // --- discovery and availability -------------------------------------------------------------------------------

  /**
   * The APIResourceList the Service serves at {@code /apis/<group>/<version>}, fetched with the proxy's TLS
   * settings as kube's discovery aggregation does, for the server to merge into its own discovery. Fails with the
   * reason when the Service cannot be reached or answers other than 2xx with JSON.
   */
  public Future<JsonObject> discover(JsonObject apiService) {
    JsonObject spec = apiService.getJsonObject("spec", new JsonObject());
    JsonObject service = spec.getJsonObject("service");
    if (service == null) {
      return Future.failedFuture(new IllegalArgumentException("APIService " + name(apiService) + " is local"));
    }
    ClientSSLOptions ssl;
    try {
      ssl = ssl(spec);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    String path = discoveryPath(apiService);
    return get(service, path, ssl).compose(reply -> {
      if (reply.status() < 200 || reply.status() >= 300) {
        return Future.failedFuture(new IllegalStateException("bad status from " + path + ": " + reply.status()));
      }
      try {
        return Future.succeededFuture(new JsonObject(reply.body()));
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalStateException("discovery document of " + path
            + " is not a JSON object: " + e.getMessage()));
      }
    });
  }

  /**
   * Checks an APIService as kube's availability controller does: local ones are always available; otherwise the
   * Service must exist and (for ClusterIP Services) have the port, and a GET of the discovery path must answer 2xx
   * within 5 s (TLS not verified: the check is best effort, as kube's). Endpoints are not checked: the embedded
   * cluster's Services have none to check. Feed the result to {@link ApiServiceAvailability#status}.
   *
   * @param serviceLookup a Service object by namespace and name, null when there is none
   */
  public Future<ApiServiceAvailability.Check> check(JsonObject apiService,
      BiFunction<String, String, JsonObject> serviceLookup) {
    JsonObject spec = apiService.getJsonObject("spec", new JsonObject());
    JsonObject ref = spec.getJsonObject("service");
    if (ref == null) {
      return Future.succeededFuture(new ApiServiceAvailability.Local());
    }
    String namespace = ref.getString("namespace", "");
    String name = ref.getString("name", "");
    int port = ref.getInteger("port", 443);
    JsonObject service = serviceLookup.apply(namespace, name);
    if (service == null) {
      return Future.succeededFuture(new ApiServiceAvailability.ServiceNotFound(namespace, name));
    }
    JsonObject serviceSpec = service.getJsonObject("spec", new JsonObject());
    if ("ClusterIP".equals(serviceSpec.getString("type", "ClusterIP"))) {
      boolean listening = serviceSpec.getJsonArray("ports", new io.vertx.core.json.JsonArray()).stream()
          .anyMatch(p -> p instanceof JsonObject o && o.getInteger("port", -1) == port);
      if (!listening) {
        return Future.succeededFuture(new ApiServiceAvailability.ServicePortError(namespace, name, port));
      }
    }
    String path = discoveryPath(apiService);
    return services.resolve(namespace, name, port).transform(resolved -> {
      if (resolved.failed()) {
        return Future.succeededFuture(new ApiServiceAvailability.FailedDiscovery(
            String.valueOf(resolved.cause().getMessage())));
      }
      SocketAddress address = resolved.result();
      String url = "https://" + hostPort(address) + path;
      return HttpsCall.send(vertx, client, HttpMethod.GET, address, address.host(), address.port(), path,
              TlsTrust.insecure(), aggregatorHeaders(), null, CHECK_TIMEOUT_MILLIS)
          .transform(reply -> {
            String failing = "failing or missing response from " + url + ": ";
            if (reply.failed()) {
              return Future.succeededFuture(new ApiServiceAvailability.FailedDiscovery(failing + "Get \"" + url
                  + "\": " + GoNetErrors.describe(reply.cause(), address)));
            }
            int status = reply.result().status();
            if (status < 200 || status >= 300) {
              return Future.succeededFuture(new ApiServiceAvailability.FailedDiscovery(failing + "bad status from "
                  + url + ": " + status));
            }
            return Future.succeededFuture(new ApiServiceAvailability.Passed());
          });
    });
  }

  private Future<HttpsCall.Reply> get(JsonObject service, String path, ClientSSLOptions ssl) {
    String host = service.getString("name", "") + "." + service.getString("namespace", "") + ".svc";
    int port = service.getInteger("port", 443);
    return services.resolve(service.getString("namespace", ""), service.getString("name", ""), port)
        .compose(address -> HttpsCall.send(vertx, client, HttpMethod.GET, address, host, port, path, ssl,
                aggregatorHeaders().add("Accept", "application/json"), null, CHECK_TIMEOUT_MILLIS)
            .recover(e -> Future.failedFuture(new IllegalStateException("Get \"https://" + host + ":" + port + path
                + "\": " + GoNetErrors.describe(e, address), e))));
  }

  private static MultiMap aggregatorHeaders() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    addUser(headers, AGGREGATOR);
    return headers;
  }

  private static String discoveryPath(JsonObject apiService) {
    JsonObject spec = apiService.getJsonObject("spec", new JsonObject());
    // The legacy core group's APIService is named "v1." and lives under /api.
    if ("v1.".equals(name(apiService))) {
      return "/api/" + spec.getString("version", "");
    }
    return "/apis/" + spec.getString("group", "") + "/" + spec.getString("version", "");
  }

  private static String name(JsonObject apiService) {
    return apiService.getJsonObject("metadata", new JsonObject()).getString("name", "");
  }

  private static String hostPort(SocketAddress address) {
    String host = address.hostAddress() != null ? address.hostAddress() : address.host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.port();
  }
}
