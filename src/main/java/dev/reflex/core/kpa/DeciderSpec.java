package dev.reflex.core.kpa;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything one revision's decider needs, resolved from {@link KpaConfig} and {@link KpaTarget}
 * (Knative's {@code DeciderSpec} plus the bounds and scale-to-zero settings its PA scaler applies afterwards).
 *
 * @param scalingMetric the metric the observed values are of
 * @param targetValue per-pod target: total × utilization, at least 0.01 (e.g. 100 × 0.7 = 70)
 * @param totalValue per-pod capacity (the total before utilization), used for burst capacity
 * @param targetBurstCapacity spare capacity to keep before the activator leaves the path: 0, -1 (unlimited) or
 *     positive
 * @param panicThreshold panic when panic pod count / max(1, ready) reaches this ratio (2.0 = 200 %)
 * @param maxScaleUpRate at most ceil(rate × max(1, ready)) pods
 * @param maxScaleDownRate at least floor(max(1, ready) / rate) pods (when reachable)
 * @param stableWindow the stable window, whole seconds ≥ 1
 * @param panicWindow the panic window, whole seconds ≥ 1 (stable × panic-window-percentage, rounded)
 * @param scaleDownDelay how long a higher recommendation is kept before scaling down; whole seconds ≥ 0
 * @param activationScale the fewest pods once there is any demand; ≥ 0, where 0 (upstream's unset value) acts as 1
 * @param activatorCapacity requests one activator handles; &gt; 0
 * @param initialScale pods to reach before the revision counts as initialized; ≥ 0
 * @param minScale lower bound for reachable revisions; ≥ 0
 * @param maxScale upper bound; 0 = unbounded
 * @param reachable whether traffic can reach the revision
 * @param enableScaleToZero whether a zero recommendation may remove the last pod
 * @param scaleToZeroGracePeriod how long an inactive revision keeps its last pod; &gt; 0
 * @param scaleToZeroPodRetentionPeriod minimum time the last pod stays after going inactive; ≥ 0
 * @param aggregation how sample windows are averaged
 */
public record DeciderSpec(
    ScalingMetric scalingMetric,
    double targetValue,
    double totalValue,
    double targetBurstCapacity,
    double panicThreshold,
    double maxScaleUpRate,
    double maxScaleDownRate,
    Duration stableWindow,
    Duration panicWindow,
    Duration scaleDownDelay,
    int activationScale,
    double activatorCapacity,
    int initialScale,
    int minScale,
    int maxScale,
    boolean reachable,
    boolean enableScaleToZero,
    Duration scaleToZeroGracePeriod,
    Duration scaleToZeroPodRetentionPeriod,
    Aggregation aggregation) {

  /** Validates; the exception names the record component. */
  public DeciderSpec {
    Objects.requireNonNull(scalingMetric, "scalingMetric");
    Objects.requireNonNull(aggregation, "aggregation");
    requirePositive("targetValue", targetValue);
    if (!(totalValue >= 0) || Double.isInfinite(totalValue)) {
      throw new KpaInputException("totalValue", "must be a finite number ≥ 0, was " + totalValue);
    }
    if (!(targetBurstCapacity >= 0 || targetBurstCapacity == -1) || Double.isInfinite(targetBurstCapacity)) {
      throw new KpaInputException("targetBurstCapacity", "must be ≥ 0 or -1 (unlimited), was " + targetBurstCapacity);
    }
    requirePositive("panicThreshold", panicThreshold);
    requirePositive("maxScaleUpRate", maxScaleUpRate);
    requirePositive("maxScaleDownRate", maxScaleDownRate);
    requirePositive("activatorCapacity", activatorCapacity);
    requireWholeSeconds("stableWindow", stableWindow, 1);
    requireWholeSeconds("panicWindow", panicWindow, 1);
    requireWholeSeconds("scaleDownDelay", scaleDownDelay, 0);
    // The resolved spec's zero value is "unset" upstream and behaves as 1 (the decider only applies values above
    // 1); the annotation itself must still say at least 1 (KpaTarget).
    if (activationScale < 0) {
      throw new KpaInputException("activationScale", "must be at least 0, was " + activationScale);
    }
    if (initialScale < 0) {
      throw new KpaInputException("initialScale", "must be at least 0, was " + initialScale);
    }
    if (maxScale < 0) {
      throw new KpaInputException("maxScale", "must be at least 0 (0 = unbounded), was " + maxScale);
    }
    if (minScale < 0 || (maxScale > 0 && minScale > maxScale)) {
      throw new KpaInputException("minScale", "must be in [0, maxScale], was " + minScale);
    }
    Objects.requireNonNull(scaleToZeroGracePeriod, "scaleToZeroGracePeriod");
    Objects.requireNonNull(scaleToZeroPodRetentionPeriod, "scaleToZeroPodRetentionPeriod");
    if (scaleToZeroGracePeriod.isNegative() || scaleToZeroGracePeriod.isZero()) {
      throw new KpaInputException("scaleToZeroGracePeriod", "must be positive, was " + scaleToZeroGracePeriod);
    }
    if (scaleToZeroPodRetentionPeriod.isNegative()) {
      throw new KpaInputException("scaleToZeroPodRetentionPeriod",
          "cannot be negative, was " + scaleToZeroPodRetentionPeriod);
    }
  }

  /** The stable window's length in whole seconds, which is also its number of 1-second buckets. */
  public int stableWindowSeconds() {
    return (int) stableWindow.getSeconds();
  }

  /** The panic window's length in whole seconds. */
  public int panicWindowSeconds() {
    return (int) panicWindow.getSeconds();
  }

  /**
   * Resolves a revision's spec the way Knative's reconciler builds a decider.
   *
   * <p>Target: concurrency uses containerConcurrency (or {@code container-concurrency-target-default} when it is
   * 0) with {@code container-concurrency-target-percentage}; rps uses {@code requests-per-second-target-default}
   * with a fixed 0.7. A {@code target} annotation replaces the total (capped at containerConcurrency when that is
   * set), {@code target-utilization-percentage} replaces the utilization, and targetValue = max(0.01, total ×
   * utilization). Seed example: containerConcurrency 10 at 70 % gives 10 × 0.7 = 7 per pod, so 100 concurrent
   * requests want ceil(100 / 7) = 15 pods.
   *
   * <p>Panic window: stable × panic-window-percentage / 100, rounded to whole seconds, at least 1 s (60 s × 10 % =
   * 6 s). Panic threshold: percentage / 100 (200 → 2.0).
   */
  public static DeciderSpec resolve(KpaConfig config, KpaTarget target) {
    double total;
    double utilization;
    if (target.metric() == ScalingMetric.RPS) {
      total = config.requestsPerSecondTargetDefault();
      utilization = RPS_TARGET_UTILIZATION;
      if (target.target().isPresent()) {
        total = target.target().getAsDouble();
      }
    } else {
      int cc = target.containerConcurrency();
      total = cc == 0 ? config.containerConcurrencyTargetDefault() : cc;
      utilization = config.containerConcurrencyTargetFraction();
      if (target.target().isPresent()) {
        total = cc == 0 ? target.target().getAsDouble() : Math.min(target.target().getAsDouble(), cc);
      }
    }
    if (target.targetUtilizationPercentage().isPresent()) {
      utilization = target.targetUtilizationPercentage().getAsDouble() / 100.0;
    }
    double targetValue = Math.max(KpaConfig.TARGET_MIN, total * utilization);
    return new DeciderSpec(target.metric(), targetValue, total, config.targetBurstCapacity(),
        config.panicThresholdPercentage() / 100.0, config.maxScaleUpRate(), config.maxScaleDownRate(),
        config.stableWindow(), panicWindow(config.stableWindow(), config.panicWindowPercentage()),
        config.scaleDownDelay(), target.activationScale(), config.activatorCapacity(), config.initialScale(),
        config.minScale(), config.maxScale(), target.reachable(), config.enableScaleToZero(),
        config.scaleToZeroGracePeriod(), config.scaleToZeroPodRetentionPeriod(), target.aggregation());
  }

  /** The fixed target utilization Knative applies to requests-per-second targets. */
  public static final double RPS_TARGET_UTILIZATION = 0.7;

  /**
   * The panic window Knative derives from a stable window: stable × percentage / 100 rounded to the nearest second
   * (halves away from zero, like Go's {@code Duration.Round}), never below one second (60 s × 10 % = 6 s).
   */
  public static Duration panicWindow(Duration stable, double percentage) {
    double nanos = stable.toNanos() * percentage / 100.0;
    long seconds = (long) Math.floor(nanos / 1e9 + 0.5);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  private static void requirePositive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new KpaInputException(field, "must be a finite number > 0, was " + value);
    }
  }

  private static void requireWholeSeconds(String field, Duration value, long min) {
    Objects.requireNonNull(value, field);
    if (value.getNano() != 0 || value.getSeconds() < min || value.getSeconds() > Integer.MAX_VALUE) {
      throw new KpaInputException(field, "must be whole seconds ≥ " + min + ", was " + value);
    }
  }
}
