package dev.reflex.app;

import dev.reflex.config.ReflexConfig;
import dev.reflex.controller.ControllerVerticle;
import dev.reflex.custommetrics.MetricsApiServing;
import dev.reflex.custommetrics.MetricsApiVerticle;
import dev.reflex.forecast.ForecastService;
import dev.reflex.grpc.GrpcVerticle;
import dev.reflex.http.HttpVerticle;
import dev.reflex.http.Readiness;
import dev.reflex.http.auth.AccessReviewer;
import dev.reflex.http.auth.BearerAuthHandler;
import dev.reflex.http.auth.PathAccessHandler;
import dev.reflex.http.auth.SamplesAuthorizer;
import dev.reflex.http.auth.TokenReviewer;
import dev.reflex.http.auth.TokenVerdict;
import dev.reflex.http.auth.VerdictCache;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.KubeWatchVerticle;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ScaleActuatorVerticle;
import dev.reflex.metrics.StreamedMetrics;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.metrics.hpa.PodMetricsSource;
import dev.reflex.metrics.ingest.NamespaceAuthorizer;
import dev.reflex.metrics.prometheus.KubeObjectLister;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.routing.InformerPodDirectory;
import dev.reflex.taps.TapRoutes;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reflex proper, against any API server: the HTTP server comes up first (so {@code /healthz} answers and
 * {@code /readyz} says what it waits for), then the watches and the actuator.
 */
public final class ReflexApp {

  private final Runtime runtime;
  private final ReflexConfig config;
  private final KubernetesClient client;
  private final String defaultHost;
  private final List<Consumer<Router>> extraRoutes;
  private final Clock clock;
  private final Duration cronClockOffset;
  private final Readiness readiness = new Readiness();
  private final List<String> deployments = new ArrayList<>();
  private HttpVerticle http;
  private ControllerVerticle controllers;
  private ForecastService forecasts;
  private LeaderGate leader;
  private GrpcVerticle grpc;
  private InformerPodDirectory podDirectory;
  private ResourceCache cache;
  private StreamedMetrics streamed;
  private boolean serveMetricsApis;
  private boolean checkTokens;
  private MetricsApiVerticle metricsApi;
  private String metricsApiCa = "";
  private volatile String controllersDeployment;
  /** The undeploy begun when this replica stopped leading (completed when there was none). */
  private volatile Future<Void> controllersStopped = Future.succeededFuture();

  /**
   * @param defaultHost the HTTP host when {@code http.host} is empty (loopback when embedded)
   * @param extraRoutes routes contributed by the mode (e.g. the embedded load knob)
   */
  public ReflexApp(Runtime runtime, ReflexConfig config, KubernetesClient client, String defaultHost,
      List<Consumer<Router>> extraRoutes) {
    this(runtime, config, client, defaultHost, extraRoutes, Clock.systemUTC());
  }

  /**
   * @param clock the controllers' clock (tests pass one they can move)
   */
  public ReflexApp(Runtime runtime, ReflexConfig config, KubernetesClient client, String defaultHost,
      List<Consumer<Router>> extraRoutes, Clock clock) {
    this.clock = clock;
    this.cronClockOffset = config.embedded().cronClockOffset(clock.instant());
    this.runtime = runtime;
    this.config = config;
    this.client = client;
    this.defaultHost = defaultHost;
    this.extraRoutes = List.copyOf(extraRoutes);
  }

  /**
   * Serves the custom and external metrics APIs whatever {@code custom-metrics.enabled} says (the embedded mode
   * does, to register them with its API server). Call before {@link #start()}.
   */
  public ReflexApp serveMetricsApis() {
    serveMetricsApis = true;
    return this;
  }

  /**
   * Puts every HTTP route but the probes behind bearer-token authentication against this app's API server
   * ({@code http.auth: kubernetes}). Call before {@link #start()}.
   */
  public ReflexApp checkTokens() {
    checkTokens = true;
    return this;
  }

