package dev.reflex.core.pods;

/**
 * The ReplicaProfile's {@code spec.allowedScalingDirection}: which way its online count may move. The IHPA sets it
 * from {@code behavior.scaleUp.disabled} and {@code behavior.scaleDown.disabled}.
 */
public enum AllowedDirection {
  /** Up and down: the online count is held at the desired one. */
  BOTH,
  /** Only up: more online pods than desired are left alone. */
  UP,
  /** Only down: fewer online pods than desired are left alone. */
  DOWN,
  /** Neither: the online count stays what it is; only parked pods follow the profile. */
  NEITHER;

  /** From the API's spelling ({@code Both}, {@code Up}, {@code Down}, {@code Neither}); anything else is Both. */
  public static AllowedDirection fromApi(String value) {
    if (value == null) {
      return BOTH;
    }
    return switch (value) {
      case "Up" -> UP;
      case "Down" -> DOWN;
      case "Neither" -> NEITHER;
      default -> BOTH;
    };
  }

  /** Whether {@code online} pods satisfy a desired online count under this direction. */
  boolean satisfied(int online, int desired) {
    return switch (this) {
      case UP -> online >= desired;
      case DOWN -> online <= desired;
      case NEITHER -> true;
      case BOTH -> online == desired;
    };
  }

  /** The online count to realise: the desired one, unless this direction forbids moving towards it. */
  int effectiveOnline(int online, int desired) {
    return switch (this) {
      case UP -> Math.max(desired, online);
      case DOWN -> Math.min(desired, online);
      case NEITHER -> online;
      case BOTH -> desired;
    };
  }
}
