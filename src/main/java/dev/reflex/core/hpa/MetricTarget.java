package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * The target of one metric. Like upstream, the calculation looks at which fields are set rather than only at
 * {@code type}: a Resource metric with {@code averageValue} uses the raw per-pod value even if {@code type} says
 * Utilization, and an External metric checks {@code averageValue} before {@code value}.
 *
 * @param type the declared target type
 * @param value the total-value target in milli-units, or {@code null}
 * @param averageValue the per-pod target in milli-units, or {@code null}
 * @param averageUtilization the percentage-of-request target, or {@code null}
 */
public record MetricTarget(MetricTargetType type, Long value, Long averageValue, Integer averageUtilization) {

  public MetricTarget {
    Objects.requireNonNull(type, "type");
  }

  /** A Utilization target of {@code percent} % of the request. */
  public static MetricTarget utilization(int percent) {
    return new MetricTarget(MetricTargetType.UTILIZATION, null, null, percent);
  }

  /** An AverageValue target of {@code milli} milli-units per pod. */
  public static MetricTarget averageValue(long milli) {
    return new MetricTarget(MetricTargetType.AVERAGE_VALUE, null, milli, null);
  }

  /** A Value target of {@code milli} milli-units in total. */
  public static MetricTarget value(long milli) {
    return new MetricTarget(MetricTargetType.VALUE, milli, null, null);
  }
}
