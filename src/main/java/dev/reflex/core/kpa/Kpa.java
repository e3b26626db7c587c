package dev.reflex.core.kpa;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The KPA entry point: one decision for one revision at {@code now}.
 *
 * <p>The steps, in Knative's order:
 * <ol>
 *   <li>samples (if given) are recorded into the stable and panic windows, which are read at {@code now}; an empty
 *       stable window (nothing for a whole window) means "no data" and an invalid decision that changes nothing —
 *       except with unlimited burst capacity (TBC = -1), where Knative has no scrape target and reads 0;</li>
 *   <li>{@link StablePanicDecider}: rate-limited stable and panic pod counts, activation scale, panic mode with its
 *       high-water mark, scale-down delay, excess burst capacity;</li>
 *   <li>{@link ScaleBounds}: min/max/initial scale and the scale-to-zero grace.</li>
 * </ol>
 */
public final class Kpa {

  private Kpa() {
  }

  /**
   * Decides.
   *
   * @param spec the revision's resolved spec
   * @param state the previous decision's state, or null for a new autoscaler ({@link KpaState#initial})
   * @param observation observed window values, or samples since the previous call
   * @param readyPods ready pods of the revision now (≥ 0)
   * @param now the decision instant
   * @return the decision with the next state
   */
  public static KpaDecision decide(DeciderSpec spec, KpaState state, Observation observation, int readyPods,
      Instant now) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(now, "now");
    if (readyPods < 0) {
      throw new KpaInputException("readyPods", "must be at least 0, was " + readyPods);
    }
    KpaState current = state == null ? KpaState.initial(readyPods, now) : state;
    double stable;
    double panic;
    if (observation instanceof Observation.Observed observed) {
      stable = observed.stableValue();
      panic = observed.panicValue();
    } else {
      List<Sample> samples = ((Observation.Samples) observation).samples();
      long nowSecond = now.getEpochSecond();
      BucketWindow stableWindow = windowFor(current.stableWindow(), spec.stableWindowSeconds(), spec, nowSecond)
          .recordAll(samples);
      BucketWindow panicWindow = windowFor(current.panicWindow(), spec.panicWindowSeconds(), spec, nowSecond)
          .recordAll(samples);
      current = current.withWindows(stableWindow, panicWindow);
      if (stableWindow.isEmpty(nowSecond) && spec.targetBurstCapacity() != -1) {
        return new KpaDecision(-1, -1, false, current.panicking(), 0, StablePanicDecider.MIN_ACTIVATORS, 0, 0,
            current);
      }
      stable = stableWindow.average(nowSecond);
      panic = panicWindow.average(nowSecond);
    }
    StablePanicDecider.Result decided = StablePanicDecider.decide(spec, current, stable, panic, readyPods, now);
    ScaleBounds.Result bounded = ScaleBounds.apply(spec, decided.state(), decided.desiredPodCount(), readyPods, now);
    return new KpaDecision(bounded.desiredPodCount(), decided.desiredPodCount(), true,
        decided.state().panicking(), decided.excessBurstCapacity(), decided.numActivators(), stable, panic,
        bounded.state());
  }

  /** {@link #decide(DeciderSpec, KpaState, Observation, int, Instant)} with observed window values. */
  public static KpaDecision decide(DeciderSpec spec, KpaState state, double observedStableValue,
      double observedPanicValue, int readyPods, Instant now) {
    return decide(spec, state, new Observation.Observed(observedStableValue, observedPanicValue), readyPods, now);
  }

  /** {@link #decide(DeciderSpec, KpaState, Observation, int, Instant)} with samples since the previous call. */
  public static KpaDecision decide(DeciderSpec spec, KpaState state, List<Sample> newSamples, int readyPods,
      Instant now) {
    return decide(spec, state, new Observation.Samples(newSamples), readyPods, now);
  }

  /** The state's window, created on first use and resized/re-read when the spec changed. */
  private static BucketWindow windowFor(BucketWindow window, int seconds, DeciderSpec spec, long nowSecond) {
    if (window == null) {
      return BucketWindow.empty(seconds, spec.aggregation());
    }
    return window.resized(seconds, nowSecond).withAggregation(spec.aggregation());
  }
}
