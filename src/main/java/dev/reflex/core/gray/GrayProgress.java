package dev.reflex.core.gray;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a gray plan, carried between calls (persist it with the IHPA status; {@code percent} and
 * {@code lastUpdate} are the API's {@code status.gray.grayPercent} and {@code lastUpdateTime}).
 *
 * @param direction the plan's direction
 * @param start the profile in force when the plan started; steps are measured from its online count
 * @param target the online count the plan leads to
 * @param percent the share of the change applied so far, 0..100
 * @param lastUpdate when {@code percent} last changed
 */
public record GrayProgress(Direction direction, ReplicaProfile start, int target, int percent, Instant lastUpdate) {

  public GrayProgress {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(lastUpdate, "lastUpdate");
    if (target < 0) {
      throw new IllegalArgumentException("gray.target: must be >= 0, got " + target);
    }
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("gray.grayPercent: must be between 0 and 100, got " + percent);
    }
  }

  /** The same plan advanced to {@code newPercent} at {@code now}. */
  GrayProgress advancedTo(int newPercent, Instant now) {
    return new GrayProgress(direction, start, target, newPercent, now);
  }
}