  /** How far ahead of the clock cron rules are read ({@code embedded.cron-clock-start}; zero without it). */
  public Duration cronClockOffset() {
    return cronClockOffset;
  }

  public Future<ReflexApp> start() {
    // One set of informers for everything: the pod directory, the taps and (while leading) the controllers.
    cache = new ResourceCache(client, clock);
    readiness.add("informers", cache::synced);
    KubeWatchVerticle watch = new KubeWatchVerticle(cache);
    TapRoutes taps = new TapRoutes(runtime.taps(), config.taps().bufferSize(), runtime.registry());
    podDirectory = new InformerPodDirectory(cache);
    podDirectory.open();
    KubeRest rest = new KubeRest(client, runtime.vertx(), config.kube().requestTimeout());
    NamespaceAuthorizer samplesAuthorizer = NamespaceAuthorizer.ANYONE;
    Optional<Handler<RoutingContext>> authentication = Optional.empty();
    Optional<Handler<RoutingContext>> metricsAccess = Optional.empty();
    if (checkTokens) {
      Duration ttl = config.http().tokenCacheTtl();
      int size = config.http().tokenCacheSize();
      authentication = Optional.of(new BearerAuthHandler(new VerdictCache<>(ttl,
          v -> v instanceof TokenVerdict.Accepted, size, clock), TokenReviewer.of(rest), runtime.registry()));
      // One cache of SubjectAccessReview verdicts for both, on the HTTP server's event loop.
      AccessReviewer access = AccessReviewer.cached(AccessReviewer.of(rest), new VerdictCache<>(ttl, b -> b, size,
          clock));
      samplesAuthorizer = new SamplesAuthorizer(access);
      metricsAccess = Optional.of(new PathAccessHandler(access, "reflex-metrics-reader"));
    }
    streamed = StreamedMetrics.create(runtime.vertx(), config, podDirectory, runtime.registry(), clock,
        samplesAuthorizer);
    List<Consumer<Router>> routes = new ArrayList<>(extraRoutes);
    routes.add(taps::mount);
    routes.add(streamed.routes());
    http = new HttpVerticle(config.http().hostOr(defaultHost), config.http().port(), readiness, runtime.registry(),
        routes, authentication, metricsAccess);
    ScaleActuatorVerticle actuator = new ScaleActuatorVerticle(rest, runtime.registry(),
        config.shutdown().drainTimeout());
    MetricHistory history = PrometheusMetricHistory.fromConfig(runtime.vertx(), config.prometheus(),
        new KubeObjectLister(rest), clock);
    forecasts = new ForecastService(runtime.vertx(), history, 2);
    grpc = GrpcVerticle.fromConfig(history, config.http().hostOr(defaultHost), config.grpc());
    HpaMetricReader metricReader = new HpaMetricReader(history, !config.prometheus().address().isBlank(),
        PodMetricsSource.metricsServer(rest));
    controllers = new ControllerVerticle(client, cache, rest, clock, config.kube().resyncPeriod(), forecasts,
        new ControllerVerticle.Streamed(streamed.kpa(), streamed.hpa(), streamed.resourceSeries(), metricReader),
        config.algorithmJob(), cronClockOffset);
    return deploy(http)
        .compose(v -> cache.start(runtime.vertx().getOrCreateContext()))
        .compose(v -> streamed.deploy(runtime.vertx()).map(ids -> {
          deployments.addAll(ids);
          return (Void) null;
        }))
        .compose(v -> deploy(actuator))
        .compose(v -> deploy(watch))
        .compose(v -> deploy(grpc))
        .compose(v -> startMetricsApis(history))
        .compose(v -> startControllers())
        .map(v -> this);
  }

