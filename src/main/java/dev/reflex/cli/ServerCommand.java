package dev.reflex.cli;

import dev.reflex.app.ReflexApp;
import dev.reflex.app.Runtime;
import dev.reflex.config.ConfigException;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeClients;
import dev.reflex.kube.KubeOps;
import dev.reflex.metrics.load.LoadGenerator;
import dev.reflex.metrics.load.TrafficProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import java.io.PrintStream;
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
      Duration drainTimeout) implements AutoCloseable {
    @Override
    public void close() {
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
      ReflexApp app = new ReflexApp(runtime, config, client, embedded ? "127.0.0.1" : "0.0.0.0",
          cluster == null ? List.of() : List.of(cluster::mount));
      if (cluster != null) {
        app.serveMetricsApis();
      }
      await(app.start());
      if (cluster != null) {
        await(cluster.registerMetricsApis(app.metricsApiPort(), app.metricsApiCaPem()));
        await(cluster.streamRequestLoops(app::httpPort, Clock.systemUTC()));
      }
      if (cluster != null && load != null) {
        startLoad(runtime, cluster, app, load);
      }
      return new Started(app, cluster, runtime, ops, client, config.shutdown().drainTimeout());
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

  /** The burst demo: the KPA sample IHPA on nginx, and simulated traffic sent through remote-write. */
  private static void startLoad(Runtime runtime, EmbeddedCluster cluster, ReflexApp app, TrafficProfile load) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(BURST_SAMPLE)) {
      KubernetesClient client = cluster.client();
      await(runtime.vertx().executeBlocking(() -> {
        client.load(in).items().forEach(item -> client.resource(item).inNamespace("default").createOr(x -> x.update()));
        return null;
      }));
    } catch (java.io.IOException e) {
      throw new ConfigException("cannot read " + BURST_SAMPLE + " for --load: " + e.getMessage(), e);
    }
    await(runtime.vertx().deployVerticle(new LoadGenerator(load, LoadGenerator.readyPods(app.podDirectory()),
        "127.0.0.1", app::httpPort, Duration.ofSeconds(1), Clock.systemUTC())));
  }

  static void printBanner(PrintStream out, Started started, ReflexConfig config) {
    String http = "http://127.0.0.1:" + started.app().httpPort();
    if (started.cluster() == null) {
      out.println("Reflex is running. HTTP: " + http + " (/healthz /readyz /metrics /taps)");
      return;
    }
    String kubeconfig = Path.of(config.embedded().kubeconfig()).toAbsolutePath().toString();
    out.println("""
        Reflex is running against the embedded Kubernetes API server.
          API server   %s   (kubeconfig: %s)
          Reflex HTTP  %s   (/healthz /readyz /metrics /taps /api/v1/write)
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

        Press Ctrl+C to stop.""".formatted(started.cluster().url(), kubeconfig, http, started.app().grpcPort(),
        started.app().metricsApiPort(), kubeconfig, http));
    Duration cronAhead = started.app().cronClockOffset();
    if (!cronAhead.isZero()) {
      out.println("Time compressed: cron rules are read " + cronAhead.toSeconds() + " s ahead of the clock"
          + " (embedded.cron-clock-start).");
    }
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
