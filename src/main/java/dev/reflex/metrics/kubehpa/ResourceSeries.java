package dev.reflex.metrics.kubehpa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which streamed per-pod gauge stands for a resource of a KubeHPA Resource metric ({@code metrics.resource-series},
 * entries {@code resource=series}): {@code cpu=cpu_usage_cores} makes the {@code cpu_usage_cores} samples of a
 * workload's pods (in cores) serve a {@code cpu} Utilization target. Only whole-pod gauges qualify, so
 * ContainerResource metrics are always polled.
 *
 * @param byResource resource name → streamed metric name
 */
public record ResourceSeries(Map<String, String> byResource) {

  public ResourceSeries {
    byResource = Map.copyOf(byResource);
  }

  /**
   * Parses {@code resource=series} entries.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static ResourceSeries parse(List<String> entries) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String resource = eq < 0 ? "" : entry.substring(0, eq).trim();
      String series = eq < 0 ? "" : entry.substring(eq + 1).trim();
      if (resource.isEmpty() || series.isEmpty()) {
        throw new IllegalArgumentException("entry '" + entry + "' must look like resource=series, e.g."
            + " cpu=cpu_usage_cores");
      }
      if (map.put(resource, series) != null) {
        throw new IllegalArgumentException("resource '" + resource + "' is mapped twice");
      }
    }
    return new ResourceSeries(map);
  }

  /** The streamed series standing for a resource, if any. */
  public Optional<String> seriesOf(String resource) {
    return Optional.ofNullable(byResource.get(resource));
  }
}
