package dev.reflex.core.portrait;

/** The IHPA {@code portraitProviders[].type} values. */
public enum ProviderType {
  /** A constant replica count. */
  STATIC("Static"),
  /** Cron rules in the IHPA spec. */
  CRON("Cron"),
  /** Data produced into a HorizontalPortrait (reactive or predictive). */
  DYNAMIC("Dynamic");

  private final String apiName;

  ProviderType(String apiName) {
    this.apiName = apiName;
  }

  /** The spelling used in the API, such as {@code Static}. */
  public String apiName() {
    return apiName;
  }

  /**
   * Parses the API spelling.
   *
   * @throws IllegalArgumentException naming the field for an unknown type
   */
  public static ProviderType fromApi(String value) {
    for (ProviderType type : values()) {
      if (type.apiName.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("portraitProviders.type: unknown portrait provider type \"" + value
        + "\" (expected Static, Cron or Dynamic)");
  }
}
