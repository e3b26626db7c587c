package dev.reflex.metrics.prometheus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the pods of a workload are recognised by name (Kapacity's {@code workloadPodNamePatterns}): {@code %s} in
 * {@code pattern} is replaced by the workload name, e.g. StatefulSet {@code web} gives {@code ^web-[0-9]+$}.
 *
 * @param group the workload's API group
 * @param kind the workload's kind
 * @param pattern the regex with one {@code %s}
 */
public record WorkloadPodNamePattern(String group, String kind, String pattern) {

  /** The built-in patterns, used for kinds the config does not list. */
  public static final List<WorkloadPodNamePattern> DEFAULTS = List.of(
      new WorkloadPodNamePattern("apps", "ReplicaSet", "^%s-[a-z0-9]+$"),
      new WorkloadPodNamePattern("apps", "Deployment", "^%s-[a-z0-9]+-[a-z0-9]+$"),
      new WorkloadPodNamePattern("apps", "StatefulSet", "^%s-[0-9]+$"));

  public WorkloadPodNamePattern {
    group = group == null ? "" : group;
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("workloadPodNamePatterns.kind: must not be empty");
    }
    if (pattern == null || !pattern.contains("%s")) {
      throw new IllegalArgumentException("workloadPodNamePatterns.pattern: must contain %s, got " + pattern);
    }
  }

  /** The regex for the pods of workload {@code name} (dots in the name are escaped so they stay literal). */
  public String forWorkload(String name) {
    return pattern.replace("%s", name.replace(".", "\\."));
  }

  /** Whether a pod name belongs to workload {@code name}. */
  public boolean matches(String workloadName, String podName) {
    return Pattern.compile(pattern.replace("%s", Pattern.quote(workloadName))).matcher(podName).matches();
  }
}
