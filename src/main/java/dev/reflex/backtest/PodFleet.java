package dev.reflex.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pods of one policy's run: created when the replica count goes up, ready after their startup, removed when it
 * goes down. Removal takes pods that are not ready yet first (newest first), then the newest ready ones, as a
 * ReplicaSet picks pods to delete.
 */
public final class PodFleet {

  /** One pod: its name, when it was created, when it is (or was) ready, in seconds since the start. */
  public record Pod(String name, long createdAt, long readyAt) {
    /** Whether the pod serves during {@code second}. */
    public boolean readyAt(long second) {
      return second >= readyAt;
    }
  }

  private final Workload workload;
  private final SplittableRandom random;
  private final List<Pod> pods = new ArrayList<>();
  private long created;

  /** A fleet of {@code initial} pods, ready from second 0. */
  public PodFleet(Workload workload, int initial) {
    this.workload = workload;
    this.random = new SplittableRandom(workload.seed());
    for (int i = 0; i < initial; i++) {
      pods.add(new Pod(nextName(), 0, 0));
    }
  }

  private String nextName() {
    return "pod-" + created++;
  }

  /** The replica count: every pod, ready or not. */
  public int size() {
    return pods.size();
  }

  /** The pods that serve during {@code second}. */
  public int ready(long second) {
    int ready = 0;
    for (Pod p : pods) {
      if (p.readyAt(second)) {
        ready++;
      }
    }
    return ready;
  }

  /** The pods now, oldest first. */
  public List<Pod> pods() {
    return List.copyOf(pods);
  }

  /** Creates or removes pods at {@code second} until there are {@code replicas}. */
  public void scaleTo(int replicas, long second) {
    while (pods.size() < replicas) {
      pods.add(new Pod(nextName(), second, second + startupSeconds()));
    }
    while (pods.size() > replicas) {
      int victim = -1;
      for (int i = pods.size() - 1; i >= 0 && victim < 0; i--) {
        if (!pods.get(i).readyAt(second)) {
          victim = i;
        }
      }
      pods.remove(victim >= 0 ? victim : pods.size() - 1);
    }
  }

  private long startupSeconds() {
    long base = workload.podStartup().getSeconds();
    long jitter = workload.podStartupJitter().getSeconds();
    long draw = jitter == 0 ? 0 : random.nextLong(-jitter, jitter + 1);
    return Math.max(0, base + draw);
  }
}
