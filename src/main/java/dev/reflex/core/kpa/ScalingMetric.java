package dev.reflex.core.kpa;

import java.util.Locale;

/** The metric a KPA revision scales on, spelled as Knative's {@code autoscaling.knative.dev/metric} values. */
public enum ScalingMetric {
  /** In-flight requests per pod (Knative's default). */
  CONCURRENCY("concurrency"),
  /** Requests per second per pod. */
  RPS("rps");

  private final String wireName;

  ScalingMetric(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in annotations and JSON documents. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a metric name.
   *
   * @throws IllegalArgumentException for anything but {@code concurrency} or {@code rps} (the HPA-class metrics
   *     {@code cpu} and {@code memory} are not scaled by the KPA)
   */
  public static ScalingMetric parse(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ScalingMetric metric : values()) {
      if (metric.wireName.equals(lower)) {
        return metric;
      }
    }
    throw new IllegalArgumentException("unknown KPA metric \"" + name + "\" (want concurrency or rps)");
  }
}
