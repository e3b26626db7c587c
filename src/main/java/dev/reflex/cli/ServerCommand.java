package dev.reflex.cli;

import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerSpec;
import dev.reflex.app.ReflexApp;
import dev.reflex.app.Runtime;
import dev.reflex.backtest.Workload;
import dev.reflex.bus.TargetKey;
import dev.reflex.config.ConfigException;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeClients;
import dev.reflex.kube.KubeOps;
import dev.reflex.metrics.load.LoadGenerator;
import dev.reflex.metrics.load.TrafficProfile;
import dev.reflex.metrics.routing.InformerPodDirectory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code reflex run} and {@code reflex embedded}: load the configuration, start, print where things are, and stay
 * up until SIGTERM, which stops the watches, drains in-flight writes and closes Vert.x.
 */
final class ServerCommand {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Path BURST_SAMPLE = Path.of("deploy/samples/kpa-burst-sample.yaml");

  /** A started server and how to stop it. */
  record Started(ReflexApp app, EmbeddedCluster cluster, Runtime runtime, KubeOps ops, KubernetesClient client,
      Duration drainTimeout, LoadFigures loadFigures) implements AutoCloseable {
    @Override
    public void close() {
      if (loadFigures != null) {
        loadFigures.stop();
      }
      awaitQuietly(app.stop(), drainTimeout.plusSeconds(2));
      client.close();
      if (cluster != null) {
        cluster.close();
      }
      ops.close();
      awaitQuietly(runtime.vertx().close(), Duration.ofSeconds(5));
    }
  }

  private ServerCommand() {
  }

  static ReflexConfig config(Options options, Map<String, String> env) {
    String file = options.get("config", null);
    return ConfigLoader.load(file == null ? null : Path.of(file), env);
  }

  /** Starts either mode; throws {@link ConfigException} for anything the user must fix. */
  static Started start(ReflexConfig config, boolean embedded, TrafficProfile load) {
    if (!embedded && config.embedded().cronClockStart().isPresent()) {
      throw new ConfigException("embedded.cron-clock-start is time compression for the embedded mode;"
          + " 'reflex run' reads cron rules on the real clock (leave it empty)");
    }
    boolean checkTokens = checksTokens(config, embedded);
    Runtime runtime = Runtime.create();
    KubeOps ops = new KubeOps(runtime.vertx(), config.kube().workerPoolSize(), config.kube().requestTimeout());
    EmbeddedCluster cluster = null;
    KubernetesClient client = null;
    try {
      String kubeconfig = config.kube().kubeconfig();
      if (embedded) {
        cluster = await(EmbeddedCluster.start(runtime.vertx(), config, ops, Clock.systemUTC()));
        kubeconfig = config.embedded().kubeconfig();
      }
      client = KubeClients.forRun(runtime.vertx(), kubeconfig, config.kube().requestTimeout());
      ReflexApp app = new ReflexApp(runtime, config, client, defaultHost(embedded),
          cluster == null ? List.of() : List.of(cluster::mount));
      if (checkTokens) {
        app.checkTokens();
      }
      if (cluster != null) {
        app.serveMetricsApis();
      }
      await(app.start());
      if (cluster != null) {
        await(cluster.registerMetricsApis(app.metricsApiPort(), app.metricsApiCaPem()));
        await(cluster.streamRequestLoops(app::httpPort, Clock.systemUTC()));
      }
      LoadFigures figures = null;
      if (cluster != null && load != null) {
        figures = startLoad(runtime, cluster, app, load, config.embedded());
      }
      return new Started(app, cluster, runtime, ops, client, config.shutdown().drainTimeout(), figures);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      if (cluster != null) {
        cluster.close();
      }
      ops.close();
      awaitQuietly(runtime.vertx().close(), Duration.ofSeconds(5));
      throw e;
    }
  }

  private static String defaultHost(boolean embedded) {
    return embedded ? "127.0.0.1" : "0.0.0.0";
  }

  /**
   * Whether the HTTP endpoints check bearer tokens: {@code http.auth}, by default for {@code run} and not for the
   * embedded mode, which listens on loopback. Open endpoints on an address others can reach are refused unless
   * {@code http.allow-unauthenticated} says so: whoever reaches remote-write can scale any workload.
   */
  static boolean checksTokens(ReflexConfig config, boolean embedded) {
    boolean check = config.http().checksTokens(!embedded);
    String host = config.http().hostOr(defaultHost(embedded));
    if (!check && !loopback(host) && !config.http().allowUnauthenticated()) {
      throw new ConfigException("http.auth is none on " + host + ": anyone who reaches it could write samples"
          + " that scale any workload and read every tap; set http.auth: kubernetes (REFLEX_HTTP_AUTH), listen on"
          + " 127.0.0.1 (http.host), or set http.allow-unauthenticated: true");
    }
    return check;
  }

