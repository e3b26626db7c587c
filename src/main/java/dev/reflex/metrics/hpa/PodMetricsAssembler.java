package dev.reflex.metrics.hpa;

import dev.reflex.core.hpa.ContainerUsage;
import dev.reflex.core.hpa.PodMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds PodMetrics (the core's record of a metrics.k8s.io item) from per-pod readings of several resources and
 * containers, one item per pod.
 *
 * <p>The decision sums all containers of an item for a Resource metric and picks the named container for a
 * ContainerResource one. Whole-pod totals therefore go into one synthetic container, {@value #POD}, holding what the
 * named containers do not: pod cpu 900m with container {@code app} at 600m gives {@code app: 600m} and
 * {@code (pod): 300m}, summing back to 900m. A resource with no total is left out of the synthetic container, so a
 * Resource metric on it sees the pod as missing instead of taking one container for the whole pod. The name cannot
 * clash with a real container: parentheses are not allowed in container names.
 */
final class PodMetricsAssembler {

  /** The synthetic container carrying whole-pod usage beyond the named containers. */
  static final String POD = "(pod)";

  private final Instant now;
  private final Map<String, Map<String, Reading>> totals = new TreeMap<>();
  private final Map<String, Map<String, Map<String, Reading>>> containers = new TreeMap<>();

  /** @param now the decision time: no item is stamped later, so clock skew never makes a sample "from the future" */
  PodMetricsAssembler(Instant now) {
    this.now = now;
  }

  void total(String pod, String resource, Reading reading) {
    totals.computeIfAbsent(pod, p -> new TreeMap<>()).put(resource, reading);
  }

  void container(String pod, String container, String resource, Reading reading) {
    containers.computeIfAbsent(pod, p -> new TreeMap<>()).computeIfAbsent(container, c -> new TreeMap<>())
        .put(resource, reading);
  }

  List<PodMetric> build() {
    TreeSet<String> pods = new TreeSet<>(totals.keySet());
    pods.addAll(containers.keySet());
    List<PodMetric> items = new ArrayList<>();
    for (String pod : pods) {
      items.add(item(pod, totals.getOrDefault(pod, Map.of()), containers.getOrDefault(pod, Map.of())));
    }
    return items;
  }

  private PodMetric item(String pod, Map<String, Reading> podTotals, Map<String, Map<String, Reading>> named) {
    List<ContainerUsage> list = new ArrayList<>();
    named.forEach((name, usage) -> {
      Map<String, Long> milli = new TreeMap<>();
      usage.forEach((resource, reading) -> milli.put(resource, reading.milli()));
      list.add(new ContainerUsage(name, milli));
    });
    Map<String, Long> rest = new TreeMap<>();
    podTotals.forEach((resource, reading) -> {
      long inNamed = named.values().stream().map(u -> u.get(resource)).filter(r -> r != null)
          .mapToLong(Reading::milli).sum();
      // Sources sampled at slightly different times can put a container above its pod; never below zero.
      rest.put(resource, Math.max(0, reading.milli() - inNamed));
    });
    list.add(new ContainerUsage(POD, rest));
    Reading stamp = stamp(podTotals, named);
    Instant at = stamp.at().isAfter(now) ? now : stamp.at();
    return new PodMetric(pod, at, stamp.window(), list);
  }

  /**
   * The time and window of the item. Only the cpu readiness rule reads them (a pod whose cpu sample does not cover a
   * full window since it became ready is not trusted), so the cpu reading's own time wins; otherwise the newest.
   */
  private static Reading stamp(Map<String, Reading> podTotals, Map<String, Map<String, Reading>> named) {
    Optional<Reading> cpu = Optional.ofNullable(podTotals.get("cpu")).or(() -> named.values().stream()
        .map(u -> u.get("cpu")).filter(r -> r != null).findFirst());
    return cpu.orElseGet(() -> Stream.concat(podTotals.values().stream(),
        named.values().stream().flatMap(u -> u.values().stream())).max(Comparator.comparing(Reading::at))
        .orElseThrow());
  }
}
