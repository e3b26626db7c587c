package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.Answers.aggregated;
import static dev.reflex.embedded.apiserver.Answers.json;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** The requests that name no resource: /version, health, discovery (plain and aggregated) and OpenAPI. */
final class DiscoveryRoutes {

  private final ResourceRegistry registry;
  private final AggregatedApis aggregatedApis;
  private final ApiServerOptions options;
  private final IntSupplier port;
  private OpenApiDocuments.Published openApi;
  private long openApiGeneration = -1;

  DiscoveryRoutes(ResourceRegistry registry, AggregatedApis aggregatedApis, ApiServerOptions options,
      IntSupplier port) {
    this.registry = registry;
    this.aggregatedApis = aggregatedApis;
    this.options = options;
    this.port = port;
  }

  void nonResource(HttpServerRequest request, String path) {
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
          json(request.response(), 200, DiscoveryDocuments.coreVersions(options.host() + ":" + port.getAsInt()));
        }
      }
      case "/apis", "/apis/" -> {
        if (aggregated) {
          aggregated(request.response(), withAggregatedServers(DiscoveryDocuments.aggregated(registry.all(),
              false)));
        } else {
          json(request.response(), 200, DiscoveryDocuments.groups(discoverable()));
        }
      }
      case "/api/v1" -> json(request.response(), 200,
          DiscoveryDocuments.resources("v1", registry.all()).orElseThrow(ApiError::pathNotFound));
      default -> groupDiscoveryOrOpenApi(request, path);
    }
  }

  void groupDiscoveryOrOpenApi(HttpServerRequest request, String path) {
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

  void openApi(HttpServerRequest request, String path) {
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
  OpenApiDocuments.Published openApiDocuments() {
    if (openApi == null || openApiGeneration != registry.generation()) {
      openApi = OpenApiDocuments.publish(registry.all());
      openApiGeneration = registry.generation();
    }
    return openApi;
  }

  /** What discovery lists: the served types and those of the aggregated servers. */
  /** Aggregated discovery of this server's groups, and then of each aggregated server's. */
  JsonObject withAggregatedServers(JsonObject discovery) {
    aggregatedApis.discoveryItems().forEach(discovery.getJsonArray("items")::add);
    return discovery;
  }

  List<ResourceType> discoverable() {
    List<ResourceType> aggregatedTypes = aggregatedApis.types();
    if (aggregatedTypes.isEmpty()) {
      return registry.all();
    }
    List<ResourceType> all = new ArrayList<>(registry.all());
    all.addAll(aggregatedTypes);
    return all;
  }
}
