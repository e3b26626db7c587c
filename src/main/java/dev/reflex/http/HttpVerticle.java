package dev.reflex.http;

import dev.reflex.config.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP server. The probes ({@code /healthz}, {@code /readyz}) are always open, as a kubelet calls them without
 * credentials; every other route sits behind the authentication handler when there is one. Fails its start with a
 * {@link ConfigException} when the port is taken.
 */
public final class HttpVerticle extends VerticleBase {

  private final String host;
  private final int port;
  private final Readiness readiness;
  private final PrometheusMeterRegistry registry;
  private final List<Consumer<Router>> routes;
  private final Optional<Handler<RoutingContext>> authentication;
  private final Optional<Handler<RoutingContext>> metricsAccess;
  private HttpServer server;

  /**
   * @param routes contributors that mount further routes (taps, remote-write, …)
   * @param authentication the handler every route but the probes passes first, or empty for open endpoints
   * @param metricsAccess the handler {@code /metrics} passes next, or empty when any caller may read it
   */
  public HttpVerticle(String host, int port, Readiness readiness, PrometheusMeterRegistry registry,
      List<Consumer<Router>> routes, Optional<Handler<RoutingContext>> authentication,
      Optional<Handler<RoutingContext>> metricsAccess) {
    this.host = host;
    this.port = port;
    this.readiness = readiness;
    this.registry = registry;
    this.routes = List.copyOf(routes);
    this.authentication = authentication;
    this.metricsAccess = metricsAccess;
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(rc -> rc.response().putHeader("Content-Type", "text/plain").end("ok\n"));
    router.get("/readyz").handler(rc -> {
      List<String> failing = readiness.failing();
      if (failing.isEmpty()) {
        rc.response().putHeader("Content-Type", "text/plain").end("ok\n");
      } else {
        rc.response().setStatusCode(503).putHeader("Content-Type", "text/plain")
            .end("not ready: " + String.join(", ", failing) + "\n");
      }
    });
    authentication.ifPresent(handler -> router.route().handler(handler));
    metricsAccess.ifPresent(handler -> router.get("/metrics").handler(handler));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    routes.forEach(r -> r.accept(router));
    return vertx.createHttpServer().requestHandler(router).listen(port, host)
        .onSuccess(s -> server = s)
        .recover(e -> Future.failedFuture(bindError(e)));
  }

  private Throwable bindError(Throwable e) {
    String text = String.valueOf(e.getMessage());
    if (e instanceof BindException || text.contains("Address already in use")) {
      return new ConfigException("port " + port + " on " + host + " is already in use (configuration key"
          + " 'http.port' / REFLEX_HTTP_PORT)", e);
    }
    return new ConfigException("cannot listen on " + host + ":" + port + ": " + text, e);
  }
}
