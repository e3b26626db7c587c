package dev.reflex.core.kpa;

import java.time.Duration;
import java.time.Instant;

/** Knative's stable/panic decider: from observed revision totals and ready pods to a pod count. */
final class StablePanicDecider {

  /** Knative never puts fewer activators than this in a revision's path. */
  static final int MIN_ACTIVATORS = 2;

  /** Knative's decider tick; the scale-down-delay window is bucketed by it. */
  static final Duration TICK = Duration.ofSeconds(2);

  private StablePanicDecider() {
  }

  record Result(int desiredPodCount, int excessBurstCapacity, int numActivators, KpaState state) {
  }

  static Result decide(DeciderSpec spec, KpaState state, double observedStable, double observedPanic, int readyPods,
      Instant now) {
    // Rates are taken against at least one pod so that a revision at zero can still grow.
    double ready = Math.max(1, readyPods);
    // ceil lets a small rate still add a pod: rate 1.1 with 2 ready pods allows ceil(2.2) = 3.
    double maxScaleUp = Math.ceil(spec.maxScaleUpRate() * ready);
    // Unreachable revisions may drop straight to zero: with 10 ready pods and rate 2 a reachable one keeps 5.
    double maxScaleDown = spec.reachable() ? Math.floor(ready / spec.maxScaleDownRate()) : 0;

    // Observed values are revision totals: 100 concurrent requests at 7 per pod want ceil(100 / 7) = 15 pods.
    double dspc = Math.ceil(observedStable / spec.targetValue());
    double dppc = Math.ceil(observedPanic / spec.targetValue());
    int desiredStable = toInt(Math.min(Math.max(dspc, maxScaleDown), maxScaleUp));
    int desiredPanic = toInt(Math.min(Math.max(dppc, maxScaleDown), maxScaleUp));

    // Activation scale only lifts counts that reflect some demand, so it never blocks scaling to zero.
    if (spec.activationScale() > 1) {
      if (dspc > 0 && desiredStable < spec.activationScale()) {
        desiredStable = spec.activationScale();
      }
      if (dppc > 0 && desiredPanic < spec.activationScale()) {
        desiredPanic = spec.activationScale();
      }
    }

    // The threshold compares the UNCLAMPED panic pod count with max(1, ready): 5 ready pods and a panic window
    // asking for 10 pods is 10 / 5 = 2.0, which reaches the default 200 % threshold.
    boolean overThreshold = dppc / ready >= spec.panicThreshold();

    Instant panicStart = state.panicStart();
    int maxPanicPods = state.maxPanicPods();
    if (overThreshold) {
      // Entering, or staying above the threshold, (re)starts the panic clock.
      panicStart = now;
    } else if (panicStart != null && panicStart.plus(spec.stableWindow()).isBefore(now)) {
      // A full stable window without crossing the threshold: the surge has reached the stable average.
      panicStart = null;
      maxPanicPods = 0;
    }

    int desired = desiredStable;
    if (panicStart != null) {
      // In panic the larger of both counts is taken and the result is a high-water mark: never scale down.
      desired = Math.max(desired, desiredPanic);
      if (desired > maxPanicPods) {
        maxPanicPods = desired;
      }
      desired = maxPanicPods;
    }

    // Scale-down delay: the output is the largest recommendation of the last ceil(delay / 2 s) decider ticks.
    // With a 10 s delay, 8 then 3 recommended 4 s apart still gives 8 until the 8 is 5 ticks old.
    MaxWindow delayWindow = state.delayWindow();
    if (spec.reachable() && !spec.scaleDownDelay().isZero()) {
      int buckets = (int) Math.ceil(spec.scaleDownDelay().toNanos() / (double) TICK.toNanos());
      if (delayWindow == null || delayWindow.size() != buckets) {
        delayWindow = MaxWindow.empty(buckets);
      }
      delayWindow = delayWindow.record(Math.floorDiv(now.getEpochSecond(), TICK.getSeconds()), desired);
      desired = delayWindow.current();
    }

    // Excess burst capacity on the panic value (no knee-jerk activator moves), with the REAL ready count:
    // 3 ready × 100 total − TBC 211 − panic 50 = 39 spare.
    int excessBurstCapacity;
    int numActivators = MIN_ACTIVATORS;
    double tbc = spec.targetBurstCapacity();
    if (tbc == 0) {
      excessBurstCapacity = 0;
    } else if (tbc > 0) {
      double totalCapacity = readyPods * spec.totalValue();
      excessBurstCapacity = toInt(Math.floor(totalCapacity - tbc - observedPanic));
      numActivators = (int) Math.max(MIN_ACTIVATORS, Math.min(Integer.MAX_VALUE,
          Math.ceil((totalCapacity + tbc) / spec.activatorCapacity())));
    } else {
      excessBurstCapacity = -1;
      numActivators = (int) Math.max(MIN_ACTIVATORS, Math.min(Integer.MAX_VALUE,
          Math.ceil(readyPods * spec.totalValue() / spec.activatorCapacity())));
    }

    KpaState next = new KpaState(panicStart, maxPanicPods, state.stableWindow(), state.panicWindow(), delayWindow,
        state.activity(), state.activitySince(), state.initialized());
    return new Result(desired, excessBurstCapacity, numActivators, next);
  }

  /** Go's float-to-int32 conversion for the values that occur here, saturating instead of wrapping. */
  private static int toInt(double value) {
    if (value >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    if (value <= Integer.MIN_VALUE) {
      return Integer.MIN_VALUE;
    }
    return (int) value;
  }
}
