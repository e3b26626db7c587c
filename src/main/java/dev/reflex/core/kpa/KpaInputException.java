package dev.reflex.core.kpa;

/** A KPA setting or spec field with a bad value; {@link #field()} names it the way the input spelled it. */
public final class KpaInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the key or field name, such as {@code stable-window} or {@code targetValue}
   * @param problem what is wrong with it
   */
  public KpaInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The offending key or field name. */
  public String field() {
    return field;
  }

  /** The problem without the field prefix. */
  public String problem() {
    return getMessage().substring(field.length() + 2);
  }
}
