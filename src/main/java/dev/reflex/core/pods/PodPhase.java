package dev.reflex.core.pods;

/** The core/v1 pod phase. */
public enum PodPhase {
  PENDING("Pending", 0),
  RUNNING("Running", 2),
  SUCCEEDED("Succeeded", 0),
  FAILED("Failed", 0),
  UNKNOWN("Unknown", 1);

  private final String apiName;
  private final int deletionOrdinal;

  PodPhase(String apiName, int deletionOrdinal) {
    this.apiName = apiName;
    this.deletionOrdinal = deletionOrdinal;
  }

  /** The spelling used in the API. */
  public String apiName() {
    return apiName;
  }

  /**
   * Rank in the ReplicaSet deletion order: Pending (0) before Unknown (1) before Running (2). Terminal phases
   * share Pending's rank, as they do upstream, although the ReplicaSet controller never sees them as active.
   */
  int deletionOrdinal() {
    return deletionOrdinal;
  }

  /** Whether the pod counts as active (not finished). */
  public boolean active() {
    return this != SUCCEEDED && this != FAILED;
  }

  /**
   * Parses the API spelling; an empty phase (a pod the kubelet has not reported yet) is Pending.
   *
   * @throws IllegalArgumentException naming the field for an unknown phase
   */
  public static PodPhase fromApi(String value) {
    if (value == null || value.isEmpty()) {
      return PENDING;
    }
    for (PodPhase phase : values()) {
      if (phase.apiName.equals(value)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("status.phase: unknown pod phase \"" + value + "\"");
  }
}
