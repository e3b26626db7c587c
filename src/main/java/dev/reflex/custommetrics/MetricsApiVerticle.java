package dev.reflex.custommetrics;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.SampleMessage;
import dev.reflex.config.ConfigException;
import dev.reflex.custommetrics.MetricsApiJson.Listed;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.metrics.query.MetricHistory;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTTPS server of the custom and external metrics APIs, behind APIService objects: the aggregation layer
 * proxies {@code /apis/custom.metrics.k8s.io/...} and {@code /apis/external.metrics.k8s.io/...} here. It keeps
 * the newest streamed sample of every series from {@link Addresses#METRICS_SAMPLE} and answers from them first,
 * then from Prometheus. Everything runs on this verticle's event loop; Prometheus is asked without blocking.
 */
public final class MetricsApiVerticle extends VerticleBase {

  /** The certificate and key (PEM) the server presents. */
  public record Tls(String certificatePem, String privateKeyPem) {
  }

  /**
   * What the server needs.
   *
   * @param host the listen address
   * @param port the listen port, 0 for any
   * @param tls the serving certificate
   * @param staleAfter how old a streamed sample may be and still be served ({@code metrics.stale-after})
   * @param maxSeries the most streamed series held
   */
  public record Options(String host, int port, Tls tls, Duration staleAfter, int maxSeries) {
  }

  private final Options options;
  private final StreamedSamples streamed;
  private final MetricsApiSource source;
  private final MetricCatalog catalog;
  private final Clock clock;
  private HttpServer server;
  private MessageConsumer<Object> samples;
  private long sweep;

  /**
   * @param podsIn the pods of a namespace, from the informer cache
   * @param history Prometheus through the adapter rules
   * @param historyConfigured whether {@code prometheus.address} is set
   */
  public MetricsApiVerticle(Options options, Function<String, List<JsonObject>> podsIn,
      MetricHistory history, boolean historyConfigured, Clock clock) {
    // Discovery lists the rules' metrics only when Prometheus is what answers the queries.
    this(options, podsIn, history, historyConfigured, history instanceof PrometheusMetricHistory prometheus
        ? new PrometheusMetricCatalog(prometheus.catalog()) : MetricCatalog.NONE, clock);
  }

  MetricsApiVerticle(Options options, Function<String, List<JsonObject>> podsIn,
      MetricHistory history, boolean historyConfigured, MetricCatalog catalog,
      Clock clock) {
    this.options = options;
    this.streamed = new StreamedSamples(options.staleAfter(), options.maxSeries());
    this.source = new MetricsApiSource(streamed, podsIn, history, historyConfigured);
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The port bound. */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    samples = vertx.eventBus().localConsumer(Addresses.METRICS_SAMPLE, message -> {
      if (message.body() instanceof SampleMessage.Batch batch) {
        streamed.accept(batch);
      }
    });
    sweep = vertx.setPeriodic(Math.max(1000, options.staleAfter().toMillis()), id -> streamed.evictStale(
        clock.instant()));
    Router router = Router.router(vertx);
    for (String path : List.of("/healthz", "/livez", "/readyz")) {
      router.get(path).handler(rc -> rc.response().putHeader("Content-Type", "text/plain").end("ok"));
    }
    router.get("/apis").handler(rc -> json(rc, 200, groupList()));
    router.getWithRegex("/apis/(custom|external)\\.metrics\\.k8s\\.io(/.*)?").handler(this::handle);
    router.route().handler(rc -> failed(rc, MetricsApiException.notFound(
        "the server could not find the requested resource")));
    HttpServerOptions serving = new HttpServerOptions().setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .addCertValue(Buffer.buffer(options.tls().certificatePem()))
        .addKeyValue(Buffer.buffer(options.tls().privateKeyPem())));
    return vertx.createHttpServer(serving).requestHandler(router).listen(options.port(), options.host())
        .onSuccess(s -> server = s)
        .recover(e -> Future.failedFuture(new ConfigException("cannot serve the metrics APIs on " + options.host()
            + ":" + options.port() + " (configuration key 'custom-metrics.port'): " + e.getMessage(), e)));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweep);
    Future<Void> unregistered = samples == null ? Future.succeededFuture() : samples.unregister();
    return server == null ? unregistered : unregistered.compose(v -> server.close());
  }

  private void handle(RoutingContext rc) {
    MetricsApiRequest request;
    try {
      request = MetricsApiPaths.parse(rc.request().path(), rc.request()::getParam);
    } catch (MetricsApiException e) {
      failed(rc, e);
      return;
    }
    Future<JsonObject> answer;
    if (request instanceof MetricsApiRequest.GroupDocument document) {
      answer = Future.succeededFuture(group(document.group()));
    } else if (request instanceof MetricsApiRequest.ListResources list) {
      answer = resources(list);
    } else if (request instanceof MetricsApiRequest.ObjectValues objects) {
      answer = source.objects(objects, clock.instant()).map(v -> MetricsApiJson.objectList(objects.version(), v));
    } else {
      MetricsApiRequest.ExternalValues external = (MetricsApiRequest.ExternalValues) request;
      answer = source.external(external, clock.instant()).map(MetricsApiJson::externalList);
    }
    answer.onSuccess(body -> json(rc, 200, body)).onFailure(e -> failed(rc, e instanceof MetricsApiException m ? m
        : MetricsApiException.internal(String.valueOf(e.getMessage()))));
  }

  private Future<JsonObject> resources(MetricsApiRequest.ListResources list) {
    StreamedSamples.Names names = streamed.names(clock.instant());
    Set<Listed> listed = new LinkedHashSet<>();
    if (MetricsApiPaths.EXTERNAL.equals(list.group())) {
      names.all().forEach(n -> listed.add(new Listed(n, true)));
      return catalog.external().otherwise(List.of()).map(more -> {
        listed.addAll(more);
        return MetricsApiJson.resourceList(list.group(), list.version(), new ArrayList<>(listed));
      });
    }
    names.podMetrics().forEach(n -> listed.add(new Listed("pods/" + n, true)));
    for (Map.Entry<String, Set<String>> e : names.workloadMetrics().entrySet()) {
      ObjectKinds.listedResource("", e.getKey(), true).ifPresent(resource -> e.getValue().forEach(n -> listed.add(
          new Listed(resource + "/" + n, true))));
    }
    return catalog.custom().otherwise(List.of()).map(more -> {
      listed.addAll(more);
      return MetricsApiJson.resourceList(list.group(), list.version(), new ArrayList<>(listed));
    });
  }

  private static JsonObject groupList() {
    return new JsonObject().put("kind", "APIGroupList").put("apiVersion", "v1").put("groups", new JsonArray()
        .add(group(MetricsApiPaths.CUSTOM)).add(group(MetricsApiPaths.EXTERNAL)));
  }

  private static JsonObject group(String name) {
    List<String> versions = MetricsApiPaths.CUSTOM.equals(name) ? MetricsApiPaths.CUSTOM_VERSIONS
        : List.of(MetricsApiPaths.EXTERNAL_VERSION);
    JsonArray listed = new JsonArray();
    versions.forEach(v -> listed.add(new JsonObject().put("groupVersion", name + "/" + v).put("version", v)));
    return new JsonObject().put("kind", "APIGroup").put("apiVersion", "v1").put("name", name)
        .put("versions", listed).put("preferredVersion", listed.getJsonObject(0));
  }

  private static void json(RoutingContext rc, int code, JsonObject body) {
    rc.response().setStatusCode(code).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static void failed(RoutingContext rc, MetricsApiException e) {
    json(rc, e.code(), MetricsApiJson.status(e));
  }
}
