package dev.reflex.bench;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.ScalingDecision;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The process-level benchmark behind {@code scripts/bench-burst}: many IHPAs with a Reactive portrait on the KPA
 * algorithm over a streamed Pods metric {@code rps} (each on its own one-replica StatefulSet, all idle: no samples;
 * a lower-priority Static portrait of 1 replica holds the ReplicaProfile while the KPA has no value), then a
 * series of bursts, each ONE remote-write batch that says the single pod of ONE target serves 300 rps against a
 * target of 50 × 70 % = 35 per pod, so the streamed KPA panics and the workload goes from 1 to its
 * {@code maxReplicas} of 2. Every burst hits a different target, so none needs resetting.
 *
 * <p>The latency of a burst runs from just before the benchmark sends the POST to {@code /api/v1/write} (so it
 * includes the loopback HTTP transfer and the handler) until a watch on StatefulSets, opened by this JVM on the
 * embedded API server, sees {@code spec.replicas} changed: the {@code /scale} patch has been accepted and stored,
 * and the watch event has been delivered. That delivery is an addition to the real latency; it is estimated by
 * patching an annotation of a spare StatefulSet and timing the watch event against the patch's own response. A
 * local consumer of {@code reflex.metrics.portrait} times the streamed KPA's decision (POST → portrait on the bus),
 * which splits the latency into ingest + decision and the control-plane path after it.
 *
 * <p>With {@code BENCH_ALGORITHM=KubeHPA} the portraits run the HPA algorithm on the same metric (target 50 per
 * pod, synced once an hour), so every burst is decided through the streamed trigger: the pod values reach the bus
 * ({@code reflex.metrics.pod-values}, timed instead of the portrait), the portrait decides and writes its status,
 * and the IHPA takes it from there. 300 rps on one pod is ratio 6: the HPA wants 6 pods, the IHPA caps at 2.
 */
public final class BurstLatencyBenchmark {

  private static final String SPARE = "bw-spare";

  private BurstLatencyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int n = BenchCluster.intEnv("BENCH_IHPAS", 1000);
    int bursts = BenchCluster.intEnv("BENCH_BURSTS", 200);
    int warmup = BenchCluster.intEnv("BENCH_WARMUP_BURSTS", 30);
    int gapMillis = BenchCluster.intEnv("BENCH_GAP_MS", 100);
    int threads = BenchCluster.intEnv("BENCH_CLIENT_THREADS", 4);
    String podDelay = BenchCluster.env("BENCH_POD_STARTUP_DELAY", "50ms");
    Duration timeout = Duration.ofSeconds(BenchCluster.intEnv("BENCH_WAIT_SECONDS", 120));
    if (warmup + bursts > n) {
      throw new IllegalArgumentException("BENCH_WARMUP_BURSTS + BENCH_BURSTS (" + (warmup + bursts)
          + ") must not exceed BENCH_IHPAS (" + n + "): every burst needs a fresh target");
    }
    boolean kubeHpa = "KubeHPA".equals(BenchCluster.env("BENCH_ALGORITHM", "KPA"));
    JsonObject figures = new JsonObject().put("benchmark", "burst").put("algorithm", kubeHpa ? "KubeHPA" : "KPA")
        .put("ihpas", n);
    long started = System.nanoTime();
    try (BenchCluster bench = BenchCluster.start(Map.of("REFLEX_EMBEDDED_POD_STARTUP_DELAY", podDelay))) {
      log("creating " + n + " StatefulSets");
      bench.createStatefulSets(n, threads);
      bench.reflex.client.apps().statefulSets().inNamespace("default").resource(BenchCluster.statefulSet("default",
          SPARE)).create();
      log("created; waiting for ready pods");
      BenchCluster.waitFor(timeout, n + " ready pods", () -> bench.readyPods() >= n + 1);
      log("creating " + n + " IHPAs");
      // KubeHPA portraits sync once an hour here: only the streamed trigger can make them decide during the run.
      String algorithm = kubeHpa ? """
                    type: KubeHPA
                    kubeHPA: {syncPeriod: 1h}
          """ : """
                    type: KPA
                    kpa: {targetUtilizationPercentage: 70, stableWindow: 60s, scaleDownDelay: 30s}
          """;
      bench.createIhpas(n, threads, 2, i -> """
              - {type: Static, priority: 1, static: {replicas: 1}}
              - type: Dynamic
                priority: 2
                dynamic:
                  portraitType: Reactive
                  metrics:
                  - type: Pods
                    pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "50"}}
                  algorithm:
          """ + algorithm);
      BenchCluster.waitFor(timeout, n + " HorizontalPortraits", () -> bench.list(BenchCluster.HP).size() >= n);
      BenchCluster.waitFor(timeout, n + " ReplicaProfiles", () -> bench.list(BenchCluster.RP).size() >= n);
      // Not bench.settle(): with 1,000 KPA portraits the controllers were seen never to report idle (a reconcile
      // that stays "running"), so wait for a quiet API server instead: no write by Reflex for 2 s in a row.
      boolean idle = quiet(bench, timeout);
      figures.put("controllersIdleBeforeBursts", idle);

      Map<String, CompletableFuture<Long>> scaled = new ConcurrentHashMap<>();
      Map<String, CompletableFuture<Long>> annotated = new ConcurrentHashMap<>();
      Watch watch = bench.reflex.client.apps().statefulSets().inAnyNamespace().watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, StatefulSet sts) {
          long seen = System.nanoTime();
          String name = sts.getMetadata().getName();
          if (SPARE.equals(name)) {
            String mark = sts.getMetadata().getAnnotations() == null ? null
                : sts.getMetadata().getAnnotations().get("bench");
            if (mark != null) {
              annotated.computeIfAbsent(mark, k -> new CompletableFuture<>()).complete(seen);
            }
          } else if (sts.getSpec().getReplicas() != null && sts.getSpec().getReplicas() >= 2) {
            scaled.computeIfAbsent(name, k -> new CompletableFuture<>()).complete(seen);
          }
        }

