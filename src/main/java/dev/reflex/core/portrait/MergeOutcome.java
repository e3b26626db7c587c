package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The result of merging all providers at one instant: a target, or no valid portrait value. */
public sealed interface MergeOutcome permits MergeOutcome.Merged, MergeOutcome.NoValidValue {

  /** Every provider's reading, in spec order. */
  List<ProviderReading> readings();

  /** The earliest instant at which any provider's reading may change; arm a timer for it. */
  Optional<Instant> wakeAt();

  /**
   * A provider won.
   *
   * @param portrait the winning value exactly as the provider gave it (unclamped): this is what belongs in
   *     {@code status.currentPortraitValue} and what the next merge is compared against
   * @param winner the winning provider's identifier, type and priority
   * @param targetReplicas the portrait replicas clamped to min/max: the online target to plan towards. Never
   *     store it as a portrait value
   * @param limit whether and how the clamp applied ({@code ScalingLimited})
   */
  record Merged(PortraitValue portrait, ProviderReading winner, int targetReplicas, ReplicaLimit limit,
      List<ProviderReading> readings, Optional<Instant> wakeAt) implements MergeOutcome {

    public Merged {
      Objects.requireNonNull(portrait, "portrait");
      Objects.requireNonNull(winner, "winner");
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(wakeAt, "wakeAt");
      readings = List.copyOf(readings);
      if (targetReplicas < 0) {
        throw new IllegalArgumentException("targetReplicas: must be >= 0, got " + targetReplicas);
      }
    }
  }

  /**
   * No provider has a valid value: the IHPA reports {@code NoValidPortraitValue} and leaves the workload alone.
   */
  record NoValidValue(List<ProviderReading> readings, Optional<Instant> wakeAt) implements MergeOutcome {

    /** The event and condition reason. */
    public static final String REASON = "NoValidPortraitValue";

    /** The event and condition message. */
    public static final String MESSAGE = "no valid portrait value for now";

    public NoValidValue {
      readings = List.copyOf(readings);
      Objects.requireNonNull(wakeAt, "wakeAt");
    }
  }
}
