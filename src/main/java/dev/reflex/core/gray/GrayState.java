package dev.reflex.core.gray;

/** The {@code grayStrategy.grayState} values: where pods removed from service wait during a gray scale-down. */
public enum GrayState {
  /** Not parked: removed pods are deleted batch by batch (same as {@link #DELETED}). */
  ONLINE("Online"),
  /** Parked running but without traffic, ready for a quick rollback. */
  CUTOFF("Cutoff"),
  /** Parked in the Standby state. */
  STANDBY("Standby"),
  /** Not parked: removed pods are deleted batch by batch. */
  DELETED("Deleted");

  private final String apiName;

  GrayState(String apiName) {
    this.apiName = apiName;
  }

  /** The spelling used in the API. */
  public String apiName() {
    return apiName;
  }

  /** Whether pods removed during the gray stage stay running in this state. */
  public boolean parks() {
    return this == CUTOFF || this == STANDBY;
  }

  /**
   * Parses the API spelling.
   *
   * @throws IllegalArgumentException naming the field for an unknown value
   */
  public static GrayState fromApi(String value) {
    for (GrayState state : values()) {
      if (state.apiName.equals(value)) {
        return state;
      }
    }
    throw new IllegalArgumentException("grayStrategy.grayState: unknown value \"" + value
        + "\" (expected Online, Cutoff, Standby or Deleted)");
  }
}
