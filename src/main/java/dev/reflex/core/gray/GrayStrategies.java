package dev.reflex.core.gray;

import java.util.Objects;
import java.util.Optional;

/**
 * The IHPA {@code behavior.scaleUp.grayStrategy} and {@code behavior.scaleDown.grayStrategy}; an absent one
 * means that direction changes in one go.
 */
public record GrayStrategies(Optional<GrayStrategy> scaleUp, Optional<GrayStrategy> scaleDown) {

  public GrayStrategies {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }

  /** No gray in either direction. */
  public static GrayStrategies none() {
    return new GrayStrategies(Optional.empty(), Optional.empty());
  }

  /** Gray only when scaling down. */
  public static GrayStrategies scaleDownOnly(GrayStrategy scaleDown) {
    return new GrayStrategies(Optional.empty(), Optional.of(scaleDown));
  }

  /** The strategy for one direction. */
  public Optional<GrayStrategy> forDirection(Direction direction) {
    return direction == Direction.UP ? scaleUp : scaleDown;
  }
}
