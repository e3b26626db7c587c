package dev.reflex.metrics.load;

import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a workload's demand into per-pod samples. Demand is total concurrent requests, split evenly over the
 * workload's ready pods; each request is assumed to take {@value #REQUEST_SECONDS} s, so a pod with concurrency c
 * serves c / 0.1 = 10·c requests per second, and uses {@value #IDLE_CORES} cores plus {@value #CORES_PER_RPS} per
 * request per second. Example: demand 80 on 4 pods → 20 concurrent, 200 rps and 0.05 + 200 · 0.002 = 0.45 cores per
 * pod.
 */
public final class PodLoad {

  /** Metric names emitted. */
  public static final String CONCURRENCY = "concurrency";
  public static final String RPS = "rps";
  public static final String CPU = "cpu_usage_cores";

  /** How long one simulated request takes: concurrency = requests per second × this. */
  public static final double REQUEST_SECONDS = 0.1;
  static final double IDLE_CORES = 0.05;
  static final double CORES_PER_RPS = 0.002;

  private PodLoad() {
  }

  /** The series (three per pod) for every target at {@code timestampMillis}, with {@code demand} per workload. */
  public static List<RawSeries> samples(List<LoadTarget> targets, double demand, long timestampMillis) {
    Map<String, List<LoadTarget>> byWorkload = new LinkedHashMap<>();
    for (LoadTarget t : targets) {
      byWorkload.computeIfAbsent(t.namespace() + "/" + t.workload(), k -> new ArrayList<>()).add(t);
    }
    List<RawSeries> out = new ArrayList<>();
    for (List<LoadTarget> pods : byWorkload.values()) {
      double concurrency = demand / pods.size();
      double rps = concurrency / REQUEST_SECONDS;
      double cpu = IDLE_CORES + rps * CORES_PER_RPS;
      for (LoadTarget p : pods) {
        out.add(series(p, CONCURRENCY, concurrency, timestampMillis));
        out.add(series(p, RPS, rps, timestampMillis));
        out.add(series(p, CPU, cpu, timestampMillis));
      }
    }
    return out;
  }

  private static RawSeries series(LoadTarget p, String metric, double value, long ts) {
    return RemoteWriteEncoder.series(ts, value, "__name__", metric, "namespace", p.namespace(), "pod", p.pod(),
        "job", "reflex-load");
  }
}
