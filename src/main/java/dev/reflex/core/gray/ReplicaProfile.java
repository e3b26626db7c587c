package dev.reflex.core.gray;

/**
 * How many pods should be in each state: the ReplicaProfile {@code spec.onlineReplicas}, {@code cutoffReplicas}
 * and {@code standbyReplicas}. Online pods serve traffic; Cutoff pods run without traffic; Standby pods are
 * parked (labelled only). The workload's replica count is their sum.
 *
 * @param online online pods, never negative
 * @param cutoff cutoff pods, never negative
 * @param standby standby pods, never negative
 */
public record ReplicaProfile(int online, int cutoff, int standby) {

  public ReplicaProfile {
    if (online < 0) {
      throw new IllegalArgumentException("onlineReplicas: must be >= 0, got " + online);
    }
    if (cutoff < 0) {
      throw new IllegalArgumentException("cutoffReplicas: must be >= 0, got " + cutoff);
    }
    if (standby < 0) {
      throw new IllegalArgumentException("standbyReplicas: must be >= 0, got " + standby);
    }
  }

  /** A profile with every pod online. */
  public static ReplicaProfile online(int online) {
    return new ReplicaProfile(online, 0, 0);
  }

  /** Pods kept running without being online (cutoff plus standby). */
  public int parked() {
    return cutoff + standby;
  }

  /** The workload replica count this profile needs. */
  public int total() {
    return online + cutoff + standby;
  }

  @Override
  public String toString() {
    return online + "/" + cutoff + "/" + standby;
  }
}
