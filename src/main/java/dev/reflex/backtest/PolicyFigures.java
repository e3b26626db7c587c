package dev.reflex.backtest;

/**
 * What one policy did with one trace, in users' terms.
 *
 * @param unservedRequests requests that arrived while the ready pods' capacity was short: Σ max(0, demand −
 *     capacity) over the seconds
 * @param unservedShare {@code unservedRequests} as a share of all requests (0..1)
 * @param underProvisionedSeconds seconds during which demand exceeded the ready capacity
 * @param podSeconds the cost: Σ pods (starting ones included) over the seconds
 * @param overProvisionedPodSeconds Σ max(0, pods − pods needed at the target) over the seconds
 * @param meanPods {@code podSeconds} per second
 * @param peakPods the most pods at any second
 * @param scalingActions how often the replica count was written with a new value
 * @param reactions the episodes of short capacity: how long from demand exceeding the ready capacity until the
 *     ready capacity sufficed again (an episode still open at the end counts until the end)
 * @param elasticity SPEC Research Group's elasticity metrics, pods needed at the target against ready pods
 */
public record PolicyFigures(double unservedRequests, double unservedShare, long underProvisionedSeconds,
    double podSeconds, double overProvisionedPodSeconds, double meanPods, int peakPods, int scalingActions,
    Reactions reactions, Elasticity elasticity) {

  /**
   * Reaction times.
   *
   * @param count the episodes
   * @param p50Seconds the median episode (nearest rank; 0 without episodes)
   * @param p99Seconds the 99th percentile (nearest rank)
   * @param maxSeconds the longest
   */
  public record Reactions(int count, long p50Seconds, long p99Seconds, long maxSeconds) {
  }

  /**
   * Herbst et al.'s elasticity metrics (SPEC RG Cloud), with demand d = the pods the demand needs at the target
   * and supply s = the ready pods, per second, T the seconds.
   *
   * @param accuracyUnder θ_U = 100 / T · Σ max(d − s, 0) / d, in percent
   * @param accuracyOver θ_O = 100 / T · Σ max(s − d, 0) / d, in percent
   * @param timeshareUnder τ_U = 100 / T · Σ [s &lt; d], in percent
   * @param timeshareOver τ_O = 100 / T · Σ [s &gt; d], in percent
   * @param jitterPerHour (supply changes − demand changes) per hour: negative when supply moves less often than
   *     demand
   */
  public record Elasticity(double accuracyUnder, double accuracyOver, double timeshareUnder, double timeshareOver,
      double jitterPerHour) {
  }
}
