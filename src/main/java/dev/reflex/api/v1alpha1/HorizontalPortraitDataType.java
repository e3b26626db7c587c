package dev.reflex.api.v1alpha1;

/** Shape of generated portrait data. */
public enum HorizontalPortraitDataType {
  /** One replica count. */
  Static,
  /** Replica counts on cron schedules. */
  Cron,
  /** Replica counts at points in time. */
  TimeSeries
}
