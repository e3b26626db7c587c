package dev.reflex.objects;

/** A field of a Kubernetes-shaped document that cannot be read; the message names the offending field path. */
public final class InvalidFieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidFieldException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The JSON path of the offending field, such as {@code hpa.spec.metrics[0].type}. */
  public String field() {
    return field;
  }
}
