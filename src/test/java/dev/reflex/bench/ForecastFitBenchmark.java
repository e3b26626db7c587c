package dev.reflex.bench;

import dev.reflex.core.forecast.Forecast;
import dev.reflex.core.forecast.ForecastInput;
import dev.reflex.core.forecast.ForecastSpec;
import dev.reflex.core.forecast.Forecaster;
import dev.reflex.core.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
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
 * Time to fit the built-in forecaster on 7 days of 1-minute history (10,080 points of one traffic metric, usage
 * and ready replicas; daily season of 1,440 steps) and forecast 1 h at 10-minute resolution: the work a portrait
 * refresh does on a worker thread. Run through {@code scripts/bench-predictive}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class ForecastFitBenchmark {

  private ForecastInput input;
  private ForecastSpec spec;
  private Instant now;

  @Setup
  public void setUp() {
    int n = 7 * 1440;
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    Duration step = Duration.ofMinutes(1);
    Random random = new Random(7);
    double[] traffic = new double[n];
    double[] usage = new double[n];
    double[] replicas = new double[n];
    for (int t = 0; t < n; t++) {
      traffic[t] = Math.max(0, 300 + 0.01 * t + 150 * Math.sin(2 * Math.PI * t / 1440) + 15 * random.nextGaussian());
      replicas[t] = Math.max(1, Math.ceil(0.004 * traffic[t] / 0.35));
      usage[t] = 0.05 * replicas[t] + 0.004 * traffic[t];
    }
    input = new ForecastInput(List.of(new RegularSeries(start, step, traffic)), new RegularSeries(start, step, usage),
        new RegularSeries(start, step, replicas));
    spec = new ForecastSpec(Duration.ofDays(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ZERO, 0.5);
    now = start.plus(step.multipliedBy(n));
  }

  @Benchmark
  public Forecast fit7DaysOf1m() {
    return Forecaster.forecast(input, spec, now);
  }
}
