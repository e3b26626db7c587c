package dev.reflex.core.hpa;

/** The five metric sources of an autoscaling/v2 HPA, with their API spelling. */
public enum MetricSourceType {
  RESOURCE("Resource"),
  CONTAINER_RESOURCE("ContainerResource"),
  PODS("Pods"),
  OBJECT("Object"),
  EXTERNAL("External");

  private final String apiName;

  MetricSourceType(String apiName) {
    this.apiName = apiName;
  }

  /** The value of {@code type} in the API, e.g. {@code ContainerResource}. */
  public String apiName() {
    return apiName;
  }

  /** The source named {@code apiName}, or {@code null} when the name is not one of the five. */
  public static MetricSourceType fromApiName(String apiName) {
    for (MetricSourceType type : values()) {
      if (type.apiName.equals(apiName)) {
        return type;
      }
    }
    return null;
  }
}
