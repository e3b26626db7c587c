package dev.reflex.core.hpa;

/** The reasons upstream writes into conditions and events, with their exact spelling. */
public enum HpaReason {
  SUCCEEDED_GET_SCALE("SucceededGetScale"),
  FAILED_GET_SCALE("FailedGetScale"),
  READY_FOR_NEW_SCALE("ReadyForNewScale"),
  SCALE_UP_STABILIZED("ScaleUpStabilized"),
  SCALE_DOWN_STABILIZED("ScaleDownStabilized"),
  SUCCEEDED_RESCALE("SucceededRescale"),
  FAILED_UPDATE_SCALE("FailedUpdateScale"),
  VALID_METRIC_FOUND("ValidMetricFound"),
  SCALING_DISABLED("ScalingDisabled"),
  INVALID_SELECTOR("InvalidSelector"),
  SELECTOR_REQUIRED("SelectorRequired"),
  AMBIGUOUS_SELECTOR("AmbiguousSelector"),
  FAILED_GET_RESOURCE_METRIC("FailedGetResourceMetric"),
  FAILED_GET_CONTAINER_RESOURCE_METRIC("FailedGetContainerResourceMetric"),
  FAILED_GET_PODS_METRIC("FailedGetPodsMetric"),
  FAILED_GET_OBJECT_METRIC("FailedGetObjectMetric"),
  FAILED_GET_EXTERNAL_METRIC("FailedGetExternalMetric"),
  INVALID_METRIC_SOURCE_TYPE("InvalidMetricSourceType"),
  FAILED_COMPUTE_METRICS_REPLICAS("FailedComputeMetricsReplicas"),
  DESIRED_WITHIN_RANGE("DesiredWithinRange"),
  TOO_MANY_REPLICAS("TooManyReplicas"),
  TOO_FEW_REPLICAS("TooFewReplicas"),
  SCALE_UP_LIMIT("ScaleUpLimit"),
  SCALE_DOWN_LIMIT("ScaleDownLimit"),
  SUCCESSFUL_RESCALE("SuccessfulRescale"),
  FAILED_RESCALE("FailedRescale");

  private final String apiName;

  HpaReason(String apiName) {
    this.apiName = apiName;
  }

  /** The reason as written in the API, e.g. {@code SuccessfulRescale}. */
  public String apiName() {
    return apiName;
  }
}
