package dev.reflex.bench;

import dev.reflex.embedded.apiserver.ApiServer;
import dev.reflex.embedded.apiserver.ApiServerOptions;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark behind {@code scripts/bench-apiserver}: Reflex's API server and fabric8's mock server in CRUD mode,
 * one after the other in this JVM, under the same {@link ApiLoad} from the same client. The final JSON line puts
 * each server's headline figures first (creates and patches per second with p50/p99, the median list of all pods,
 * the watch delivery p99 of the patches), then the details of every phase.
 */
public final class ApiServerBenchmark {

  /**
   * The mock logs every request at INFO through java.util.logging (to stderr); that console work would be measured
   * as the server's, so it is turned down unless {@code BENCH_MOCK_LOGGING=1}. Held here: JUL keeps loggers weakly.
   */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private ApiServerBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int objects = BenchCluster.intEnv("BENCH_OBJECTS", 20_000);
    ApiLoad.Plan plan = new ApiLoad.Plan(objects, BenchCluster.intEnv("BENCH_WATCHES", 2_000),
        BenchCluster.intEnv("BENCH_NAMESPACES", 100), BenchCluster.intEnv("BENCH_CONCURRENCY", 64),
        BenchCluster.intEnv("BENCH_PATCHES", objects), BenchCluster.intEnv("BENCH_WARMUP", 2_000),
        BenchCluster.intEnv("BENCH_PACED_RATE", 200), BenchCluster.intEnv("BENCH_PACED_SECONDS", 5),
        BenchCluster.intEnv("BENCH_LIST_RUNS", 5), BenchCluster.intEnv("BENCH_CREATE_SECONDS", 60),
        BenchCluster.intEnv("BENCH_PATCH_SECONDS", 30), BenchCluster.intEnv("BENCH_LIST_SECONDS", 30));
    List<String> servers = List.of(BenchCluster.env("BENCH_SERVERS", "reflex,fabric8Mock").split(","));
    long started = System.nanoTime();
    JsonObject figures = new JsonObject().put("benchmark", "apiserver");
    for (String server : servers) {
      long t0 = System.nanoTime();
      JsonObject details = switch (server.trim()) {
        case "reflex" -> reflex(plan);
        case "fabric8Mock" -> fabric8Mock(plan);
        default -> throw new IllegalArgumentException("unknown server " + server + " (reflex, fabric8Mock)");
      };
      details.put("wallSeconds", BenchCluster.round((System.nanoTime() - t0) / 1e9, 1));
      figures.put(server.trim(), headline(details).put("details", details));
      System.err.println("bench-apiserver [" + server + "]: " + figures.getJsonObject(server.trim()).encode());
    }
    figures.put("objects", objects).put("pods", plan.pods()).put("watches", plan.watches())
        .put("namespaces", plan.namespaces()).put("concurrency", plan.concurrency()).put("patches", plan.patches())
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("wallSeconds", BenchCluster.round((System.nanoTime() - started) / 1e9, 1))
        .put("command", "scripts/bench-apiserver");
    BenchCluster.writeFigures(figures);
    System.exit(0);
  }

  private static JsonObject reflex(ApiLoad.Plan plan) throws Exception {
    ApiServer server = ApiServer.start(ApiServerOptions.loopback(0), Clock.systemUTC()).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      return measured(plan, server.port(), "reflex");
    } finally {
      server.close();
    }
  }

  private static JsonObject fabric8Mock(ApiLoad.Plan plan) throws Exception {
    if (!"1".equals(System.getenv("BENCH_MOCK_LOGGING"))) {
      MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init(InetAddress.getByName("127.0.0.1"), 0);
    try {
      return measured(plan, server.getPort(), "fabric8Mock");
    } finally {
      server.destroy();
    }
  }

  /** The load's figures plus the heap in use after GC with everything loaded (server, client and watches). */
  private static JsonObject measured(ApiLoad.Plan plan, int port, String name) throws Exception {
    long heapBefore = BenchCluster.heapUsedAfterGc();
    double loadBefore = loadAverage();
    JsonObject details = ApiLoad.run(plan, port, name);
    // The machine may be shared: its load average (1 min) before and after says how much the figures can be trusted.
    return details.put("heapUsedBeforeMb", BenchCluster.round(heapBefore / 1048576.0, 1))
        .put("loadAverageBefore", loadBefore).put("loadAverageAfter", loadAverage());
  }

  private static double loadAverage() {
    return BenchCluster.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage(), 2);
  }

  /** The figures the aims are stated in, in front of the details. */
  private static JsonObject headline(JsonObject d) {
    return new JsonObject().put("createsPerSec", d.getValue("createPerSec"))
        .put("createP50Ms", d.getValue("createP50Ms")).put("createP99Ms", d.getValue("createP99Ms"))
        .put("patchesPerSec", d.getValue("patchPerSec")).put("patchP50Ms", d.getValue("patchP50Ms"))
        .put("patchP99Ms", d.getValue("patchP99Ms")).put("list10kMs", d.getValue("listMedianMs"))
        .put("watchP50Ms", d.getValue("patchWatchP50Ms")).put("watchP99Ms", d.getValue("patchWatchP99Ms"))
        .put("pacedWatchP99Ms", d.getValue("pacedWatchP99Ms")).put("createWatchP99Ms", d.getValue("createWatchP99Ms"))
        .put("complete", Boolean.TRUE.equals(d.getValue("createComplete"))
            && Boolean.TRUE.equals(d.getValue("patchComplete")) && d.getValue("listMedianMs") != null);
  }
}
