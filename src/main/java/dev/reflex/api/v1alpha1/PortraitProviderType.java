package dev.reflex.api.v1alpha1;

/** Kind of portrait provider. */
public enum PortraitProviderType {
  /** A fixed replica count. */
  Static,
  /** Replica counts on cron schedules. */
  Cron,
  /** Replica counts from a generated HorizontalPortrait. */
  Dynamic
}