  /** Whether {@code host} (a configured address or a URI's host) is this machine's loopback. */
  static boolean loopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
  }

  /**
   * The burst demo: the KPA sample IHPA on nginx, and simulated traffic sent through remote-write; with
   * {@code embedded.load-figures-file}, the figures of what nginx's pods did with it.
   *
   * @return the figures being counted, or null when no file was asked for
   */
  private static LoadFigures startLoad(Runtime runtime, EmbeddedCluster cluster, ReflexApp app, TrafficProfile load,
      ReflexConfig.Embedded settings) {
    String sample;
    try {
      sample = Files.readString(BURST_SAMPLE);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + BURST_SAMPLE + " for --load: " + e.getMessage(), e);
    }
    IntelligentHorizontalPodAutoscalerSpec burst = new KubernetesSerialization()
        .unmarshal(sample, IntelligentHorizontalPodAutoscaler.class).getSpec();
    KubernetesClient client = cluster.client();
    await(runtime.vertx().executeBlocking(() -> {
      client.load(new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8))).items()
          .forEach(item -> client.resource(item).inNamespace("default").createOr(x -> x.update()));
      return null;
    }));
    // The load's second 0 finds the workload serving, as a backtest's initial pods are: a trace replayed from the
    // cluster's start would otherwise spend the first pod's startup on pods that do not exist yet.
    TargetKey workload = new TargetKey("default", burst.scaleTargetRef().name());
    await(firstReadyPod(runtime.vertx(), app.podDirectory(), workload, START_TIMEOUT));
    await(runtime.vertx().deployVerticle(new LoadGenerator(load, LoadGenerator.readyPods(app.podDirectory()),
        "127.0.0.1", app::httpPort, Duration.ofSeconds(1), Clock.systemUTC())));
    if (settings.loadFiguresFile().isBlank()) {
      return null;
    }
    double capacity = settings.podCapacityRps();
    Workload model = new Workload(capacity, Workload.defaultTarget(capacity), settings.podStartupDelay(),
        Duration.ZERO, Math.max(1, burst.minReplicas()), burst.maxReplicas(), -1, 1);
    LoadFigures figures = new LoadFigures(runtime.vertx(), load, app.podDirectory(), workload.namespace(),
        workload.name(), model, Path.of(settings.loadFiguresFile()), Clock.systemUTC());
    figures.start();
    return figures;
  }

  /**
   * Completes once {@code workload} has a ready pod, looked up every 100 ms on a timer; fails after {@code timeout}
   * naming the workload.
   */
  private static Future<Void> firstReadyPod(Vertx vertx, InformerPodDirectory pods, TargetKey workload,
      Duration timeout) {
    Promise<Void> ready = Promise.promise();
    long deadline = System.nanoTime() + timeout.toNanos();
    vertx.setPeriodic(0, 100, id -> {
      if (pods.readyPods(workload) > 0) {
        vertx.cancelTimer(id);
        ready.tryComplete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        ready.tryFail("--load: " + workload + " has no ready pod after " + timeout.toSeconds() + " s");
      }
    });
    return ready.future();
  }

  static void printBanner(PrintStream out, Started started, ReflexConfig config) {
    String http = "http://127.0.0.1:" + started.app().httpPort();
    if (started.cluster() == null) {
      out.println("Reflex is running. HTTP: " + http + " (/healthz /readyz /metrics /taps); "
          + (checksTokens(config, false) ? "bearer tokens checked with TokenReview (http.auth kubernetes)"
              : "no authentication (http.auth none)"));
      return;
    }
    String kubeconfig = Path.of(config.embedded().kubeconfig()).toAbsolutePath().toString();
    out.println("""
        Reflex is running against the embedded Kubernetes API server.
          API server   %s   (kubeconfig: %s)
          Reflex HTTP  %s   (/healthz /readyz /metrics /taps /api/v1/write)
          HTTP auth    %s
          Reflex gRPC  127.0.0.1:%d   (io.kapacitystack.metric.ProviderService)
          Metrics APIs https://127.0.0.1:%d   (custom.metrics.k8s.io, external.metrics.k8s.io, via the API server)

        Try, in another terminal:
          export KUBECONFIG=%s
          kubectl get statefulsets,pods,endpoints
          kubectl scale statefulset nginx --replicas=3
          kubectl apply -f deploy/samples/cron-portrait-sample.yaml
          kubectl describe ihpa cron-portrait-sample
          scripts/reflex tap reflex.embedded.simulator
          scripts/reflex tap reflex.kube.pod --target default/nginx-0
          scripts/reflex tap reflex.metrics.portrait        (with --load: the streamed KPA deciding)
          curl -X PUT %s/embedded/load -d '{"workload":"default/StatefulSet/nginx","millicores":800}'
          kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/default/pods
          kubectl get --raw /apis/custom.metrics.k8s.io/v1beta2      (streamed metrics, for plain HPAs)

        Press Ctrl+C to stop.""".formatted(started.cluster().url(), kubeconfig, http, authLine(config),
        started.app().grpcPort(),
        started.app().metricsApiPort(), kubeconfig, http));
    Duration cronAhead = started.app().cronClockOffset();
    if (!cronAhead.isZero()) {
      out.println("Time compressed: cron rules are read " + cronAhead.toSeconds() + " s ahead of the clock"
          + " (embedded.cron-clock-start).");
    }
  }

  private static String authLine(ReflexConfig config) {
    Path tokens = Path.of(config.embedded().kubeconfig()).resolveSibling("tokens.csv");
    return checksTokens(config, true)
        ? "bearer tokens checked with TokenReview (http.auth kubernetes); the admin token is in " + tokens
        : "none: open to callers on this machine (REFLEX_HTTP_AUTH=kubernetes checks bearer tokens)";
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("start-up did not finish within " + START_TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting");
    }
  }

  private static void awaitQuietly(Future<?> future, Duration timeout) {
    try {
      future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Shutting down: nothing useful left to do with the failure.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
