package dev.reflex.bus;

import java.util.Objects;

/**
 * The key every message carries: the namespace and name of the object it is about. Taps filter on it and owners
 * shard work by it.
 *
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the object name
 */
public record TargetKey(String namespace, String name) {

  public TargetKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** Parses {@code namespace/name}; a bare name means the {@code default} namespace, as kubectl reads it. */
  public static TargetKey parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new TargetKey("default", text);
    }
    return new TargetKey(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
