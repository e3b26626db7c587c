package dev.reflex.core.hpa;

/** How a scaling policy limits change: by a number of pods or by a percentage of the replicas. */
public enum ScalingPolicyType {
  PODS("Pods"),
  PERCENT("Percent");

  private final String apiName;

  ScalingPolicyType(String apiName) {
    this.apiName = apiName;
  }

  /** The API spelling. */
  public String apiName() {
    return apiName;
  }

  /** The policy type named {@code apiName}, or {@code null} when unknown. */
  public static ScalingPolicyType fromApiName(String apiName) {
    for (ScalingPolicyType type : values()) {
      if (type.apiName.equals(apiName)) {
        return type;
      }
    }
    return null;
  }
}
