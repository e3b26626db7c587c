package dev.reflex.decide;

/** A malformed {@code reflex decide} document; the message names the offending field path. */
public final class DecideInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public DecideInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The JSON path of the offending field, such as {@code hpa.spec.metrics[0].type}. */
  public String field() {
    return field;
  }
}
