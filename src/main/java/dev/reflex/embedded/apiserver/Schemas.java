package dev.reflex.embedded.apiserver;

/** The schema references of every type the server serves: built-in components; CRD schemas have none. */
final class Schemas {

  private Schemas() {
  }

  static SchemaContext context() {
    return BuiltInSchemas.context();
  }
}
