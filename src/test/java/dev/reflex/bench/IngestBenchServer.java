package dev.reflex.bench;

import dev.reflex.bus.Codecs;
import dev.reflex.bus.TargetKey;
import dev.reflex.config.ReflexConfig;
import dev.reflex.core.kpa.Aggregation;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.ScalingMetric;
import dev.reflex.metrics.StreamedMetrics;
import dev.reflex.metrics.ingest.NamespaceAuthorizer;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.WorkloadRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * The Reflex side of {@code scripts/bench-ingest}, run as its own JVM so its CPU time can be read from /proc: the
 * remote-write receiver with routing and the streamed KPA, every workload of the benchmark payload registered on
 * its {@code concurrency} metric. {@code GET /bench/heap} collects garbage and answers the heap in use;
 * {@code GET /bench/stats} answers the sample counters.
 *
 * <p>Arguments: port, workloads, pods per workload.
 */
public final class IngestBenchServer {

  private IngestBenchServer() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int workloads = Integer.parseInt(args[1]);
    int podsPerWorkload = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    Codecs.register(vertx.eventBus());
    InMemoryPodDirectory pods = new InMemoryPodDirectory();
    for (int w = 0; w < workloads; w++) {
      WorkloadRef ref = new WorkloadRef("Deployment", "bench", "app-" + w);
      for (int p = 0; p < podsPerWorkload; p++) {
        pods.put("bench", IngestBench.podName(w, p), ref, true);
      }
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StreamedMetrics metrics = StreamedMetrics.create(vertx, ReflexConfig.defaults(), pods, registry,
        Clock.systemUTC(), NamespaceAuthorizer.ANYONE);
    DeciderSpec spec = new DeciderSpec(ScalingMetric.CONCURRENCY, 10, 10, 0, 2.0, 1000, 2, Duration.ofSeconds(60),
        Duration.ofSeconds(6), Duration.ZERO, 1, 100, 1, 0, 0, true, true, Duration.ofSeconds(30), Duration.ZERO,
        Aggregation.LINEAR);
    for (int w = 0; w < workloads; w++) {
      metrics.kpa().register(new TargetKey("bench", "app-" + w), "concurrency", spec);
    }
    metrics.deploy(vertx).await();
    Router router = Router.router(vertx);
    metrics.routes().mount(router);
    router.get("/bench/heap").blockingHandler(rc -> rc.response().end(String.valueOf(usedHeapAfterGc())));
    router.get("/bench/stats").handler(rc -> rc.response().end(new JsonObject()
        .put("received", metrics.meters().receivedCount()).put("accepted", metrics.meters().acceptedCount())
        .encode()));
    vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
  }

  static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
