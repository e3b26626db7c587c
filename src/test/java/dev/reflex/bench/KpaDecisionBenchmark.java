package dev.reflex.bench;

import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.Kpa;
import dev.reflex.core.kpa.KpaConfig;
import dev.reflex.core.kpa.KpaDecision;
import dev.reflex.core.kpa.KpaState;
import dev.reflex.core.kpa.KpaTarget;
import dev.reflex.core.kpa.Sample;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * KPA decisions per second on one thread. Each invocation is one decider tick 2 s after the previous one, fed
 * back the previous state, so the windows, panic mode and scale-down delay evolve as in production:
 * {@code decideWithSamples} records two new 1-s samples into the 60-s stable and 6-s panic windows (the full
 * path); {@code decideWithObservedValues} passes precomputed window values. The load follows a saw-tooth that
 * crosses the panic threshold now and then. Run through {@code scripts/bench-core}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KpaDecisionBenchmark {

  private static final double[] LOAD = {40, 55, 70, 90, 140, 260, 420, 380, 300, 210, 150, 100, 80, 60, 45, 30};

  private DeciderSpec spec;
  private KpaState state;
  private Instant now;
  private int ready;
  private int step;

  @Setup
  public void setUp() {
    Map<String, Object> keys = Map.of("scale-down-delay", "10s", "target", "10");
    spec = DeciderSpec.resolve(KpaConfig.fromMap(keys, KpaTarget.KEYS), KpaTarget.fromMap(keys));
    state = null;
    now = Instant.parse("2026-01-01T00:00:00Z");
    ready = 4;
    step = 0;
  }

  @Benchmark
  public KpaDecision decideWithSamples() {
    now = now.plusSeconds(2);
    double load = LOAD[step++ & (LOAD.length - 1)];
    List<Sample> samples = List.of(new Sample(now.minusSeconds(1), load), new Sample(now, load + 3));
    KpaDecision decision = Kpa.decide(spec, state, samples, ready, now);
    state = decision.state();
    ready = Math.max(1, decision.desiredPodCount());
    return decision;
  }

  @Benchmark
  public KpaDecision decideWithObservedValues() {
    now = now.plusSeconds(2);
    double load = LOAD[step++ & (LOAD.length - 1)];
    KpaDecision decision = Kpa.decide(spec, state, load * 0.8, load, ready, now);
    state = decision.state();
    ready = Math.max(1, decision.desiredPodCount());
    return decision;
  }
}
