package dev.reflex.core.hpa;

/** The three HPA status conditions. */
public enum ConditionType {
  ABLE_TO_SCALE("AbleToScale"),
  SCALING_ACTIVE("ScalingActive"),
  SCALING_LIMITED("ScalingLimited");

  private final String apiName;

  ConditionType(String apiName) {
    this.apiName = apiName;
  }

  /** The API spelling. */
  public String apiName() {
    return apiName;
  }
}
