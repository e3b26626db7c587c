package dev.reflex.metrics.hpa;

import java.util.List;
import java.util.Map;

/**
 * The usage read for one Resource or ContainerResource metric.
 *
 * @param metric the resource (and container) read
 * @param byPod usage per selected pod; a pod without a usable value is absent (the decision treats it as missing)
 * @param errors why some or all usage could not be read, empty when all went well
 */
record ResourceUsage(HpaMetric.Resource metric, Map<String, Reading> byPod, List<String> errors) {

  ResourceUsage {
    byPod = Map.copyOf(byPod);
    errors = List.copyOf(errors);
  }

  static ResourceUsage failed(HpaMetric.Resource metric, String error) {
    return new ResourceUsage(metric, Map.of(), List.of(error));
  }
}
