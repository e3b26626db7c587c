package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * The object an Object metric describes.
 *
 * @param kind the object's kind, e.g. {@code Ingress}; it appears in messages ("Ingress metric rps")
 * @param name the object's name
 * @param apiVersion the object's API version, or {@code null}
 */
public record ObjectReference(String kind, String name, String apiVersion) {

  public ObjectReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }
}
