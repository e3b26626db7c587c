package dev.reflex.embedded.apiserver;

/** The {@code includeObject} query parameter of a Table request: what each row's {@code object} holds. */
public enum IncludeObject {
  /** {@code "object": null}. */
  NONE("None"),
  /** A PartialObjectMetadata (the default). */
  METADATA("Metadata"),
  /** The whole object in the requested version. */
  OBJECT("Object");

  private final String wireName;

  IncludeObject(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The parameter's value; absent or empty means {@link #METADATA}.
   *
   * @throws IllegalArgumentException with kube-apiserver's 400 message for any other value
   */
  public static IncludeObject parse(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    for (IncludeObject option : values()) {
      if (option.wireName.equals(value)) {
        return option;
      }
    }
    throw new IllegalArgumentException("Unable to convert to Table as requested: " + FieldError.invalid(
        "includeObject", value, "must be 'Metadata', 'Object', 'None', or empty").message());
  }
}
