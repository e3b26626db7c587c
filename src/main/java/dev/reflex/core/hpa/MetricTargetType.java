package dev.reflex.core.hpa;

/** The {@code target.type} of a metric: a percentage of the request, a per-pod average, or a total value. */
public enum MetricTargetType {
  UTILIZATION("Utilization"),
  AVERAGE_VALUE("AverageValue"),
  VALUE("Value");

  private final String apiName;

  MetricTargetType(String apiName) {
    this.apiName = apiName;
  }

  /** The API spelling, e.g. {@code AverageValue}. */
  public String apiName() {
    return apiName;
  }

  /** The target type named {@code apiName}, or {@code null} when unknown. */
  public static MetricTargetType fromApiName(String apiName) {
    for (MetricTargetType type : values()) {
      if (type.apiName.equals(apiName)) {
        return type;
      }
    }
    return null;
  }
}
