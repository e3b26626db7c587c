package dev.reflex.metrics.prometheus;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code resourceRules}: how to query CPU and memory usage.
 *
 * @param cpu the CPU rule, if configured
 * @param memory the memory rule, if configured
 * @param window the window resource values are computed over, reported with each sample
 */
public record ResourceRules(Optional<ResourceRule> cpu, Optional<ResourceRule> memory, Optional<Duration> window) {

  /** No resource rules. */
  public static final ResourceRules NONE = new ResourceRules(Optional.empty(), Optional.empty(), Optional.empty());

  /** The rule for a Kubernetes resource name ({@code cpu} or {@code memory}). */
  public Optional<ResourceRule> forResource(String resource) {
    return switch (resource) {
      case "cpu" -> cpu;
      case "memory" -> memory;
      default -> Optional.empty();
    };
  }
}
