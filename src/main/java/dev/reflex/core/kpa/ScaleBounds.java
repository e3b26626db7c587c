package dev.reflex.core.kpa;

import java.time.Duration;
import java.time.Instant;

/**
 * What Knative's PA scaler does with the decider's count before applying it: min/max/initial scale and the
 * scale-to-zero grace.
 *
 * <p>Bounds: min = min scale for reachable revisions, 0 for unreachable ones; until the revision has reached its
 * initial scale (ready ≥ initialScale), a reachable revision with initialScale &gt; 1 uses max(min, initialScale);
 * max = max scale (0 = unbounded). Min is applied first, then max.
 *
 * <p>Scale to zero, modelled on the PA's Active condition kept in {@link KpaState#activity()}:
 * <ul>
 *   <li>a positive count is applied and (re)activates the revision;</li>
 *   <li>0 with {@code enable-scale-to-zero: false} applies 1;</li>
 *   <li>0 while Active: if active for less than the stable window, apply 1 (the last pod stays while the stable
 *       average catches up); otherwise the revision turns Inactive (the activator moves into the path) and keeps
 *       its last pod for now;</li>
 *   <li>0 while Inactive: apply 0 once inactive for max(grace period, retention period) — retention counts only
 *       for reachable revisions — otherwise keep 1.</li>
 * </ul>
 * Example with the defaults (stable 60 s, grace 30 s): traffic stops at t = 0 on a revision active since long
 * before; the decider says 0, the revision turns Inactive at t = 0 and keeps 1 pod; at t = 30 s the last pod goes.
 */
final class ScaleBounds {

  private ScaleBounds() {
  }

  record Result(int desiredPodCount, KpaState state) {
  }

  static Result apply(DeciderSpec spec, KpaState state, int deciderCount, int readyPods, Instant now) {
    boolean initialized = state.initialized() || readyPods >= spec.initialScale();
    int min = spec.reachable() ? spec.minScale() : 0;
    if (!initialized && spec.reachable() && spec.initialScale() > 1) {
      min = Math.max(min, spec.initialScale());
    }
    int desired = Math.max(deciderCount, min);
    if (spec.maxScale() > 0 && desired > spec.maxScale()) {
      desired = spec.maxScale();
    }

    KpaState.Activity activity = state.activity();
    Instant since = state.activitySince();
    if (desired > 0) {
      if (activity == KpaState.Activity.INACTIVE) {
        activity = KpaState.Activity.ACTIVE;
        since = now;
      }
    } else if (!spec.enableScaleToZero()) {
      desired = 1;
    } else {
      if (activity == KpaState.Activity.ACTIVE) {
        if (Duration.between(since, now).compareTo(spec.stableWindow()) >= 0) {
          activity = KpaState.Activity.INACTIVE;
          since = now;
        }
        desired = 1;
      } else {
        Duration retention = spec.reachable() ? spec.scaleToZeroPodRetentionPeriod() : Duration.ZERO;
        Duration wait = max(spec.scaleToZeroGracePeriod(), retention);
        desired = Duration.between(since, now).compareTo(wait) >= 0 ? 0 : 1;
      }
    }
    KpaState next = new KpaState(state.panicStart(), state.maxPanicPods(), state.stableWindow(), state.panicWindow(),
        state.delayWindow(), activity, since, initialized);
    return new Result(desired, next);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
