package dev.reflex.metrics.prometheus;

/**
 * A Kubernetes resource named in a rule's {@code resources.overrides}, e.g. {@code {resource: namespace}}.
 *
 * @param group the API group, empty for the core group
 * @param resource the resource name, singular or plural as the rule wrote it
 */
public record GroupResource(String group, String resource) {

  public GroupResource {
    group = group == null ? "" : group;
    if (resource == null || resource.isBlank()) {
      throw new IllegalArgumentException("overrides: resource must not be empty");
    }
  }
}
