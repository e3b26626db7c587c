package dev.reflex.config;

/**
 * A configuration or start-up problem the user must fix: the message is one line that names the key or the cause.
 * The command line prints it and exits with code 2.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
