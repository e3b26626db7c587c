package dev.reflex.core.hpa;

import java.time.Duration;
import java.util.List;

/**
 * The HPA's replica calculation with nothing around it, as a KubeHPA portrait runs it: tolerance, unready and
 * missing pods and CPU initialization apply; stabilization, rate limits and bounds do not (the IHPA plans and clamps
 * the portrait's value, as Kapacity's generator leaves it to).
 */
public final class RawCalculation {

  /** The bounds of the calculation, out of reach of any real workload. */
  public static final int UNBOUNDED_REPLICAS = 100_000;
  /** The legacy scale-up limit factor, likewise out of reach. */
  private static final double LEGACY_SCALE_UP_FACTOR = 1000;

  private RawCalculation() {
  }

  /** An HPA spec of {@code metrics} from 1 to {@link #UNBOUNDED_REPLICAS} replicas, without behavior. */
  public static HpaSpec spec(String name, String namespace, List<MetricSpec> metrics) {
    return new HpaSpec(name, namespace, 1, UNBOUNDED_REPLICAS, metrics, null);
  }

  /** Controller settings with the portrait's tolerance and pod timings and no stabilization window. */
  public static HpaConfig config(double tolerance, Duration cpuInitializationPeriod, Duration initialReadinessDelay) {
    return new HpaConfig(tolerance, tolerance, cpuInitializationPeriod, initialReadinessDelay, Duration.ZERO,
        LEGACY_SCALE_UP_FACTOR, UNBOUNDED_REPLICAS);
  }
}
