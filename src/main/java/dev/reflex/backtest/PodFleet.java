package dev.reflex.backtest;

import dev.reflex.core.gray.ReplicaProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pods of one policy's run: created when the replica count goes up, ready after their startup, removed when it
 * goes down, and parked (Cutoff or Standby: kept, paid for, out of the traffic) when a gray scale-down says so.
 *
 * <p>Removal takes parked pods first, then pods that are not ready yet (newest first), then the newest ready ones,
 * as a ReplicaSet picks pods to delete; parking picks online pods in the same order. A parked pod that goes back
 * online serves at once: it is already running.
 */
public final class PodFleet {

  /**
   * One pod, times in seconds since the start.
   *
   * @param parked whether it is Cutoff or Standby
   */
  public record Pod(String name, long createdAt, long readyAt, boolean parked) {
    /** Whether the pod has finished its startup by {@code second}. */
    public boolean readyAt(long second) {
      return second >= readyAt;
    }

    /** Whether the pod serves during {@code second}: ready and online. */
    public boolean servesAt(long second) {
      return !parked && readyAt(second);
    }

    Pod parked(boolean value) {
      return new Pod(name, createdAt, readyAt, value);
    }
  }

  private final Workload workload;
  private final SplittableRandom random;
  private final List<Pod> pods = new ArrayList<>();
  private long created;

  /** A fleet of {@code initial} online pods, ready from second 0. */
  public PodFleet(Workload workload, int initial) {
    this.workload = workload;
    this.random = new SplittableRandom(workload.seed());
    for (int i = 0; i < initial; i++) {
      pods.add(new Pod(nextName(), 0, 0, false));
    }
  }

  private String nextName() {
    return "pod-" + created++;
  }

  /** The replica count: every pod, starting and parked ones included. */
  public int size() {
    return pods.size();
  }

  /** The pods that serve during {@code second}. */
  public int serving(long second) {
    int serving = 0;
    for (Pod p : pods) {
      if (p.servesAt(second)) {
        serving++;
      }
    }
    return serving;
  }

  /** The pods now, oldest first. */
  public List<Pod> pods() {
    return List.copyOf(pods);
  }

  /** The profile the fleet is in: online, and parked pods counted as Cutoff. */
  public ReplicaProfile profile() {
    int parked = (int) pods.stream().filter(Pod::parked).count();
    return new ReplicaProfile(pods.size() - parked, parked, 0);
  }

  /** Creates or removes online pods at {@code second} until there are {@code replicas}, nothing parked. */
  public void scaleTo(int replicas, long second) {
    apply(ReplicaProfile.online(replicas), second);
  }

  /**
   * Brings the fleet to a profile at {@code second}: {@code total()} pods, of which {@code parked()} are parked.
   * Cutoff and Standby are treated alike (see the package's model).
   */
  public void apply(ReplicaProfile profile, long second) {
    while (pods.size() > profile.total()) {
      pods.remove(nextToGo(second, true));
    }
    while (pods.size() < profile.total()) {
      pods.add(new Pod(nextName(), second, second + startupSeconds(), false));
    }
    int parked = (int) pods.stream().filter(Pod::parked).count();
    for (int i = pods.size() - 1; i >= 0 && parked > profile.parked(); i--) {
      if (pods.get(i).parked()) {
        pods.set(i, pods.get(i).parked(false));
        parked--;
      }
    }
    while (parked < profile.parked()) {
      int victim = nextToGo(second, false);
      pods.set(victim, pods.get(victim).parked(true));
      parked++;
    }
  }

  /** The index of the pod a scale-down takes next; parked pods count only when {@code parkedFirst}. */
  private int nextToGo(long second, boolean parkedFirst) {
    if (parkedFirst) {
      for (int i = pods.size() - 1; i >= 0; i--) {
        if (pods.get(i).parked()) {
          return i;
        }
      }
    }
    for (int i = pods.size() - 1; i >= 0; i--) {
      if (!pods.get(i).parked() && !pods.get(i).readyAt(second)) {
        return i;
      }
    }
    for (int i = pods.size() - 1; i >= 0; i--) {
      if (!pods.get(i).parked()) {
        return i;
      }
    }
    throw new IllegalStateException("no pod left to take");
  }

  private long startupSeconds() {
    long base = workload.podStartup().getSeconds();
    long jitter = workload.podStartupJitter().getSeconds();
    long draw = jitter == 0 ? 0 : random.nextLong(-jitter, jitter + 1);
    return Math.max(0, base + draw);
  }
}
