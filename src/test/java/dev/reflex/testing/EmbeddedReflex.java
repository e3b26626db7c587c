package dev.reflex.testing;

import dev.reflex.app.ReflexApp;
import dev.reflex.app.Runtime;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeClients;
import dev.reflex.kube.KubeOps;
import dev.reflex.kube.KubeRest;
import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reflex against the embedded cluster in the test's JVM: the same pieces {@code reflex embedded} starts, with a
 * clock the test controls for the controllers (the simulator keeps real time, so pods start as usual).
 */
public final class EmbeddedReflex implements AutoCloseable {

  public final Runtime runtime;
  public final KubeOps ops;
  public final EmbeddedCluster cluster;
  /** Replaced by {@link #restartReflex()}. */
  public volatile ReflexApp app;
  public final KubernetesClient client;
  public final KubeRest rest;

  private final ReflexConfig config;
  private final Clock clock;

  private EmbeddedReflex(Runtime runtime, KubeOps ops, EmbeddedCluster cluster, ReflexApp app,
      KubernetesClient client, KubeRest rest, ReflexConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.runtime = runtime;
    this.ops = ops;
    this.cluster = cluster;
    this.app = app;
    this.client = client;
    this.rest = rest;
  }

  /**
   * @param dir a temporary directory for the kubeconfig
   * @param clock the controllers' clock
   * @param env extra {@code REFLEX_*} settings
   */
  public static EmbeddedReflex start(Path dir, Clock clock, Map<String, String> env) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "REFLEX_HTTP_PORT", "0",
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "200ms",
        "REFLEX_EMBEDDED_WORKLOADS", "",
        "REFLEX_GRPC_PORT", "0",
        "REFLEX_CUSTOM_METRICS_PORT", "0",
        "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString()));
    settings.putAll(env);
    ReflexConfig config = ConfigLoader.load(null, settings);
    Runtime runtime = Runtime.create();
    KubeOps ops = new KubeOps(runtime.vertx(), 4, Duration.ofSeconds(10));
    EmbeddedCluster cluster = await(EmbeddedCluster.start(runtime.vertx(), config, ops, Clock.systemUTC()));
    KubernetesClient client = KubeClients.forRun(runtime.vertx(), dir.resolve("kubeconfig").toString(),
        Duration.ofSeconds(10));
    ReflexApp app = await(new ReflexApp(runtime, config, client, "127.0.0.1", List.of(cluster::mount), clock)
        .serveMetricsApis().start());
    await(cluster.registerMetricsApis(app.metricsApiPort(), app.metricsApiCaPem()));
    await(cluster.streamRequestLoops(app::httpPort, clock));
    KubeRest rest = new KubeRest(client, runtime.vertx(), Duration.ofSeconds(10));
    Eventually.until(Duration.ofSeconds(20), "Reflex ready and leading", () -> app.readiness().ready()
        && app.leading() && app.controllers().synced());
    return new EmbeddedReflex(runtime, ops, cluster, app, client, rest, config, clock);
  }

  /** Stops Reflex (all its verticles and in-memory state) and starts a fresh one against the same cluster. */
  public void restartReflex() {
    await(app.stop());
    app = await(new ReflexApp(runtime, config, client, "127.0.0.1", List.of(), clock).serveMetricsApis().start());
    await(cluster.registerMetricsApis(app.metricsApiPort(), app.metricsApiCaPem()));
    Eventually.until(Duration.ofSeconds(30), "Reflex ready and leading again", () -> app.readiness().ready()
        && app.leading() && app.controllers().synced());
  }

  /** Creates objects from YAML (one or more documents). */
  public void apply(String yaml) {
    for (HasMetadata item : client.load(new java.io.ByteArrayInputStream(yaml.getBytes(
        java.nio.charset.StandardCharsets.UTF_8))).items()) {
      if (item.getMetadata().getNamespace() == null) {
        item.getMetadata().setNamespace("default");
      }
      applyOne(item);
    }
  }

  /**
   * Creates, or updates the live object with {@code item}. An update takes the live resourceVersion, and Reflex may
   * write the object's status in between (a conflict, as kubectl apply would meet too): then it is tried again.
   */
  private void applyOne(HasMetadata item) {
    for (int attempt = 1; ; attempt++) {
      try {
        // No resourceVersion of ours: each attempt updates the object as it is now.
        item.getMetadata().setResourceVersion(null);
        client.resource(item).createOr(existing -> existing.update());
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  public int replicas(String kind, String name) {
    HasMetadata workload = switch (kind) {
      case "StatefulSet" -> client.apps().statefulSets().inNamespace("default").withName(name).get();
      case "Deployment" -> client.apps().deployments().inNamespace("default").withName(name).get();
      default -> throw new IllegalArgumentException(kind);
    };
    if (workload instanceof io.fabric8.kubernetes.api.model.apps.StatefulSet sts) {
      return sts.getSpec().getReplicas();
    }
    return ((io.fabric8.kubernetes.api.model.apps.Deployment) workload).getSpec().getReplicas();
  }

  public List<Pod> pods(String appLabel) {
    return client.pods().inNamespace("default").withLabel("app", appLabel).list().getItems();
  }

  /** Pods of the app whose Ready condition is True. */
  public long readyPods(String appLabel) {
    return pods(appLabel).stream().filter(p -> p.getStatus() != null && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))).count();
  }

  /**
   * Sends one remote-write batch to Reflex, as Prometheus would: {@code metric} = {@code perPod} for every pod of the
   * app (labels {@code namespace}, {@code pod}), stamped now. Fails unless Reflex answers 204.
   */
  public void remoteWrite(HttpClient http, String appLabel, String metric, double perPod) {
    long now = System.currentTimeMillis();
    List<RawSeries> series = new ArrayList<>();
    for (Pod pod : pods(appLabel)) {
      series.add(RemoteWriteEncoder.series(now, perPod, "__name__", metric, "namespace",
          "default", "pod", pod.getMetadata().getName()));
    }
    remoteWrite(http, series);
  }

  /** Sends these series in one remote-write batch; fails unless Reflex answers 204. */
  public void remoteWrite(HttpClient http, List<RawSeries> series) {
    byte[] body = RemoteWriteEncoder.encode(series);
    int status = await(http.request(new RequestOptions()
            .setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(app.httpPort())
            .setURI("/api/v1/write"))
        .compose(req -> req.putHeader("Content-Encoding", "snappy")
            .putHeader("Content-Type", "application/x-protobuf")
            .putHeader("X-Prometheus-Remote-Write-Version", "0.1.0")
            .send(Buffer.buffer(body)))
        .map(resp -> resp.statusCode()));
    if (status != 204) {
      throw new AssertionError("remote-write answered " + status);
    }
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    await(app.stop());
    client.close();
    cluster.close();
    ops.close();
    await(runtime.vertx().close());
  }
}
