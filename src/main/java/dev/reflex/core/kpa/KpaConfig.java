package dev.reflex.core.kpa;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Knative's {@code config-autoscaler} ConfigMap, with Knative's key names, defaults and validation rules.
 *
 * <p>Percent-like keys keep Knative's conventions: {@code container-concurrency-target-percentage} is stored as a
 * fraction (a value above 1 is read as a percentage, so {@code "70"} and {@code "0.7"} both mean 0.7), while
 * {@code panic-window-percentage} and {@code panic-threshold-percentage} stay percentages here and become a
 * window length and a ratio in {@link DeciderSpec#resolve}.
 *
 * @param containerConcurrencyTargetDefault {@code container-concurrency-target-default} (100): per-pod concurrency
 *     target when the revision's containerConcurrency is 0
 * @param containerConcurrencyTargetFraction {@code container-concurrency-target-percentage} (0.7), in (0, 1]
 * @param requestsPerSecondTargetDefault {@code requests-per-second-target-default} (200)
 * @param targetBurstCapacity {@code target-burst-capacity} (211): ≥ 0, or -1 for unlimited
 * @param activatorCapacity {@code activator-capacity} (100), ≥ 1
 * @param maxScaleUpRate {@code max-scale-up-rate} (1000), &gt; 1
 * @param maxScaleDownRate {@code max-scale-down-rate} (2), &gt; 1
 * @param panicWindowPercentage {@code panic-window-percentage} (10), in [1, 100]
 * @param panicThresholdPercentage {@code panic-threshold-percentage} (200)
 * @param stableWindow {@code stable-window} (60 s), in [6 s, 1 h], whole seconds
 * @param scaleDownDelay {@code scale-down-delay} (0 s), ≥ 0, whole seconds
 * @param scaleToZeroGracePeriod {@code scale-to-zero-grace-period} (30 s), &gt; 0
 * @param scaleToZeroPodRetentionPeriod {@code scale-to-zero-pod-retention-period} (0 s), ≥ 0
 * @param enableScaleToZero {@code enable-scale-to-zero} (true)
 * @param allowZeroInitialScale {@code allow-zero-initial-scale} (false)
 * @param initialScale {@code initial-scale} (1): ≥ 1, or 0 when zero initial scale is allowed
 * @param minScale {@code min-scale} (0)
 * @param maxScale {@code max-scale} (0 = unbounded)
 * @param maxScaleLimit {@code max-scale-limit} (0 = none)
 * @param podAutoscalerClass {@code pod-autoscaler-class} ({@code kpa.autoscaling.knative.dev})
 */
public record KpaConfig(
    double containerConcurrencyTargetDefault,
    double containerConcurrencyTargetFraction,
    double requestsPerSecondTargetDefault,
    double targetBurstCapacity,
    double activatorCapacity,
    double maxScaleUpRate,
    double maxScaleDownRate,
    double panicWindowPercentage,
    double panicThresholdPercentage,
    Duration stableWindow,
    Duration scaleDownDelay,
    Duration scaleToZeroGracePeriod,
    Duration scaleToZeroPodRetentionPeriod,
    boolean enableScaleToZero,
    boolean allowZeroInitialScale,
    int initialScale,
    int minScale,
    int maxScale,
    int maxScaleLimit,
    String podAutoscalerClass) {

  /** Knative's smallest allowed per-pod target. */
  public static final double TARGET_MIN = 0.01;
  /** Bounds of {@code stable-window}. */
  public static final Duration WINDOW_MIN = Duration.ofSeconds(6);
  public static final Duration WINDOW_MAX = Duration.ofHours(1);

  /** Every key this record reads, as spelled in the ConfigMap. */
  public static final Set<String> KEYS = Set.of(
      "container-concurrency-target-default", "container-concurrency-target-percentage",
      "requests-per-second-target-default", "target-burst-capacity", "activator-capacity", "max-scale-up-rate",
      "max-scale-down-rate", "panic-window-percentage", "panic-threshold-percentage", "stable-window",
      "scale-down-delay", "scale-to-zero-grace-period", "scale-to-zero-pod-retention-period",
      "enable-scale-to-zero", "allow-zero-initial-scale", "initial-scale", "min-scale", "max-scale",
      "max-scale-limit", "pod-autoscaler-class");

  /** Validates as Knative does; the exception names the offending key. */
  public KpaConfig {
    Objects.requireNonNull(stableWindow, "stableWindow");
    Objects.requireNonNull(scaleDownDelay, "scaleDownDelay");
    Objects.requireNonNull(scaleToZeroGracePeriod, "scaleToZeroGracePeriod");
    Objects.requireNonNull(scaleToZeroPodRetentionPeriod, "scaleToZeroPodRetentionPeriod");
    Objects.requireNonNull(podAutoscalerClass, "podAutoscalerClass");
    if (scaleToZeroGracePeriod.isNegative() || scaleToZeroGracePeriod.isZero()) {
      throw new KpaInputException("scale-to-zero-grace-period", "must be positive, was " + scaleToZeroGracePeriod);
    }
    if (scaleDownDelay.isNegative()) {
      throw new KpaInputException("scale-down-delay", "cannot be negative, was " + scaleDownDelay);
    }
    if (scaleDownDelay.getNano() != 0) {
      throw new KpaInputException("scale-down-delay", "must be whole seconds, was " + scaleDownDelay);
    }
    if (scaleToZeroPodRetentionPeriod.isNegative()) {
      throw new KpaInputException("scale-to-zero-pod-retention-period",
          "cannot be negative, was " + scaleToZeroPodRetentionPeriod);
    }
    if (targetBurstCapacity < 0 && targetBurstCapacity != -1) {
      throw new KpaInputException("target-burst-capacity",
          "must be non-negative or -1 (unlimited), was " + targetBurstCapacity);
    }
    if (containerConcurrencyTargetFraction <= 0 || containerConcurrencyTargetFraction > 1) {
      throw new KpaInputException("container-concurrency-target-percentage",
          "must be in (0, 100], was " + containerConcurrencyTargetFraction);
    }
    if (containerConcurrencyTargetFraction * containerConcurrencyTargetDefault < TARGET_MIN) {
      throw new KpaInputException("container-concurrency-target-default",
          "with container-concurrency-target-percentage yields a target below " + TARGET_MIN);
    }
    if (requestsPerSecondTargetDefault < TARGET_MIN) {
      throw new KpaInputException("requests-per-second-target-default",
          "must be at least " + TARGET_MIN + ", was " + requestsPerSecondTargetDefault);
    }
    if (activatorCapacity < 1) {
      throw new KpaInputException("activator-capacity", "must be at least 1, was " + activatorCapacity);
    }
    if (maxScaleUpRate <= 1) {
      throw new KpaInputException("max-scale-up-rate", "must be greater than 1, was " + maxScaleUpRate);
    }
    if (maxScaleDownRate <= 1) {
      throw new KpaInputException("max-scale-down-rate", "must be greater than 1, was " + maxScaleDownRate);
    }
    if (stableWindow.compareTo(WINDOW_MIN) < 0 || stableWindow.compareTo(WINDOW_MAX) > 0) {
      throw new KpaInputException("stable-window", "must be in [6s, 1h], was " + stableWindow);
    }
    if (stableWindow.getNano() != 0) {
      throw new KpaInputException("stable-window", "must be whole seconds, was " + stableWindow);
    }
    if (panicWindowPercentage < 1 || panicWindowPercentage > 100) {
      throw new KpaInputException("panic-window-percentage", "must be in [1, 100], was " + panicWindowPercentage);
    }
    if (panicThresholdPercentage <= 0) {
      throw new KpaInputException("panic-threshold-percentage", "must be positive, was " + panicThresholdPercentage);
    }
    if (initialScale < 0 || (initialScale == 0 && !allowZeroInitialScale)) {
      throw new KpaInputException("initial-scale",
          "must be at least 1 (or 0 when allow-zero-initial-scale is true), was " + initialScale);
    }
    if (maxScaleLimit < 0) {
      throw new KpaInputException("max-scale-limit", "must be at least 0, was " + maxScaleLimit);
    }
    int minMaxScale = maxScaleLimit > 0 ? 1 : 0;
    if (maxScale < minMaxScale || (maxScaleLimit > 0 && maxScale > maxScaleLimit)) {
      throw new KpaInputException("max-scale",
          "must be in [" + minMaxScale + ", max-scale-limit(" + maxScaleLimit + ")], was " + maxScale);
    }
    if (minScale < 0 || (maxScale > 0 && minScale > maxScale)) {
      throw new KpaInputException("min-scale", "must be in [0, max-scale], was " + minScale);
    }
  }

  /** Knative's defaults. */
  public static KpaConfig defaults() {
    return new KpaConfig(100, 0.7, 200, 211, 100, 1000, 2, 10, 200, Duration.ofSeconds(60), Duration.ZERO,
        Duration.ofSeconds(30), Duration.ZERO, true, false, 1, 0, 0, 0, "kpa.autoscaling.knative.dev");
  }

  /**
   * Reads a {@code config-autoscaler} data map. Values are the ConfigMap's strings ({@code "60s"}, {@code "200.0"},
   * {@code "true"}) or JSON numbers/booleans; missing keys keep Knative's defaults.
   *
   * @param data the keys; keys listed in {@code ignored} (per-target settings read elsewhere) are skipped
   * @param ignored keys that are valid in the same map but not config keys
   * @throws KpaInputException naming the key for an unknown key, an unparsable value or a value out of range
   */
  public static KpaConfig fromMap(Map<String, ?> data, Set<String> ignored) {
    KpaConfig d = defaults();
    for (String key : data.keySet()) {
      if (!KEYS.contains(key) && !ignored.contains(key) && !key.startsWith("_")) {
        throw new KpaInputException(key, "unknown config-autoscaler key");
      }
    }
    double ccFraction = data.containsKey("container-concurrency-target-percentage")
        ? ConfigValues.asDouble("container-concurrency-target-percentage",
            data.get("container-concurrency-target-percentage"))
        : d.containerConcurrencyTargetFraction;
    // Knative accepts the legacy fraction form (0, 1] and percentages above 1: "70" and "0.7" both mean 0.7.
    if (ccFraction > 1) {
      ccFraction /= 100.0;
    }
    return new KpaConfig(
        dbl(data, "container-concurrency-target-default", d.containerConcurrencyTargetDefault),
        ccFraction,
        dbl(data, "requests-per-second-target-default", d.requestsPerSecondTargetDefault),
        dbl(data, "target-burst-capacity", d.targetBurstCapacity),
        dbl(data, "activator-capacity", d.activatorCapacity),
        dbl(data, "max-scale-up-rate", d.maxScaleUpRate),
        dbl(data, "max-scale-down-rate", d.maxScaleDownRate),
        dbl(data, "panic-window-percentage", d.panicWindowPercentage),
        dbl(data, "panic-threshold-percentage", d.panicThresholdPercentage),
        dur(data, "stable-window", d.stableWindow),
        dur(data, "scale-down-delay", d.scaleDownDelay),
        dur(data, "scale-to-zero-grace-period", d.scaleToZeroGracePeriod),
        dur(data, "scale-to-zero-pod-retention-period", d.scaleToZeroPodRetentionPeriod),
        bool(data, "enable-scale-to-zero", d.enableScaleToZero),
        bool(data, "allow-zero-initial-scale", d.allowZeroInitialScale),
        int32(data, "initial-scale", d.initialScale),
        int32(data, "min-scale", d.minScale),
        int32(data, "max-scale", d.maxScale),
        int32(data, "max-scale-limit", d.maxScaleLimit),
        data.containsKey("pod-autoscaler-class")
            ? ConfigValues.asString("pod-autoscaler-class", data.get("pod-autoscaler-class"))
            : d.podAutoscalerClass);
  }

  /** {@link #fromMap(Map, Set)} for a map holding config keys only. */
  public static KpaConfig fromMap(Map<String, ?> data) {
    return fromMap(data, Set.of());
  }

  private static double dbl(Map<String, ?> data, String key, double fallback) {
    return data.containsKey(key) ? ConfigValues.asDouble(key, data.get(key)) : fallback;
  }

  private static Duration dur(Map<String, ?> data, String key, Duration fallback) {
    return data.containsKey(key) ? ConfigValues.asDuration(key, data.get(key)) : fallback;
  }

  private static boolean bool(Map<String, ?> data, String key, boolean fallback) {
    return data.containsKey(key) ? ConfigValues.asBool(key, data.get(key)) : fallback;
  }

  private static int int32(Map<String, ?> data, String key, int fallback) {
    return data.containsKey(key) ? ConfigValues.asInt32(key, data.get(key)) : fallback;
  }
}
