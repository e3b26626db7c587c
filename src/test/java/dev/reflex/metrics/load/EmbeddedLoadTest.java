package dev.reflex.metrics.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.app.Runtime;
import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.TargetKey;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeOps;
import dev.reflex.kube.ResourceCache;
import dev.reflex.metrics.Fixtures;
import dev.reflex.metrics.StreamedMetrics;
import dev.reflex.metrics.ingest.NamespaceAuthorizer;
import dev.reflex.metrics.routing.InformerPodDirectory;
import dev.reflex.metrics.routing.WorkloadRef;
import dev.reflex.testing.Eventually;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's load path end to end: pods of the embedded cluster found by informers, a step in demand
 * sent through HTTP remote-write into Reflex, and a panic portrait for the workload.
 */
class EmbeddedLoadTest {

  @Test
  void stepInSimulatedDemandReachesTheStreamedKpaThroughRemoteWrite(@TempDir Path dir) throws Exception {
    ReflexConfig config = ConfigLoader.load(null, Map.of(
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "200ms",
        "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString()));
    Runtime runtime = Runtime.create();
    KubeOps ops = new KubeOps(runtime.vertx(), 2, Duration.ofSeconds(10));
    EmbeddedCluster cluster = EmbeddedCluster.start(runtime.vertx(), config, ops, Clock.systemUTC())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    ResourceCache cache = new ResourceCache(cluster.client(), Clock.systemUTC());
    InformerPodDirectory pods = new InformerPodDirectory(cache);
    pods.open();
    try {
      cache.start(runtime.vertx().getOrCreateContext()).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      TargetKey nginx = new TargetKey("default", "nginx");
      Eventually.until(Duration.ofSeconds(20), "nginx-0 ready in the directory", () -> pods.readyPods(nginx) == 1);
      assertTrue(pods.ownerOf("default", "nginx-0").equals(Optional.of(
          new WorkloadRef("StatefulSet", "default", "nginx"))));

      List<MetricsPortrait> portraits = new CopyOnWriteArrayList<>();
      runtime.vertx().eventBus().<MetricsPortrait>localConsumer(Addresses.METRICS_PORTRAIT,
          m -> portraits.add(m.body()));
      StreamedMetrics metrics = StreamedMetrics.create(runtime.vertx(), config, pods, runtime.registry(),
          Clock.systemUTC(), NamespaceAuthorizer.ANYONE);
      metrics.kpa().register(nginx, PodLoad.CONCURRENCY, Fixtures.spec());
      metrics.deploy(runtime.vertx()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      Router router = Router.router(runtime.vertx());
      metrics.routes().mount(router);
      HttpServer server = runtime.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      // 5 concurrent requests (calm: one pod at 10 per pod), then 80 (a burst: 8 pods wanted on 1).
      TrafficProfile profile = new TrafficProfile.Step(5, 80, Duration.ofSeconds(5));
      LoadGenerator generator = new LoadGenerator(profile, LoadGenerator.readyPods(pods), "127.0.0.1",
          server::actualPort, Duration.ofMillis(250), Clock.systemUTC());
      runtime.vertx().deployVerticle(generator).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      Eventually.until(Duration.ofSeconds(20), "a calm portrait", () -> portraits.stream()
          .anyMatch(p -> !p.stale() && !p.panic() && p.desiredReplicas() == 1));
      Eventually.until(Duration.ofSeconds(20), "a panic portrait", () -> portraits.stream()
          .anyMatch(p -> p.panic() && p.desiredReplicas() > 1));
      assertTrue(generator.sent() > 0);
    } finally {
      pods.close();
      cache.stop();
      cluster.close();
      ops.close();
      runtime.vertx().close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