  /**
   * Without leader election the controllers start at once; with it, only while this replica leads. A standby is
   * ready (it serves metrics and gRPC) but reconciles nothing.
   */
  private Future<Void> startControllers() {
    if (!config.leaderElection().enabled()) {
      readiness.add("controllers", controllers::synced);
      return deploy(controllers);
    }
    readiness.add("controllers", () -> !leader.leading() || controllers.synced());
    leader = new LeaderGate(client, config.leaderElection(), runtime.vertx().getOrCreateContext(),
        () -> runtime.vertx().deployVerticle(controllers).onSuccess(id -> controllersDeployment = id),
        () -> {
          if (controllersDeployment != null) {
            controllersStopped = runtime.vertx().undeploy(controllersDeployment)
                .recover(e -> Future.succeededFuture());
            controllersDeployment = null;
          }
        });
    leader.start();
    return Future.succeededFuture();
  }

  private Future<Void> startMetricsApis(MetricHistory history) {
    ReflexConfig.CustomMetrics settings = config.customMetrics();
    if (!settings.enabled() && !serveMetricsApis) {
      return Future.succeededFuture();
    }
    return MetricsApiServing.tls(runtime.vertx(), settings, clock).compose(serving -> {
      metricsApiCa = serving.caPem();
      metricsApi = new MetricsApiVerticle(new MetricsApiVerticle.Options(config.http().hostOr(defaultHost),
          settings.port(), serving.tls(), config.metrics().staleAfter(), settings.maxSeries()),
          namespace -> cache.list(ResourceCache.Kind.POD, namespace), history,
          !config.prometheus().address().isBlank(), clock);
      return deploy(metricsApi);
    });
  }

  /** The HTTPS port of the metrics APIs; -1 when they are not served. */
  public int metricsApiPort() {
    return metricsApi == null ? -1 : metricsApi.port();
  }

  /**
   * The CA (PEM) that signed the metrics APIs' certificate when Reflex made it itself (the caBundle of their
   * APIServices); empty when the certificate came from {@code custom-metrics.tls-cert}.
   */
  public String metricsApiCaPem() {
    return metricsApiCa;
  }

  /** The pod directory of streamed metrics (pods → workloads, ready counts). */
  public InformerPodDirectory podDirectory() {
    return podDirectory;
  }

  /** Streamed metrics: remote-write and Kafka ingest and the streamed KPA. */
  public StreamedMetrics streamed() {
    return streamed;
  }

  /** The bound gRPC port of the metric ProviderService. */
  public int grpcPort() {
    return grpc.port();
  }

  /** The bound HTTP port. */
  public int httpPort() {
    return http.actualPort();
  }

  /** Whether this replica runs the controllers (always, without leader election). */
  public boolean leading() {
    return leader == null || leader.leading();
  }

  /** The controllers (tests use it to resync after moving their clock). */
  public ControllerVerticle controllers() {
    return controllers;
  }

  public Readiness readiness() {
    return readiness;
  }

  /**
   * Stops the controllers, then the informers, then undeploys the rest in reverse order: the actuator drains its
   * in-flight writes, HTTP goes last.
   */
  public Future<Void> stop() {
    if (leader != null) {
      leader.stop();
    }
    // Giving up the lease runs the stop-leading callback, which may already have begun the controllers' undeploy:
    // wait for that one too, so that a stopped app has no controller left acting on the cluster.
    String deployment = controllersDeployment;
    Future<Void> chain = deployment == null ? controllersStopped
        : runtime.vertx().undeploy(deployment).recover(e -> controllersStopped);
    chain = chain.compose(v -> {
      if (cache != null) {
        cache.stop();
      }
      return Future.<Void>succeededFuture();
    });
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> runtime.vertx().undeploy(id)).recover(e -> Future.succeededFuture());
    }
    if (podDirectory != null) {
      chain = chain.compose(v -> {
        podDirectory.close();
        return Future.<Void>succeededFuture();
      });
    }
    return forecasts == null ? chain : chain.compose(v -> forecasts.close()).recover(e -> Future.succeededFuture());
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle) {
    return runtime.vertx().deployVerticle(verticle).map(id -> {
      deployments.add(id);
      return null;
    });
  }
}
