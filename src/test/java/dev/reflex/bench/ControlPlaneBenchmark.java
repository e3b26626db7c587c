package dev.reflex.bench;

import dev.reflex.embedded.ApiFaults;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process-level benchmark behind {@code scripts/bench-control}: many IHPAs on the embedded cluster, each with
 * its own one-replica StatefulSet and a Static portrait (every {@code BENCH_SCALE_EVERY}-th asks for 2 replicas, so
 * some reconciles really scale). It measures
 * <ul>
 *   <li>the initial convergence: from the first IHPA create until every ReplicaProfile exists with
 *       {@code Ensured=True} (IHPAs converged per second, creation included);</li>
 *   <li>a full resync: {@code resyncAll()} until the controllers are idle again; every IHPA and ReplicaProfile is
 *       reconciled once, so reconciles per second = (IHPAs + HorizontalPortraits + ReplicaProfiles) / seconds;</li>
 *   <li>Reflex's API writes at steady state over a window with the periodic resyncs and one forced resync in it,
 *       per IHPA per minute, with and without the leader-election Lease renewals;</li>
 *   <li>heap used after GC, before the workloads exist and with all of them converged.</li>
 * </ul>
 * Writes are counted by the embedded API server ({@link ApiFaults}: Reflex's client only, not the simulator's).
 */
public final class ControlPlaneBenchmark {