        @Override
        public void onClose(WatcherException cause) {
          log("watch closed: " + cause);
        }
      });
      BenchCluster.sleep(500);

      log("estimating the watch's delivery delay");
      List<Double> watchAfterResponse = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String mark = "m" + i;
        CompletableFuture<Long> seen = annotated.computeIfAbsent(mark, k -> new CompletableFuture<>());
        bench.reflex.client.apps().statefulSets().inNamespace("default").withName(SPARE)
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"bench\":\"" + mark
                + "\"}}}");
        long answered = System.nanoTime();
        long at = seen.get(10, TimeUnit.SECONDS);
        if (i >= 10) {
          watchAfterResponse.add((at - answered) / 1e6);
        }
        BenchCluster.sleep(20);
      }

      // The streamed signal as the controllers receive it on the event bus (the KPA's recommendation, or the pod
      // values that trigger a KubeHPA decision): splits each burst into ingest + streamed decision and the control
      // plane path (signal → /scale patch seen).
      Map<String, CompletableFuture<Long>> decided = new ConcurrentHashMap<>();
      var decisions = kubeHpa
          ? bench.reflex.runtime.vertx().eventBus().<PodMetricSnapshot>localConsumer(Addresses.METRICS_POD_VALUES,
              m -> {
                if (m.body().reason() == PodMetricSnapshot.Reason.SCALE_UP) {
                  decided.computeIfAbsent(m.body().target().name(), k -> new CompletableFuture<>())
                      .complete(System.nanoTime());
                }
              })
          : bench.reflex.runtime.vertx().eventBus().<MetricsPortrait>localConsumer(Addresses.METRICS_PORTRAIT, m -> {
            if (m.body().desiredReplicas() >= 2) {
              decided.computeIfAbsent(m.body().target().name(), k -> new CompletableFuture<>())
                  .complete(System.nanoTime());
            }
          });
      // The IHPA controller's decisions, published once the ReplicaProfile patch is accepted: splits the control
      // plane into portrait → profile written and profile written → /scale.
      Map<String, CompletableFuture<Long>> profiled = new ConcurrentHashMap<>();
      var profiles = bench.reflex.runtime.vertx().eventBus().<ScalingDecision>localConsumer(
          Addresses.CONTROLLER_DECISION, m -> {
            if (m.body().online() >= 2) {
              profiled.computeIfAbsent(m.body().target().name(), k -> new CompletableFuture<>())
                  .complete(System.nanoTime());
            }
          });
      HttpClient http = bench.reflex.runtime.vertx().createHttpClient();
      int port = bench.reflex.app.httpPort();
      List<Double> latencies = new ArrayList<>();
      List<Double> acks = new ArrayList<>();
      List<Double> decisionTimes = new ArrayList<>();
      List<Double> profileTimes = new ArrayList<>();
      int timeouts = 0;
      log((warmup + bursts) + " bursts (" + warmup + " warm-up)");
      for (int i = 0; i < warmup + bursts; i++) {
        String target = BenchCluster.workload(i);
        CompletableFuture<Long> seen = scaled.computeIfAbsent(target, k -> new CompletableFuture<>());
        CompletableFuture<Long> portrait = decided.computeIfAbsent(target, k -> new CompletableFuture<>());
        CompletableFuture<Long> profile = profiled.computeIfAbsent(target, k -> new CompletableFuture<>());
        byte[] body = RemoteWriteEncoder.encode(List.of(RemoteWriteEncoder.series(System.currentTimeMillis(), 300,
            "__name__", "rps", "namespace", BenchCluster.namespace(i), "pod", target + "-0")));
        CompletableFuture<Long> ack = new CompletableFuture<>();
        long sent = System.nanoTime();
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/api/v1/write"))
            .compose(req -> req.putHeader("Content-Encoding", "snappy")
                .putHeader("Content-Type", "application/x-protobuf")
                .putHeader("X-Prometheus-Remote-Write-Version", "0.1.0").send(Buffer.buffer(body)))
            .onComplete(r -> {
              if (r.succeeded() && r.result().statusCode() == 204) {
                ack.complete(System.nanoTime());
              } else {
                ack.completeExceptionally(new IllegalStateException("remote-write answered "
                    + (r.succeeded() ? r.result().statusCode() : r.cause())));
              }
            });
        long acked = ack.get(10, TimeUnit.SECONDS);
        long at;
        try {
          at = seen.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          timeouts++;
          log("burst " + i + " on " + target + " not scaled within 10 s");
          continue;
        }
        if (i >= warmup) {
          latencies.add((at - sent) / 1e6);
          acks.add((acked - sent) / 1e6);
          if (portrait.isDone()) {
            decisionTimes.add((portrait.get() - sent) / 1e6);
          }
          if (profile.isDone()) {
            profileTimes.add((profile.get() - sent) / 1e6);
          }
        }
        BenchCluster.sleep(gapMillis);
      }
      watch.close();
      http.close();
      decisions.unregister();
      profiles.unregister();

      latencies.sort(Double::compare);
      acks.sort(Double::compare);
      decisionTimes.sort(Double::compare);
      profileTimes.sort(Double::compare);
      watchAfterResponse.sort(Double::compare);
      figures.put("bursts", latencies.size())
          .put("warmupBursts", warmup)
          .put("timeouts", timeouts)
          .put("from", "just before the remote-write POST is sent (client side)")
          .put("to", "spec.replicas change seen by a StatefulSet watch in the same JVM (includes watch delivery)")
          .put("p50Ms", BenchCluster.round(BenchCluster.percentile(latencies, 0.5), 2))
          .put("p90Ms", BenchCluster.round(BenchCluster.percentile(latencies, 0.9), 2))
          .put("p99Ms", BenchCluster.round(BenchCluster.percentile(latencies, 0.99), 2))
          .put("maxMs", BenchCluster.round(latencies.get(latencies.size() - 1), 2))
          .put("burstsOver250Ms", latencies.stream().filter(l -> l > 250).count())
          .put("meanMs", BenchCluster.round(latencies.stream().mapToDouble(Double::doubleValue).average()
              .orElse(0), 2))
          .put("remoteWriteAckP50Ms", BenchCluster.round(BenchCluster.percentile(acks, 0.5), 2))
          .put("remoteWriteAckP99Ms", BenchCluster.round(BenchCluster.percentile(acks, 0.99), 2))
          .put("streamedSignalP50Ms", BenchCluster.round(BenchCluster.percentile(decisionTimes, 0.5), 2))
          .put("streamedSignalP99Ms", BenchCluster.round(BenchCluster.percentile(decisionTimes, 0.99), 2))
          .put("profileWrittenP50Ms", BenchCluster.round(BenchCluster.percentile(profileTimes, 0.5), 2))
          .put("profileWrittenP99Ms", BenchCluster.round(BenchCluster.percentile(profileTimes, 0.99), 2))
          .put("watchDelayAfterPatchResponseP50Ms", BenchCluster.round(BenchCluster.percentile(watchAfterResponse,
              0.5), 2))
          .put("watchDelayAfterPatchResponseP99Ms", BenchCluster.round(BenchCluster.percentile(watchAfterResponse,
              0.99), 2))
          .put("aimP99Ms", 50)
          .put("podStartupDelay", podDelay)
          .put("wallSeconds", BenchCluster.round((System.nanoTime() - started) / 1e9, 1))
          .put("command", kubeHpa ? "BENCH_ALGORITHM=KubeHPA scripts/bench-burst" : "scripts/bench-burst");
    }
    BenchCluster.writeFigures(figures);
    System.exit(0);
  }

  /**
   * Waits until Reflex has written nothing for 2 s (Lease renewals aside); returns whether the controllers report
   * idle by then.
   */
  private static boolean quiet(BenchCluster bench, Duration timeout) {
    var faults = bench.reflex.cluster.faults();
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = faults.writes();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < 2_000_000_000L && System.nanoTime() < deadline) {
      BenchCluster.sleep(100);
      long now = faults.writes();
      if (now != last) {
        List<String> recent = faults.recentWrites();
        boolean onlyLeases = now - last <= recent.size() && recent.subList(recent.size() - (int) (now - last),
            recent.size()).stream().allMatch(w -> w.contains("/leases/"));
        last = now;
        if (!onlyLeases) {
          quietSince = System.nanoTime();
        }
      }
    }
    return bench.reflex.app.controllers().idle();
  }

  private static void log(String line) {
    System.err.println("bench-burst: " + line);
  }
}
