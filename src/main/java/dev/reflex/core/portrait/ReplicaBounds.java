package dev.reflex.core.portrait;

/**
 * The IHPA {@code minReplicas} and {@code maxReplicas}.
 *
 * @param minReplicas lower clamp, at least 0 (0 allows scale to zero)
 * @param maxReplicas upper clamp, at least {@code minReplicas}
 */
public record ReplicaBounds(int minReplicas, int maxReplicas) {

  public ReplicaBounds {
    if (minReplicas < 0) {
      throw new IllegalArgumentException("minReplicas: must be >= 0, got " + minReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException("maxReplicas: must be >= minReplicas (" + minReplicas + "), got "
          + maxReplicas);
    }
  }

  /** Where {@code replicas} falls relative to the bounds. */
  public ReplicaLimit limitOf(int replicas) {
    if (replicas < minReplicas) {
      return ReplicaLimit.TOO_FEW;
    }
    return replicas > maxReplicas ? ReplicaLimit.TOO_MANY : ReplicaLimit.WITHIN_RANGE;
  }

  /** {@code replicas} clamped into [min, max]. */
  public int clamp(int replicas) {
    return Math.max(minReplicas, Math.min(maxReplicas, replicas));
  }
}
