package dev.reflex.core.kpa;

import java.time.Instant;
import java.util.Objects;

/**
 * What one revision's KPA carries from one decision to the next. Immutable; {@link Kpa#decide} returns the next
 * one.
 *
 * @param panicStart when the panic mode last started or was extended; null when not panicking
 * @param maxPanicPods the panic high-water mark: while panicking the decision never goes below it
 * @param stableWindow the stable-window samples; null when the caller passes observed values instead of samples
 * @param panicWindow the panic-window samples; null like {@code stableWindow}
 * @param delayWindow the scale-down-delay maxima; null while no delay applies
 * @param activity whether the revision is serving (Active) or has been given up to the activator (Inactive)
 * @param activitySince when {@code activity} last changed
 * @param initialized whether the revision has reached its initial scale (until then min scale is raised to it)
 */
public record KpaState(
    Instant panicStart,
    int maxPanicPods,
    BucketWindow stableWindow,
    BucketWindow panicWindow,
    MaxWindow delayWindow,
    Activity activity,
    Instant activitySince,
    boolean initialized) {

  /** The revision's activity as the scale-to-zero logic sees it (Knative's PA Active condition, simplified). */
  public enum Activity {
    /** Serving traffic with its own pods. */
    ACTIVE,
    /** Marked inactive: the activator is in the path and the last pod may go once the grace period has passed. */
    INACTIVE
  }

  public KpaState {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(activitySince, "activitySince");
    if (maxPanicPods < 0) {
      throw new IllegalArgumentException("maxPanicPods must be at least 0, was " + maxPanicPods);
    }
    if ((stableWindow == null) != (panicWindow == null)) {
      throw new IllegalArgumentException("stableWindow and panicWindow are either both present or both absent");
    }
  }

  /**
   * The state of a freshly created autoscaler. Like Knative, one that finds more than one ready pod starts in panic
   * mode holding the current count (panicStart = now, maxPanicPods = readyPods), because it has lost its metric
   * history and must not shrink the revision before it has data again; with 0 or 1 ready pods it starts calm.
   */
  public static KpaState initial(int readyPods, Instant now) {
    Objects.requireNonNull(now, "now");
    int ready = Math.max(0, readyPods);
    return new KpaState(ready > 1 ? now : null, ready, null, null, null,
        ready > 0 ? Activity.ACTIVE : Activity.INACTIVE, now, false);
  }

  /** Whether the panic mode is on. */
  public boolean panicking() {
    return panicStart != null;
  }

  KpaState withWindows(BucketWindow stable, BucketWindow panic) {
    return new KpaState(panicStart, maxPanicPods, stable, panic, delayWindow, activity, activitySince, initialized);
  }
}
