package dev.reflex.metrics;

import dev.reflex.bus.Addresses;
import dev.reflex.config.ConfigException;
import dev.reflex.config.ReflexConfig;
import dev.reflex.metrics.ingest.ClientRateLimiter;
import dev.reflex.metrics.ingest.IngestMeters;
import dev.reflex.metrics.ingest.KafkaIngestVerticle;
import dev.reflex.metrics.ingest.NamespaceAuthorizer;
import dev.reflex.metrics.ingest.RemoteWriteRoutes;
import dev.reflex.metrics.ingest.SampleIngest;
import dev.reflex.metrics.kpa.StreamedKpa;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.kubehpa.ResourceSeries;
import dev.reflex.metrics.kubehpa.StreamedHpa;
import dev.reflex.metrics.routing.PodDirectory;
import dev.reflex.metrics.routing.RoutingRules;
import dev.reflex.metrics.routing.SampleRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streamed-metrics pieces built from the configuration, for the application to wire: mount {@link #routes()}
 * on the HTTP server and {@link #deploy} the verticles; register workloads on {@link #kpa()}.
 */
public final class StreamedMetrics {

  /** How many remote-write clients the rate limit tracks at once (Prometheus shards of every writer). */
  private static final int RATE_LIMITED_CLIENTS = 10_000;

  private final IngestMeters meters;
  private final SampleIngest ingest;
  private final RemoteWriteRoutes routes;
  private final StreamedKpa kpa;
  private final StreamedHpa hpa;
  private final ResourceSeries resourceSeries;
  private final KafkaIngestVerticle kafka;

  private StreamedMetrics(IngestMeters meters, SampleIngest ingest, RemoteWriteRoutes routes, StreamedKpa kpa,
      StreamedHpa hpa, ResourceSeries resourceSeries, KafkaIngestVerticle kafka) {
    this.hpa = hpa;
    this.resourceSeries = resourceSeries;
    this.meters = meters;
    this.ingest = ingest;
    this.routes = routes;
    this.kpa = kpa;
    this.kafka = kafka;
  }

  /**
   * Builds everything; nothing is deployed yet.
   *
   * @param vertx the shared Vert.x
   * @param config the configuration ({@code remote-write.*}, {@code metrics.*}, {@code kafka.*})
   * @param pods pod → workload resolution and ready counts
   * @param registry where the counters are registered
   * @param authorizer the namespaces each remote-write caller may write
   * @throws ConfigException when {@code metrics.label-overrides} or {@code metrics.resource-series} is malformed
   *     (the message names the key and the entry)
   */
  public static StreamedMetrics create(Vertx vertx, ReflexConfig config, PodDirectory pods, MeterRegistry registry,
      Clock clock, NamespaceAuthorizer authorizer) {
    RoutingRules rules;
    try {
      rules = RoutingRules.parse(config.metrics().labelOverrides());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key 'metrics.label-overrides': " + e.getMessage(), e);
    }
    ResourceSeries resourceSeries;
    try {
      resourceSeries = ResourceSeries.parse(config.metrics().resourceSeries());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key 'metrics.resource-series': " + e.getMessage(), e);
    }
    IngestMeters meters = new IngestMeters(registry);
    SampleIngest ingest = new SampleIngest(new SampleRouter(rules, pods), meters,
        batch -> vertx.eventBus().publish(Addresses.METRICS_SAMPLE, batch));
    RemoteWriteRoutes routes = new RemoteWriteRoutes(vertx, ingest, config.remoteWrite().maxBodyBytes(),
        config.remoteWrite().maxPendingBatches(), registry, clock,
        new ClientRateLimiter(config.remoteWrite().clientRateLimit(), RATE_LIMITED_CLIENTS, clock), authorizer);
    StreamedKpaEngine.Config deciders = new StreamedKpaEngine.Config(config.metrics().decisionInterval(),
        config.metrics().staleAfter(), config.metrics().maxSeriesPerTarget());
    StreamedKpa kpa = new StreamedKpa(deciders, pods, meters, clock);
    StreamedHpa hpa = new StreamedHpa(deciders, pods, meters, clock);
    KafkaIngestVerticle kafka = config.kafka().enabled()
        ? new KafkaIngestVerticle(config.kafka().bootstrapServers(), config.kafka().topics(),
            config.kafka().groupId(), Map.of(), ingest, config.remoteWrite().maxBodyBytes(), registry, clock)
        : null;
    return new StreamedMetrics(meters, ingest, routes, kpa, hpa, resourceSeries, kafka);
  }

  /** {@code POST /api/v1/write}: a route contributor for the HTTP verticle. */
  public RemoteWriteRoutes routes() {
    return routes;
  }

  /** The streamed KPA: register and unregister workloads here. */
  public StreamedKpa kpa() {
    return kpa;
  }

  /** The streamed values and scale-up trigger of KubeHPA portraits: set their watches here. */
  public StreamedHpa hpa() {
    return hpa;
  }

  /** Which streamed gauges stand for Resource metrics ({@code metrics.resource-series}). */
  public ResourceSeries resourceSeries() {
    return resourceSeries;
  }

  /** The Kafka consumer, when {@code kafka.bootstrap-servers} is set. */
  public Optional<KafkaIngestVerticle> kafka() {
    return Optional.ofNullable(kafka);
  }

  /** The shared ingest path (for other producers of samples). */
  public SampleIngest ingest() {
    return ingest;
  }

  /** The counters. */
  public IngestMeters meters() {
    return meters;
  }

  /**
   * Deploys the streamed KPA, the KubeHPA trigger and, when configured, the Kafka consumer (as a worker verticle).
   *
   * @return the deployment ids, for undeploying in reverse order
   */
  public Future<List<String>> deploy(Vertx vertx) {
    List<String> ids = new ArrayList<>();
    Future<String> deployed = vertx.deployVerticle(kpa).onSuccess(ids::add)
        .compose(id -> vertx.deployVerticle(hpa).onSuccess(ids::add));
    if (kafka != null) {
      deployed = deployed.compose(id -> vertx.deployVerticle(kafka,
          new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).onSuccess(ids::add));
    }
    return deployed.map(last -> ids);
  }
}
