package dev.reflex.backtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Adds up the seconds of one policy's run into its {@link PolicyFigures}. */
public final class FigureCounter {

  private final Workload workload;
  private double demandTotal;
  private double unserved;
  private long underSeconds;
  private double podSeconds;
  private double overPodSeconds;
  private int peakPods;
  private int scalingActions;
  private long seconds;
  private double accuracyUnder;
  private double accuracyOver;
  private long timeUnder;
  private long timeOver;
  private int supplyChanges;
  private int demandChanges;
  private int lastSupply = -1;
  private int lastNeeded = -1;
  private long shortSince = -1;
  private final List<Long> reactions = new ArrayList<>();

  public FigureCounter(Workload workload) {
    this.workload = workload;
  }

  /**
   * Counts one second.
   *
   * @param second seconds since the start
   * @param demand requests per second that arrived
   * @param readyPods pods that served
   * @param pods all pods, starting ones included
   */
  public void second(long second, double demand, int readyPods, int pods) {
    seconds++;
    demandTotal += demand;
    double capacity = readyPods * workload.podCapacity();
    boolean isShort = demand > capacity;
    if (isShort) {
      unserved += demand - capacity;
      underSeconds++;
      if (shortSince < 0) {
        shortSince = second;
      }
    } else if (shortSince >= 0) {
      reactions.add(second - shortSince);
      shortSince = -1;
    }
    podSeconds += pods;
    peakPods = Math.max(peakPods, pods);
    int needed = workload.required(demand);
    overPodSeconds += Math.max(0, pods - needed);
    double d = Math.max(1, needed);
    accuracyUnder += Math.max(0, needed - readyPods) / d;
    accuracyOver += Math.max(0, readyPods - needed) / d;
    timeUnder += readyPods < needed ? 1 : 0;
    timeOver += readyPods > needed ? 1 : 0;
    if (lastSupply >= 0 && readyPods != lastSupply) {
      supplyChanges++;
    }
    if (lastNeeded >= 0 && needed != lastNeeded) {
      demandChanges++;
    }
    lastSupply = readyPods;
    lastNeeded = needed;
  }

  /** Counts a write of a new replica count. */
  public void scaled() {
    scalingActions++;
  }

  /** The figures so far; an episode of short capacity still open counts until now. */
  public PolicyFigures figures() {
    List<Long> episodes = new ArrayList<>(reactions);
    if (shortSince >= 0) {
      episodes.add(seconds - shortSince);
    }
    Collections.sort(episodes);
    double t = Math.max(1, seconds);
    return new PolicyFigures(unserved, demandTotal == 0 ? 0 : unserved / demandTotal, underSeconds, podSeconds,
        overPodSeconds, podSeconds / t, peakPods, scalingActions,
        new PolicyFigures.Reactions(episodes.size(), rank(episodes, 0.5), rank(episodes, 0.99),
            episodes.isEmpty() ? 0 : episodes.get(episodes.size() - 1)),
        new PolicyFigures.Elasticity(100 * accuracyUnder / t, 100 * accuracyOver / t, 100 * timeUnder / t,
            100 * timeOver / t, (supplyChanges - demandChanges) * 3600.0 / t));
  }

  /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
  private static long rank(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
