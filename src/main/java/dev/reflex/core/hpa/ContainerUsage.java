package dev.reflex.core.hpa;

import java.util.Map;
import java.util.Objects;

/**
 * One container's entry in a PodMetrics object.
 *
 * @param name the container name
 * @param usage resource name to usage in milli-units
 */
public record ContainerUsage(String name, Map<String, Long> usage) {

  public ContainerUsage {
    Objects.requireNonNull(name, "name");
    usage = Map.copyOf(usage);
  }
}
