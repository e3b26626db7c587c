package dev.reflex.embedded;

import dev.reflex.config.ConfigException;
import dev.reflex.config.ReflexConfig;
import dev.reflex.custommetrics.MetricsApiServing;
import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeClients;
import dev.reflex.kube.KubeOps;
import dev.reflex.kube.KubeRest;
import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import dev.reflex.metrics.load.LoadGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * The whole embedded cluster: API server, kubeconfig, CRDs and sample workloads, simulator, and the load knob's
 * HTTP route. Reflex itself is started separately against {@link #url()}, exactly as it would be against a real
 * cluster.
 */
public final class EmbeddedCluster implements AutoCloseable {

  /** Where the generated CRDs are checked in; applied at start when present. */
  public static final Path CRD_DIR = Path.of("deploy/crds");

  private final EmbeddedApiServer server;
  private final KubernetesClient client;
  private final SimulatedLoad load;
  private final ApiFaults faults;
  private final Vertx vertx;
  private final KubeRest rest;
  private String simulatorDeployment;
  private final PodMetricsEmitter emitter;

  private EmbeddedCluster(EmbeddedApiServer server, KubernetesClient client, SimulatedLoad load, ApiFaults faults,
      Vertx vertx, KubeRest rest, PodMetricsEmitter emitter) {
    this.rest = rest;
    this.emitter = emitter;
    this.server = server;
    this.client = client;
    this.load = load;
    this.faults = faults;
    this.vertx = vertx;
  }

  /**
   * Starts the API server, writes the kubeconfig, applies CRDs and the configured workloads, and deploys the
   * simulator. The returned future completes once the simulator's informers have synced.
   */
  public static Future<EmbeddedCluster> start(Vertx vertx, ReflexConfig config, KubeOps ops, Clock clock) {
    ReflexConfig.Embedded embedded = config.embedded();
    List<Path> manifests = new ArrayList<>(crdFiles());
    for (String workload : embedded.workloads()) {
      Path path = Path.of(workload);
      if (!Files.isReadable(path)) {
        return Future.failedFuture(new ConfigException("cannot read workload manifest " + workload
            + " (configuration key 'embedded.workloads')"));
      }
      manifests.add(path);
    }
    PodMetricsStore metricsStore = new PodMetricsStore();
    ApiFaults faults = new ApiFaults();
    SimulatedContainers containers = new SimulatedContainers(clock);
    // The API server runs on a Vert.x instance of its own; its answer is brought back onto our context.
    return Future.fromCompletionStage(EmbeddedApiServer.start(embedded.apiPort(), metricsStore, faults, containers,
        clock)
        .toCompletionStage(), vertx.getOrCreateContext()).compose(server -> {
      server.writeKubeconfig(Path.of(embedded.kubeconfig()));
      KubernetesClient client = KubeClients.forUrl(vertx, server.url(), config.kube().requestTimeout(),
          ApiFaults.SIMULATOR_USER_AGENT);
      SimulatedLoad load = new SimulatedLoad(embedded.loadMillicores());
      KubeRest rest = new KubeRest(client, vertx, config.kube().requestTimeout());
      containers.bind(rest, vertx.getOrCreateContext());
      PodMetricsEmitter emitter = new PodMetricsEmitter(metricsStore, load, embedded.idleMillicores(),
          embedded.podMemoryMib(), embedded.cpuMillicoresPerRequest());
      EmbeddedCluster cluster = new EmbeddedCluster(server, client, load, faults, vertx, rest, emitter);
      WorkloadSimulator simulator = new WorkloadSimulator(client, rest, clock, embedded.podStartupDelay(), emitter,
          embedded.hpaController());
      JsonObject node = SimulatedNode.object(clock.instant());
      return ops.call(() -> apply(client, manifests))
          // The kubelet registers its Node, then reports its status through the status subresource.
          .compose(v -> rest.create("/api/v1/nodes", node))
          .compose(v -> rest.mergePatch("/api/v1/nodes/" + SimulatedNode.NAME + "/status",
              new JsonObject().put("status", node.getJsonObject("status"))))
          .compose(v -> vertx.deployVerticle(simulator))
          .map(id -> {
            cluster.simulatorDeployment = id;
            return cluster;
          });
    });
  }

  /**
   * Registers Reflex's custom and external metrics APIs with the aggregation layer, as {@code deploy/custom-metrics}
   * does in a cluster: the Service {@code reflex-system/reflex-custom-metrics} (no selector; its Endpoints name the
   * loopback port, the cluster having no pod network) and the APIServices of custom.metrics.k8s.io v1beta2 and
   * v1beta1 and external.metrics.k8s.io v1beta1, trusting {@code caPem}.
   */
  public Future<Void> registerMetricsApis(int port, String caPem) {
    String namespaced = "/api/v1/namespaces/" + MetricsApiServing.NAMESPACE;
    return rest.create("/api/v1/namespaces", MetricsApiObjects.namespace())
        .recover(e -> e instanceof KubeApiException api && api.conflict() ? Future.succeededFuture()
            : Future.failedFuture(e))
        .compose(v -> createOrPatch(namespaced + "/services", MetricsApiObjects.service()))
        .compose(v -> createOrPatch(namespaced + "/endpoints", MetricsApiObjects.endpoints(port)))
        .compose(v -> {
          List<Future<Void>> created = new ArrayList<>();
          MetricsApiObjects.apiServices(caPem).forEach(a -> created.add(createOrPatch(
              "/apis/apiregistration.k8s.io/v1/apiservices", a)));
          return Future.all(created).mapEmpty();
        });
  }

  /**
   * Creates the object, or, when it exists (a Reflex restarted against the same cluster, on another port or with
   * another CA), merge-patches it to this content; {@code MetricsApiObjects} names with a null what must go.
   */
  private Future<Void> createOrPatch(String collection, JsonObject object) {
    JsonObject created = object.copy();
    JsonObject spec = created.getJsonObject("spec");
    if (spec != null) {
      spec.getMap().values().removeIf(Objects::isNull);
    }
    return rest.create(collection, created).<Void>mapEmpty().recover(e -> e instanceof KubeApiException api
        && api.conflict() ? rest.mergePatch(collection + "/" + object.getJsonObject("metadata").getString("name"),
            object).mapEmpty() : Future.failedFuture(e));
  }

  /**
   * The client pods' traffic as a scrape of the serving pods would report it: {@code rps} and {@code concurrency}
   * (requests in flight) of each pod a client reaches through its Service ({@code namespace}, {@code pod},
   * {@code job="reflex-request-loop"}), stamped {@code timestampMillis}; empty while no client runs.
   */
  List<RawSeries> requestLoopSeries(long timestampMillis) {
    List<RawSeries> series = new ArrayList<>();
    emitter.served().forEach((pod, served) -> {
      series.add(RemoteWriteEncoder.series(timestampMillis, served.requestsPerSecond(), "__name__", "rps",
          "namespace", pod.namespace(), "pod", pod.name(), "job", "reflex-request-loop"));
      series.add(RemoteWriteEncoder.series(timestampMillis, served.concurrency(), "__name__", "concurrency",
          "namespace", pod.namespace(), "pod", pod.name(), "job", "reflex-request-loop"));
    });
    return series;
  }

  /**
   * Remote-writes {@link #requestLoopSeries} to Reflex's {@code /api/v1/write} every second, as a Prometheus
   * scraping the serving pods would, so the request loops' rps is a streamed metric like the {@code --load} traffic.
   *
   * @param clock the samples' timestamps (Reflex's clock)
   */
  public Future<String> streamRequestLoops(IntSupplier reflexHttpPort, Clock clock) {
    return vertx.deployVerticle(new LoadGenerator(sinceStart -> requestLoopSeries(clock.millis()),
        "127.0.0.1", reflexHttpPort, Duration.ofSeconds(1), clock));
  }

  /** The API server's URL. */
  public String url() {
    return server.url();
  }

  public int apiPort() {
    return server.port();
  }

  /** A client for the embedded API server, on the shared Vert.x instance. */
  public KubernetesClient client() {
    return client;
  }

  public SimulatedLoad load() {
    return load;
  }

  /** Fault injection and write counting of the embedded API server. */
  public ApiFaults faults() {
    return faults;
  }

  /**
   * {@code PUT /embedded/load} with {@code {"workload":"default/StatefulSet/nginx","millicores":800}} turns the
   * load knob of one workload.
   */
  public void mount(Router router) {
    router.put("/embedded/load").handler(BodyHandler.create().setBodyLimit(4096)).handler(rc -> {
      JsonObject body;
      try {
        body = rc.body().asJsonObject();
        String workload = body.getString("workload");
        Integer millicores = body.getInteger("millicores");
        if (workload == null || millicores == null || workload.split("/").length != 3) {
          throw new IllegalArgumentException("expected {\"workload\":\"namespace/Kind/name\",\"millicores\":N}");
        }
        load.set(workload, millicores);
        rc.response().putHeader("Content-Type", "application/json").end(body.encode());
      } catch (RuntimeException e) {
        rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain").end(e.getMessage() + "\n");
      }
    });
  }

  @Override
  public void close() {
    if (simulatorDeployment != null) {
      // Its informers must be gone before the server closes, or the server waits for their connections.
      try {
        vertx.undeploy(simulatorDeployment).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // Shutting down anyway.
      }
    }
    client.close();
    server.close();
  }

  private static List<Path> crdFiles() {
    if (!Files.isDirectory(CRD_DIR)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(CRD_DIR)) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException("cannot list " + CRD_DIR + ": " + e.getMessage(), e);
    }
  }

  /** Creates every object of the manifests (blocking; run on the Kubernetes worker pool). */
  static Void apply(KubernetesClient client, List<Path> manifests) throws IOException {
    for (Path manifest : manifests) {
      try (InputStream in = Files.newInputStream(manifest)) {
        for (HasMetadata item : client.load(in).items()) {
          if (item.getMetadata().getNamespace() == null && namespaced(item)) {
            item.getMetadata().setNamespace("default");
          }
          client.resource(item).create();
        }
      } catch (RuntimeException e) {
        throw new ConfigException("cannot apply " + manifest + " to the embedded cluster: " + e.getMessage(), e);
      }
    }
    return null;
  }

  private static boolean namespaced(HasMetadata item) {
    return !List.of("CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterRoleBinding", "Node")
        .contains(item.getKind());
  }
}
