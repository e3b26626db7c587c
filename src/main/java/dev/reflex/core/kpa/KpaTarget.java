package dev.reflex.core.kpa;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Per-revision settings that refine the cluster-wide {@link KpaConfig}: what Knative reads from the revision's
 * {@code containerConcurrency} and its {@code autoscaling.knative.dev/*} annotations.
 *
 * @param metric the scaling metric ({@code metric} annotation; concurrency by default)
 * @param target the per-pod target replacing the default total ({@code target} annotation), if set; ≥ 0.01
 * @param targetUtilizationPercentage {@code target-utilization-percentage} annotation, if set; in [1, 100]
 * @param containerConcurrency the revision's hard concurrency limit; 0 = unlimited
 * @param activationScale {@code activation-scale} annotation: the fewest pods to scale to from zero; ≥ 1
 * @param aggregation {@code metric-aggregation-algorithm} annotation
 * @param reachable false when the revision is not routable (no traffic can reach it); such a revision may scale
 *     to zero at once and skips the scale-down delay
 */
public record KpaTarget(
    ScalingMetric metric,
    OptionalDouble target,
    OptionalDouble targetUtilizationPercentage,
    int containerConcurrency,
    int activationScale,
    Aggregation aggregation,
    boolean reachable) {

  /** The per-target keys {@link #fromMap} reads; the same map may hold {@link KpaConfig#KEYS}. */
  public static final Set<String> KEYS = Set.of("metric", "target", "target-utilization-percentage",
      "containerConcurrency", "activation-scale", "metric-aggregation-algorithm", "reachable");

  /** Validates ranges as Knative's annotation validation does; the exception names the key. */
  public KpaTarget {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(targetUtilizationPercentage, "targetUtilizationPercentage");
    Objects.requireNonNull(aggregation, "aggregation");
    if (target.isPresent() && !(target.getAsDouble() >= KpaConfig.TARGET_MIN)) {
      throw new KpaInputException("target", "must be at least " + KpaConfig.TARGET_MIN + ", was "
          + target.getAsDouble());
    }
    if (targetUtilizationPercentage.isPresent()
        && !(targetUtilizationPercentage.getAsDouble() >= 1 && targetUtilizationPercentage.getAsDouble() <= 100)) {
      throw new KpaInputException("target-utilization-percentage",
          "must be in [1, 100], was " + targetUtilizationPercentage.getAsDouble());
    }
    if (containerConcurrency < 0) {
      throw new KpaInputException("containerConcurrency", "must be at least 0, was " + containerConcurrency);
    }
    if (activationScale < 1) {
      throw new KpaInputException("activation-scale", "must be at least 1, was " + activationScale);
    }
  }

  /** A concurrency-scaled revision with no annotations and no concurrency limit. */
  public static KpaTarget defaults() {
    return new KpaTarget(ScalingMetric.CONCURRENCY, OptionalDouble.empty(), OptionalDouble.empty(), 0, 1,
        Aggregation.LINEAR, true);
  }

  /**
   * Reads the per-target keys of {@link #KEYS} from a map (other keys are ignored). Values may be strings or JSON
   * numbers/booleans.
   *
   * @throws KpaInputException naming the key
   */
  public static KpaTarget fromMap(Map<String, ?> data) {
    KpaTarget d = defaults();
    ScalingMetric metric = d.metric;
    if (data.containsKey("metric")) {
      String name = ConfigValues.asString("metric", data.get("metric"));
      try {
        metric = ScalingMetric.parse(name);
      } catch (IllegalArgumentException e) {
        throw new KpaInputException("metric", e.getMessage());
      }
    }
    Aggregation aggregation = d.aggregation;
    if (data.containsKey("metric-aggregation-algorithm")) {
      String name = ConfigValues.asString("metric-aggregation-algorithm", data.get("metric-aggregation-algorithm"));
      try {
        aggregation = Aggregation.parse(name);
      } catch (IllegalArgumentException e) {
        throw new KpaInputException("metric-aggregation-algorithm", e.getMessage());
      }
    }
    return new KpaTarget(
        metric,
        optional(data, "target"),
        optional(data, "target-utilization-percentage"),
        data.containsKey("containerConcurrency")
            ? ConfigValues.asInt32("containerConcurrency", data.get("containerConcurrency")) : 0,
        data.containsKey("activation-scale") ? ConfigValues.asInt32("activation-scale", data.get("activation-scale"))
            : 1,
        aggregation,
        !data.containsKey("reachable") || ConfigValues.asBool("reachable", data.get("reachable")));
  }

  private static OptionalDouble optional(Map<String, ?> data, String key) {
    return data.containsKey(key) ? OptionalDouble.of(ConfigValues.asDouble(key, data.get(key)))
        : OptionalDouble.empty();
  }
}
