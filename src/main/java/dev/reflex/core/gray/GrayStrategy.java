package dev.reflex.core.gray;

import java.time.Duration;
import java.util.Objects;

/**
 * One direction's {@code grayStrategy}.
 *
 * @param grayState where removed pods wait during a scale-down (ignored for scale-up)
 * @param changeIntervalSeconds wait between gray steps, at least 1
 * @param changePercent cumulative share of the total change added per step, 1..100
 * @param observationSeconds extra hold after reaching 100 % before parked pods are released, at least 0
 */
public record GrayStrategy(GrayState grayState, int changeIntervalSeconds, int changePercent,
    int observationSeconds) {

  public GrayStrategy {
    Objects.requireNonNull(grayState, "grayState");
    if (changeIntervalSeconds < 1) {
      throw new IllegalArgumentException("grayStrategy.changeIntervalSeconds: must be >= 1, got "
          + changeIntervalSeconds);
    }
    if (changePercent < 1 || changePercent > 100) {
      throw new IllegalArgumentException("grayStrategy.changePercent: must be between 1 and 100, got "
          + changePercent);
    }
    if (observationSeconds < 0) {
      throw new IllegalArgumentException("grayStrategy.observationSeconds: must be >= 0, got "
          + observationSeconds);
    }
  }

  /** The wait between steps. */
  public Duration changeInterval() {
    return Duration.ofSeconds(changeIntervalSeconds);
  }

  /** The hold after the last step. */
  public Duration observation() {
    return Duration.ofSeconds(observationSeconds);
  }
}
