package dev.reflex.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.portrait.TimeSeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forecaster on synthetic periodic traffic with noise and a trend: its traffic forecast beats the naive
 * seasonal forecast (the last period again), and its replicas cover what the future needs and never fall below
 * what the history needed at similar traffic.
 */
class ForecasterTest {

  static final Duration STEP = Duration.ofMinutes(5);
  static final Duration DAY = Duration.ofDays(1);
  static final int M = (int) (DAY.toMillis() / STEP.toMillis());
  static final double IDLE = 0.05;
  static final double CORES_PER_RPS = 0.004;
  static final double TARGET = 0.5;
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  /** A synthetic workload: daily traffic shape, trend, noise; replicas kept at 80% of the target. */
  record Scenario(String name, int days, double base, double trendPerDay, double amplitude, double noise, long seed) {
    @Override
    public String toString() {
      return name;
    }

    /** Traffic at step t, noise included. */
    double[] traffic(int steps, Random random) {
      double[] x = new double[steps];
      for (int t = 0; t < steps; t++) {
        double phase = 2 * Math.PI * t / M;
        double clean = base + trendPerDay * t / M + amplitude * Math.sin(phase) + amplitude / 3
            * Math.sin(2 * phase + 1);
        x[t] = Math.max(0, clean + noise * random.nextGaussian());
      }
      return x;
    }
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(new Scenario("daily cycle with upward trend and noise", 4, 300, 30, 150, 15, 1)),
        Arguments.of(new Scenario("strong noise, no trend", 3, 400, 0, 200, 40, 2)),
        Arguments.of(new Scenario("downward trend over a week", 7, 600, -25, 250, 20, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void beatsNaiveSeasonalAndCoversTheNeed(Scenario s, TestReporter reporter) {
    Random random = new Random(s.seed());
    int n = s.days() * M;
    double[] all = s.traffic(n + M, random);
    double[] traffic = java.util.Arrays.copyOf(all, n);
    double[] replicas = new double[n];
    double[] usage = new double[n];
    for (int t = 0; t < n; t++) {
      replicas[t] = Math.max(1, Math.ceil(CORES_PER_RPS * traffic[t] / (0.8 * TARGET - IDLE)));
      usage[t] = IDLE * replicas[t] + CORES_PER_RPS * traffic[t] * (1 + 0.02 * random.nextGaussian());
    }
    Instant lastTime = START.plus(STEP.multipliedBy(n - 1L));
    Instant now = lastTime.plusSeconds(60);
    ForecastInput input = new ForecastInput(List.of(new RegularSeries(START, STEP, traffic)),
        new RegularSeries(START, STEP, usage), new RegularSeries(START, STEP, replicas));
    Forecast f = Forecaster.forecast(input,
        new ForecastSpec(DAY, Duration.ofMinutes(30), DAY.minus(STEP), Duration.ZERO, TARGET), now);

    // Traffic: one day ahead against the noisy truth.
    RegularSeries predicted = f.traffic().get(0);
    double err = 0;
    double naiveErr = 0;
    int count = Math.min(M, predicted.size());
    for (int k = 0; k < count; k++) {
      double truth = all[n + k];
      err += Math.abs(predicted.get(k) - truth) / truth;
      naiveErr += Math.abs(traffic[n + k - M] - truth) / truth;
    }
    double mape = err / count;
    double naiveMape = naiveErr / count;
    String report = String.format("%s: traffic MAPE forecaster %.2f%%, naive seasonal %.2f%%", s.name(),
        100 * mape, 100 * naiveMape);
    reporter.publishEntry("MAPE", report);
    System.out.println(report);
    assertTrue(mape < naiveMape, "forecaster MAPE " + mape + " vs naive " + naiveMape);

    // The usage model recovers the simulated costs.
    assertEquals(CORES_PER_RPS, f.model().perTraffic().get(0), CORES_PER_RPS * 0.05);
    assertEquals(IDLE, f.model().baseline(), 0.02);

    // Replicas: never below the history's need at similar traffic, and covering the true future need.
    int covered = 0;
    int future = 0;
    for (int k = 0; k < predicted.size(); k++) {
      Instant at = predicted.timeAt(k);
      int bucketReplicas = replicasAt(f.points(), at);
      int floor = historyNeed(traffic, usage, predicted.get(k));
      assertTrue(bucketReplicas >= floor, "at " + at + ": " + bucketReplicas + " < history need " + floor);
      if (k < M) {
        future++;
        int need = (int) Math.ceil(CORES_PER_RPS * all[n + k] / (TARGET - IDLE));
        covered += bucketReplicas >= need ? 1 : 0;
      }
    }
    reporter.publishEntry("coverage", covered + " of " + future + " future steps have enough replicas");
    assertTrue(covered >= 0.9 * future, covered + " of " + future + " future steps covered");

    // The portrait: 30-minute buckets from the one holding now (history ends 23:55, now 23:56), up to the horizon.
    assertEquals(START.plus(DAY.multipliedBy(s.days())).minus(Duration.ofMinutes(30)), f.points().get(0)
        .timestamp());
    assertEquals(f.points().get(f.points().size() - 1).timestamp().plus(Duration.ofMinutes(30)), f.expireTime());
    assertTrue(!f.expireTime().isBefore(now.plus(DAY.minus(STEP))));
  }

  @Test
  void aLeadTimeAsksForEachBucketsReplicasThatMuchEarlier() {
    Scenario s = new Scenario("daily cycle", 2, 300, 0, 150, 10, 4);
    int n = s.days() * M;
    double[] traffic = s.traffic(n, new Random(s.seed()));
    double[] replicas = new double[n];
    double[] usage = new double[n];
    for (int t = 0; t < n; t++) {
      replicas[t] = Math.max(1, Math.ceil(CORES_PER_RPS * traffic[t] / (0.8 * TARGET - IDLE)));
      usage[t] = IDLE * replicas[t] + CORES_PER_RPS * traffic[t];
    }
    ForecastInput input = new ForecastInput(List.of(new RegularSeries(START, STEP, traffic)),
        new RegularSeries(START, STEP, usage), new RegularSeries(START, STEP, replicas));
    Instant now = START.plus(STEP.multipliedBy(n));
    Duration lead = Duration.ofMinutes(15);
    List<TimeSeriesPoint> onTime = Forecaster.forecast(input,
        new ForecastSpec(DAY, STEP, Duration.ofHours(6), Duration.ZERO, TARGET), now).points();
    List<TimeSeriesPoint> ahead = Forecaster.forecast(input,
        new ForecastSpec(DAY, STEP, Duration.ofHours(6), lead, TARGET), now).points();

    // Buckets of one step: a bucket with a 15-minute lead holds the most of the on-time buckets over the next
    // 15 minutes, its own included (4 buckets); the same times, the same expiry.
    assertEquals(onTime.size(), ahead.size());
    int raised = 0;
    for (int a = 0; a + 3 < onTime.size(); a++) {
      int most = 0;
      for (int k = a; k <= a + 3; k++) {
        most = Math.max(most, onTime.get(k).replicas());
      }
      assertEquals(onTime.get(a).timestamp(), ahead.get(a).timestamp());
      assertEquals(most, ahead.get(a).replicas(), "bucket " + ahead.get(a).timestamp());
      raised += ahead.get(a).replicas() > onTime.get(a).replicas() ? 1 : 0;
    }
    assertTrue(raised > 0, "a rising forecast raises some buckets ahead of it");
  }

  static Stream<Arguments> refusals() {
    double[] two = new double[2 * M];
    java.util.Arrays.fill(two, 1);
    double[] short1 = new double[2 * M - 1];
    java.util.Arrays.fill(short1, 1);
    return Stream.of(
        Arguments.of("less than two periods", short1, DAY, TARGET, "historyLength"),
        Arguments.of("season not a whole number of steps", two, DAY.plusMinutes(1), TARGET, "seasonalityPeriod"),
        Arguments.of("target at an idle replica's usage", two, DAY, 0.0001, "idle replica"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWithTheFieldNamed(String name, double[] values, Duration season, double target, String field) {
    double[] usage = values.clone();
    for (int i = 0; i < usage.length; i++) {
      usage[i] = 0.1 + 0.001 * (i % 7);
    }
    RegularSeries traffic = new RegularSeries(START, STEP, values);
    ForecastInput input = new ForecastInput(List.of(traffic), new RegularSeries(START, STEP, usage),
        new RegularSeries(START, STEP, values));
    Instant now = traffic.timeAt(values.length - 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forecaster.forecast(input,
        new ForecastSpec(season, Duration.ofMinutes(30), Duration.ofHours(1), Duration.ZERO, target), now));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  static Stream<Arguments> gaps() {
    double nan = Double.NaN;
    return Stream.of(
        Arguments.of("inner gap is interpolated", new double[] {1, nan, nan, 4}, new double[] {1, 2, 3, 4}),
        Arguments.of("edges take the nearest value", new double[] {nan, 2, 3, nan}, new double[] {2, 2, 3, 3}),
        Arguments.of("nothing missing", new double[] {5, 6}, new double[] {5, 6}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gaps")
  void fillsGaps(String name, double[] in, double[] expected) {
    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(Forecaster.filled(in, "x")));
  }

  static int replicasAt(List<TimeSeriesPoint> points, Instant at) {
    int value = -1;
    for (TimeSeriesPoint p : points) {
      if (!p.timestamp().isAfter(at)) {
        value = p.replicas();
      }
    }
    return value;
  }

  // Independent of the implementation: max over history points within 5% traffic of ceil(usage / target).
  static int historyNeed(double[] traffic, double[] usage, double x) {
    int most = 0;
    for (int t = 0; t < traffic.length; t++) {
      if (Math.abs(traffic[t] - x) <= 0.05 * x) {
        most = Math.max(most, (int) Math.ceil(usage[t] / TARGET - 1e-9));
      }
    }
    return most;
  }
}
