package dev.reflex.core.hpa;

/** Which policy wins when several apply: the largest change, the smallest change, or no change at all. */
public enum SelectPolicy {
  MAX("Max"),
  MIN("Min"),
  DISABLED("Disabled");

  private final String apiName;

  SelectPolicy(String apiName) {
    this.apiName = apiName;
  }

  /** The API spelling. */
  public String apiName() {
    return apiName;
  }

  /** The select policy named {@code apiName}, or {@code null} when unknown. */
  public static SelectPolicy fromApiName(String apiName) {
    for (SelectPolicy policy : values()) {
      if (policy.apiName.equals(apiName)) {
        return policy;
      }
    }
    return null;
  }
}
