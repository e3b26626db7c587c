package dev.reflex.metrics.query;

import java.util.Objects;

/**
 * A Kubernetes API group and kind, e.g. {@code apps}/{@code StatefulSet}; the core group is the empty string.
 *
 * @param group the API group, empty for the core group
 * @param kind the kind, never blank
 */
public record GroupKind(String group, String kind) {

  public GroupKind {
    group = Objects.requireNonNullElse(group, "");
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("group_kind.kind: must not be empty");
    }
  }

  /** Builds one from an {@code apiVersion} such as {@code apps/v1} (group {@code apps}) or {@code v1} (core). */
  public static GroupKind ofApiVersion(String apiVersion, String kind) {
    String version = Objects.requireNonNullElse(apiVersion, "");
    int slash = version.indexOf('/');
    return new GroupKind(slash < 0 ? "" : version.substring(0, slash), kind);
  }

  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
