package dev.reflex.backtest;

import java.time.Instant;

/**
 * What a policy is shown of one virtual second, after it happened.
 *
 * @param second seconds since the start
 * @param at the virtual instant of the second's end, when its samples are taken
 * @param demand the requests per second that arrived during it (served or not)
 * @param fleet the pods during it
 */
public record Tick(long second, Instant at, double demand, PodFleet fleet) {

  /** The pods that served during this second: ready and online. */
  public int servingPods() {
    return fleet.serving(second);
  }
}
