package dev.reflex.api.v1alpha1;

/** Names shared by the three custom resources of the API group. */
public final class ApiGroup {

  /** The API group, kept from Kapacity so that its manifests apply unchanged. */
  public static final String GROUP = "autoscaling.kapacitystack.io";

  /** The only served and stored version. */
  public static final String VERSION = "v1alpha1";

  /** The apiVersion field value of every resource in the group. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private ApiGroup() {
  }
}
