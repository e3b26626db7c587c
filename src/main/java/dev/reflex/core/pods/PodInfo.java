package dev.reflex.core.pods;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the pod orderings need to know about a pod, taken from its core/v1 object.
 *
 * @param name pod name
 * @param uid pod UID; the ReplicaSet order uses it to break ties between pods of the same age bucket (may be
 *     empty, the name is used then)
 * @param ordinal StatefulSet ordinal; empty to parse it from the name's suffix after the last {@code -}
 * @param nodeName the node it is bound to, empty when unscheduled
 * @param phase {@code status.phase}
 * @param ready whether the {@code Ready} condition is True
 * @param readySince the {@code Ready} condition's {@code lastTransitionTime} while ready
 * @param createdAt {@code metadata.creationTimestamp}
 * @param restartCount the highest restart count among its containers
 * @param deletionCost the {@value PodKeys#DELETION_COST_ANNOTATION} annotation (0 when absent)
 * @param labels pod labels (the state label {@value PodKeys#STATE_LABEL} among them)
 */
public record PodInfo(String name, String uid, OptionalInt ordinal, String nodeName, PodPhase phase, boolean ready,
    Optional<Instant> readySince, Optional<Instant> createdAt, int restartCount, int deletionCost,
    Map<String, String> labels) {

  public PodInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(ordinal, "ordinal");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(readySince, "readySince");
    Objects.requireNonNull(createdAt, "createdAt");
    labels = Map.copyOf(labels);
    if (name.isBlank()) {
      throw new IllegalArgumentException("metadata.name: must not be blank");
    }
    if (restartCount < 0) {
      throw new IllegalArgumentException("restartCount: must be >= 0, got " + restartCount + " for pod " + name);
    }
  }

  /** A builder with the defaults of a fresh pod: no node, Pending, not ready, no restarts, cost 0. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The pod's replica-profile state, from its labels. */
  public PodState state() {
    return PodState.fromLabels(labels);
  }

  /** Whether the pod is bound to a node. */
  public boolean assigned() {
    return !nodeName.isEmpty();
  }

  /** The StatefulSet ordinal: the explicit one, else the name's numeric suffix; empty when neither exists. */
  public OptionalInt effectiveOrdinal() {
    if (ordinal.isPresent()) {
      return ordinal;
    }
    int dash = name.lastIndexOf('-');
    if (dash < 0 || dash == name.length() - 1) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(name.substring(dash + 1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Parses the deletion-cost annotation value: an int32, as upstream; absent means 0.
   *
   * @throws IllegalArgumentException naming the annotation when the value is not an int32
   */
  public static int parseDeletionCost(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PodKeys.DELETION_COST_ANNOTATION + ": not a 32-bit integer: \"" + value
          + "\"", e);
    }
  }

  /** Fluent construction for adapters and tests. */
  public static final class Builder {
    private final String name;
    private String uid = "";
    private OptionalInt ordinal = OptionalInt.empty();
    private String nodeName = "";
    private PodPhase phase = PodPhase.PENDING;
    private boolean ready;
    private Optional<Instant> readySince = Optional.empty();
    private Optional<Instant> createdAt = Optional.empty();
    private int restartCount;
    private int deletionCost;
    private Map<String, String> labels = Map.of();

    private Builder(String name) {
      this.name = name;
    }

    public Builder uid(String value) {
      this.uid = value;
      return this;
    }

    public Builder ordinal(int value) {
      this.ordinal = OptionalInt.of(value);
      return this;
    }

    public Builder nodeName(String value) {
      this.nodeName = value == null ? "" : value;
      return this;
    }

    public Builder phase(PodPhase value) {
      this.phase = value;
      return this;
    }

    /** Marks the pod ready since {@code since} (null: ready with an unknown transition time). */
    public Builder readySince(Instant since) {
      this.ready = true;
      this.readySince = Optional.ofNullable(since);
      return this;
    }

    public Builder notReady() {
      this.ready = false;
      this.readySince = Optional.empty();
      return this;
    }

    public Builder createdAt(Instant value) {
      this.createdAt = Optional.ofNullable(value);
      return this;
    }

    public Builder restartCount(int value) {
      this.restartCount = value;
      return this;
    }

    public Builder deletionCost(int value) {
      this.deletionCost = value;
      return this;
    }

    public Builder labels(Map<String, String> value) {
      this.labels = value;
      return this;
    }

    /** Sets the state label ({@link PodState#ONLINE} removes it). */
    public Builder state(PodState state) {
      HashMap<String, String> copy = new HashMap<>(labels);
      copy.remove(PodKeys.STATE_LABEL);
      if (state == PodState.CUTOFF) {
        copy.put(PodKeys.STATE_LABEL, "Cutoff");
      } else if (state == PodState.STANDBY) {
        copy.put(PodKeys.STATE_LABEL, "Standby");
      }
      this.labels = copy;
      return this;
    }

    public PodInfo build() {
      return new PodInfo(name, uid, ordinal, nodeName, phase, ready, readySince, createdAt, restartCount,
          deletionCost, labels);
    }
  }
}
