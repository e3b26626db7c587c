package dev.reflex.bench;

import dev.reflex.core.hpa.Behavior;
import dev.reflex.core.hpa.ContainerRequests;
import dev.reflex.core.hpa.ContainerUsage;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.MetricIdentifier;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricTarget;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.PodMetric;
import dev.reflex.core.hpa.PodPhase;
import dev.reflex.core.hpa.Readiness;
import dev.reflex.core.hpa.Scale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * KubeHPA decisions per second on one thread: 20 ready pods, a cpu Utilization metric and a Pods metric, with
 * {@code behavior} present; each call advances the clock by the 15 s sync period and feeds the previous state back,
 * so stabilization and event history are exercised as in a running controller. Load alternates between two levels
 * so that the decision actually moves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KubeHpaDecisionBenchmark {

  private static final int PODS = 20;

  private HpaInput calm;
  private HpaInput busy;
  private HpaState state;
  private Instant now;
  private long calls;

  @Setup
  public void setUp() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    HpaSpec spec = new HpaSpec("web", "default", 2, 40, List.of(
        new MetricSpec.ResourceMetric("cpu", MetricTarget.utilization(60)),
        new MetricSpec.PodsMetric(new MetricIdentifier("http_requests", null), MetricTarget.averageValue(100_000))),
        Behavior.DEFAULTS);
    calm = input(spec, start, 550, 90_000);
    busy = input(spec, start, 800, 140_000);
    state = HpaState.FIRST_SIGHT;
    now = start.plus(Duration.ofHours(1));
  }

  private static HpaInput input(HpaSpec spec, Instant start, long cpuMilli, long requestsMilli) {
    List<PodInfo> pods = new ArrayList<>();
    List<PodMetric> usage = new ArrayList<>();
    List<MetricValue> values = new ArrayList<>();
    for (int i = 0; i < PODS; i++) {
      String name = "web-" + i;
      pods.add(new PodInfo(name, PodPhase.RUNNING, Readiness.TRUE, start.plusSeconds(20), start, false,
          List.of(new ContainerRequests("app", Map.of("cpu", 1000L)))));
      usage.add(new PodMetric(name, start.plus(Duration.ofHours(1)), Duration.ofSeconds(30),
          List.of(new ContainerUsage("app", Map.of("cpu", cpuMilli + i)))));
      values.add(MetricValue.pod("http_requests", name, requestsMilli + i));
    }
    return new HpaInput(spec, new Scale(PODS, PODS, "app=web"), pods, usage, values, null, HpaConfig.DEFAULTS);
  }

  /** One reconcile; returns the decision so that the JIT cannot drop it. */
  @Benchmark
  public HpaDecision decide() {
    HpaInput in = (calls++ / 40) % 2 == 0 ? calm : busy;
    HpaDecision decision = KubeHpa.decide(in, state, now);
    state = decision.nextState();
    now = now.plusSeconds(15);
    return decision;
  }
}
