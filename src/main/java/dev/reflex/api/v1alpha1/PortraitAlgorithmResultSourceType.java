package dev.reflex.api.v1alpha1;

/** Where the result of an external algorithm job is read from. */
public enum PortraitAlgorithmResultSourceType {
  /** A ConfigMap named <portrait name>-result in the portrait's namespace. */
  ConfigMap
}
