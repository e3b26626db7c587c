package dev.reflex.embedded;

import dev.reflex.labels.LabelSelector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded cluster's metrics-server: the latest {@code metrics.k8s.io/v1beta1 PodMetrics} of every simulated
 * pod, written by the simulator and served by the API server's dispatcher.
 */
final class PodMetricsStore {

  /** Usage of one pod's single container, with the pod's labels for selector queries. */
  record Usage(String namespace, String pod, Map<String, String> labels, String container, long cpuMillis,
      long memoryBytes, String timestamp) {
  }

  private final Map<String, Usage> byKey = new ConcurrentHashMap<>();

  void put(Usage usage) {
    byKey.put(usage.namespace() + "/" + usage.pod(), usage);
  }

  void remove(String namespace, String pod) {
    byKey.remove(namespace + "/" + pod);
  }

  /** A PodMetricsList of the pods in {@code namespace} (null = all) matching the label selector. */
  JsonObject list(String namespace, String labelSelector) {
    LabelSelector selector = LabelSelector.parse(labelSelector);
    JsonArray items = new JsonArray();
    byKey.values().stream()
        .filter(u -> namespace == null || Objects.equals(namespace, u.namespace()))
        .filter(u -> selector.matches(u.labels()))
        .sorted((a, b) -> (a.namespace() + "/" + a.pod()).compareTo(b.namespace() + "/" + b.pod()))
        .forEach(u -> items.add(toJson(u)));
    return new JsonObject().put("kind", "PodMetricsList").put("apiVersion", "metrics.k8s.io/v1beta1")
        .put("metadata", new JsonObject()).put("items", items);
  }

  JsonObject get(String namespace, String pod) {
    Usage usage = byKey.get(namespace + "/" + pod);
    return usage == null ? null : toJson(usage);
  }

  /** The NodeMetrics of the one simulated node: the sum of its pods' usage. */
  JsonObject node(String name) {
    long cpu = 0;
    long memory = 0;
    String timestamp = null;
    for (Usage u : byKey.values()) {
      cpu += u.cpuMillis();
      memory += u.memoryBytes();
      timestamp = timestamp == null || u.timestamp().compareTo(timestamp) > 0 ? u.timestamp() : timestamp;
    }
    return new JsonObject().put("kind", "NodeMetrics").put("apiVersion", "metrics.k8s.io/v1beta1")
        .put("metadata", new JsonObject().put("name", name)).put("timestamp", timestamp == null ? "" : timestamp)
        .put("window", "15s").put("usage", new JsonObject().put("cpu", cpu + "m").put("memory", memory / 1024 + "Ki"));
  }

  /** A NodeMetricsList of the simulated node. */
  JsonObject nodes(String name) {
    return new JsonObject().put("kind", "NodeMetricsList").put("apiVersion", "metrics.k8s.io/v1beta1")
        .put("metadata", new JsonObject()).put("items", new JsonArray().add(node(name)));
  }

  private static JsonObject toJson(Usage u) {
    return new JsonObject().put("kind", "PodMetrics").put("apiVersion", "metrics.k8s.io/v1beta1")
        .put("metadata", new JsonObject().put("name", u.pod()).put("namespace", u.namespace())
            .put("labels", new JsonObject(Map.copyOf(u.labels()))))
        .put("timestamp", u.timestamp()).put("window", "15s")
        .put("containers", new JsonArray().add(new JsonObject().put("name", u.container())
            .put("usage", new JsonObject().put("cpu", u.cpuMillis() + "m")
                .put("memory", String.valueOf(u.memoryBytes())))));
  }
}