  private ControlPlaneBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int n = BenchCluster.intEnv("BENCH_IHPAS", 1000);
    int scaleEvery = BenchCluster.intEnv("BENCH_SCALE_EVERY", 10);
    int steadySeconds = BenchCluster.intEnv("BENCH_STEADY_SECONDS", 60);
    int resyncRuns = BenchCluster.intEnv("BENCH_RESYNC_RUNS", 3);
    int threads = BenchCluster.intEnv("BENCH_CLIENT_THREADS", 4);
    String podDelay = BenchCluster.env("BENCH_POD_STARTUP_DELAY", "50ms");
    // Bringing up ten thousand pods takes minutes on two cores; each wait grows with the count.
    Duration timeout = Duration.ofSeconds(BenchCluster.intEnv("BENCH_WAIT_SECONDS", Math.max(120, n / 20)));
    JsonObject figures = new JsonObject().put("benchmark", "control").put("ihpas", n);
    long started = System.nanoTime();
    try (BenchCluster bench = BenchCluster.start(Map.of("REFLEX_EMBEDDED_POD_STARTUP_DELAY", podDelay))) {
      long heapBaseline = BenchCluster.heapUsedAfterGc();

      log("creating " + n + " StatefulSets");
      bench.createStatefulSets(n, threads);
      log("created in " + BenchCluster.round(seconds(started), 1) + " s since start; waiting for ready pods");
      BenchCluster.waitFor(timeout, n + " ready pods", () -> reached("ready pods", bench.readyPods(), n));

      log("creating " + n + " IHPAs");
      long t0 = System.nanoTime();
      bench.createIhpas(n, threads, 3, i -> "    - {type: Static, priority: 1, static: {replicas: %d}}\n"
          .formatted(scaleEvery > 0 && i % scaleEvery == 0 ? 2 : 1));
      double createSeconds = seconds(t0);
      BenchCluster.waitFor(timeout, n + " ReplicaProfiles ensured",
          () -> reached("ReplicaProfiles ensured", ensured(bench), n));
      double convergeSeconds = seconds(t0);
      log("converged in " + convergeSeconds + " s");
      bench.settle(timeout);

      int ihpas = bench.list(BenchCluster.IHPA).size();
      int portraits = bench.list(BenchCluster.HP).size();
      int profiles = bench.list(BenchCluster.RP).size();
      int reconcilesPerResync = ihpas + portraits + profiles;
      List<Double> resyncSeconds = new ArrayList<>();
      ApiFaults faults = bench.reflex.cluster.faults();
      WriteLog resyncWrites = new WriteLog(faults);
      for (int run = 0; run < resyncRuns; run++) {
        resyncSeconds.add(timedResync(bench, timeout));
        resyncWrites.poll();
        BenchCluster.sleep(300);
      }
      resyncWrites.poll();
      resyncSeconds.sort(Double::compare);
      double medianResync = BenchCluster.percentile(resyncSeconds, 0.5);
      log("resync of " + reconcilesPerResync + " keys: " + resyncSeconds + " s");

      log("steady window of " + steadySeconds + " s");
      bench.settle(timeout);
      WriteLog steady = new WriteLog(faults);
      long windowStart = System.nanoTime();
      boolean forced = false;
      while (seconds(windowStart) < steadySeconds) {
        BenchCluster.sleep(200);
        steady.poll();
        if (!forced && seconds(windowStart) >= steadySeconds / 2.0) {
          bench.reflex.app.controllers().resyncAll();
          forced = true;
        }
      }
      steady.poll();
      double window = seconds(windowStart);
      long heapLoaded = BenchCluster.heapUsedAfterGc();

      double minutes = window / 60.0;
      figures.put("convergeSeconds", BenchCluster.round(convergeSeconds, 2))
          .put("createSeconds", BenchCluster.round(createSeconds, 2))
          .put("ihpasConvergedPerSecond", BenchCluster.round(n / convergeSeconds, 1))
          .put("reconcilesPerResync", reconcilesPerResync)
          .put("resyncSecondsMedian", BenchCluster.round(medianResync, 3))
          .put("reconcilesPerSecond", BenchCluster.round(reconcilesPerResync / medianResync, 0))
          .put("resyncWritesExcludingLeases", resyncWrites.others)
          .put("steadyWindowSeconds", BenchCluster.round(window, 1))
          .put("steadyResyncs", 1 + (int) (window / resyncPeriodSeconds()))
          .put("steadyWrites", steady.total)
          .put("steadyLeaseWrites", steady.leases)
          .put("steadyWritesExcludingLeases", steady.others)
          .put("writesPerIhpaPerMinute", BenchCluster.round(steady.total / (double) n / minutes, 4))
          .put("writesPerIhpaPerMinuteExcludingLeases", BenchCluster.round(steady.others / (double) n / minutes, 4))
          .put("unclassifiedWrites", steady.unclassified + resyncWrites.unclassified)
          .put("otherWritePaths", new io.vertx.core.json.JsonArray(steady.otherPaths.stream().limit(10).toList()))
          .put("heapUsedBaselineMb", BenchCluster.round(heapBaseline / 1048576.0, 1))
          .put("heapUsedMb", BenchCluster.round(heapLoaded / 1048576.0, 1))
          .put("heapBytesPerIhpa", (heapLoaded - heapBaseline) / n)
          .put("podStartupDelay", podDelay)
          .put("wallSeconds", BenchCluster.round(seconds(started), 1))
          .put("command", "scripts/bench-control");
    }
    BenchCluster.writeFigures(figures);
    System.exit(0);
  }

  /** Forces a resync and waits until the controllers are busy and then idle again; returns the seconds taken. */
  private static double timedResync(BenchCluster bench, Duration timeout) {
    var controllers = bench.reflex.app.controllers();
    long t0 = System.nanoTime();
    controllers.resyncAll();
    long busyDeadline = System.nanoTime() + 2_000_000_000L;
    while (controllers.idle() && System.nanoTime() < busyDeadline) {
      Thread.onSpinWait();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!controllers.idle()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("resync did not finish in " + timeout.toSeconds() + " s");
      }
      BenchCluster.sleep(1);
    }
    return seconds(t0);
  }

  private static long lastProgress;

  /** Whether {@code have} reached {@code want}; says how far it is every 10 s, so a stall shows where it stopped. */
  private static boolean reached(String what, long have, long want) {
    long now = System.nanoTime();
    if (have < want && now - lastProgress > 10_000_000_000L) {
      lastProgress = now;
      log(have + " of " + want + " " + what);
    }
    return have >= want;
  }

  private static long ensured(BenchCluster bench) {
    return bench.list(BenchCluster.RP).stream().filter(ControlPlaneBenchmark::isEnsured).count();
  }

  private static boolean isEnsured(GenericKubernetesResource rp) {
    Object status = rp.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    return conditions.stream().anyMatch(c -> c instanceof Map<?, ?> m && "Ensured".equals(m.get("type"))
        && "True".equals(String.valueOf(m.get("status"))));
  }

  private static double resyncPeriodSeconds() {
    return 30;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void log(String line) {
    System.err.println("bench-control: " + line);
  }

  /**
   * Classifies Reflex's writes from the API server's counter and its window of the last 100 write paths; polled
   * often enough (writes per poll ≤ 100) every write is seen, else the excess is counted as unclassified.
   */
  static final class WriteLog {
    private final ApiFaults faults;
    private long last;
    long total;
    long leases;
    long others;
    long unclassified;
    final List<String> otherPaths = new ArrayList<>();

    WriteLog(ApiFaults faults) {
      this.faults = faults;
      this.last = faults.writes();
    }

    void poll() {
      List<String> recent = faults.recentWrites();
      long now = faults.writes();
      long fresh = now - last;
      last = now;
      total += fresh;
      int visible = (int) Math.min(fresh, recent.size());
      unclassified += fresh - visible;
      for (String write : recent.subList(recent.size() - visible, recent.size())) {
        if (write.contains("/leases/")) {
          leases++;
        } else {
          others++;
          if (otherPaths.size() < 100) {
            otherPaths.add(write);
          }
        }
      }
    }
  }
}
