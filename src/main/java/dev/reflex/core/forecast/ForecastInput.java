package dev.reflex.core.forecast;

import java.util.List;
import java.util.Objects;

/**
 * History on one grid (same start, step and length), following the predictive metric conventions: traffic metrics
 * (metrics[2..], totals for the workload), the workload's total resource usage (metrics[0], Ready pods only) and its
 * ready replicas (metrics[1]).
 *
 * @param traffic one series per traffic metric, at least one
 * @param usage total resource usage of the ready pods
 * @param replicas ready replicas
 */
public record ForecastInput(List<RegularSeries> traffic, RegularSeries usage, RegularSeries replicas) {

  public ForecastInput {
    traffic = List.copyOf(traffic);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(replicas, "replicas");
    if (traffic.isEmpty()) {
      throw new IllegalArgumentException("metrics: at least one traffic metric (metrics[2..]) is needed");
    }
    for (RegularSeries s : traffic) {
      sameGrid(s, usage, "traffic");
    }
    sameGrid(replicas, usage, "replicas");
  }

  private static void sameGrid(RegularSeries a, RegularSeries b, String what) {
    if (!a.start().equals(b.start()) || !a.step().equals(b.step()) || a.size() != b.size()) {
      throw new IllegalArgumentException(what + ": history must share the grid of the usage history (start "
          + b.start() + ", step " + b.step() + ", " + b.size() + " values), got " + a);
    }
  }
}
