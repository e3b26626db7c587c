package dev.reflex.embedded;

import dev.reflex.bus.TargetKey;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded metrics-server: once a second, every Running pod gets a usage sample. A workload's CPU demand
 * ({@link SimulatedLoad}) is shared equally by its Ready pods on top of each pod's idle use; pods not Ready serve no
 * traffic and only idle.
 */
public final class PodMetricsEmitter {

  /**
   * A pod's own price of a request, over {@code embedded.cpu-millicores-per-request}: a static NGINX page costs less
   * than seed 001's CPU-burning PHP page. Read by the embedded cluster only; a real cluster ignores it.
   */
  static final String CPU_PER_REQUEST_ANNOTATION = "embedded.reflex.dev/cpu-millicores-per-request";

  private final PodMetricsStore store;
  private final SimulatedLoad load;
  private final int idleMillicores;
  private final long memoryBytes;
  private final double cpuMillicoresPerRequest;
  /** What the client pods send each serving pod, as of the last emit. */
  private volatile Map<TargetKey, Served> served = Map.of();
  /**
   * The running pods that have served a client: they go on reporting, 0 when idle, as an application's metrics do
   * once they exist, so that a decider sees the load end instead of the series going stale.
   */
  private final Set<TargetKey> reporting = new HashSet<>();

  /**
   * What one serving pod gets from the client pods.
   *
   * @param requestsPerSecond requests per second
   * @param concurrency requests in flight
   */
  record Served(double requestsPerSecond, double concurrency) {
    static final Served NONE = new Served(0, 0);

    Served plus(Served other) {
      return new Served(requestsPerSecond + other.requestsPerSecond, concurrency + other.concurrency);
    }
  }

  /** @param cpuMillicoresPerRequest the CPU one request of a {@link ClientLoad} costs its server */
  PodMetricsEmitter(PodMetricsStore store, SimulatedLoad load, int idleMillicores, int memoryMib,
      double cpuMillicoresPerRequest) {
    this.cpuMillicoresPerRequest = cpuMillicoresPerRequest;
    this.store = store;
    this.load = load;
    this.idleMillicores = idleMillicores;
    this.memoryBytes = memoryMib * 1024L * 1024L;
  }

  void emit(ClusterView view, Instant now) {
    List<JsonObject> pods = view.list("Pod", null).stream()
        .filter(p -> "Running".equals(p.getJsonObject("status", new JsonObject()).getString("phase"))).toList();
    Map<String, Integer> readyPerWorkload = new HashMap<>();
    for (JsonObject pod : pods) {
      if (PodLifecycle.ready(pod)) {
        readyPerWorkload.merge(workload(view, pod), 1, Integer::sum);
      }
    }
    Map<String, Double> requests = requestLoad(view, pods);
    for (JsonObject pod : pods) {
      JsonObject meta = pod.getJsonObject("metadata");
      String workload = workload(view, pod);
      long cpu = idleMillicores;
      if (PodLifecycle.ready(pod)) {
        cpu += (long) Math.floor((load.millicores(workload) + requests.getOrDefault(workload, 0.0))
            / readyPerWorkload.get(workload));
      }
      Map<String, String> labels = new HashMap<>();
      meta.getJsonObject("labels", new JsonObject()).forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
      String container = pod.getJsonObject("spec").getJsonArray("containers").getJsonObject(0).getString("name");
      store.put(new PodMetricsStore.Usage(meta.getString("namespace"), meta.getString("name"), labels, container,
          cpu, memoryBytes, now.toString()));
    }
  }

  /**
   * The CPU, in millicores per workload, that the running client pods ({@link ClientLoad}) put on the ready pods
   * their Service selects: requests per second times {@code embedded.cpu-millicores-per-request}, shared by those
   * pods. A client whose Service does not exist or selects no ready pod loads nothing, as its requests fail.
   */
  private Map<String, Double> requestLoad(ClusterView view, List<JsonObject> running) {
    Map<String, Double> byWorkload = new HashMap<>();
    Map<TargetKey, Served> byPod = new HashMap<>();
    for (JsonObject pod : running) {
      ClientLoad.of(pod).ifPresent(loop -> {
        JsonObject service = loop.byClusterIp() ? serviceWithClusterIp(view, loop.host())
            : view.get("Service", loop.serviceNamespace(), loop.serviceName());
        if (service == null) {
          return;
        }
        String namespace = service.getJsonObject("metadata").getString("namespace");
        List<JsonObject> servers = new ArrayList<>();
        for (JsonObject candidate : running) {
          // The Service's ready endpoints, as the Endpoints controller picks them.
          if (namespace.equals(candidate.getJsonObject("metadata").getString("namespace"))
              && PodLifecycle.ready(candidate) && EndpointsBuilder.selects(service, candidate)) {
            servers.add(candidate);
          }
        }
        Served share = new Served(loop.requestsPerSecond() / Math.max(1, servers.size()),
            loop.concurrency() / Math.max(1, servers.size()));
        for (JsonObject server : servers) {
          byWorkload.merge(workload(view, server), share.requestsPerSecond() * cpuPerRequest(server), Double::sum);
          byPod.merge(new TargetKey(namespace, server.getJsonObject("metadata").getString("name")), share,
              Served::plus);
        }
      });
    }
    if (!reporting.isEmpty()) {
      // Only once a client has run: the pass over every running pod each second is not spent on idle clusters.
      Set<TargetKey> runningKeys = new HashSet<>();
      running.forEach(p -> runningKeys.add(new TargetKey(p.getJsonObject("metadata").getString("namespace"),
          p.getJsonObject("metadata").getString("name"))));
      reporting.retainAll(runningKeys);
    }
    reporting.addAll(byPod.keySet());
    reporting.forEach(pod -> byPod.putIfAbsent(pod, Served.NONE));
    served = Map.copyOf(byPod);
    return byWorkload;
  }

  /** What one request costs {@code pod}: its annotation when that is a number of millicores, else the setting. */
  private double cpuPerRequest(JsonObject pod) {
    String own = pod.getJsonObject("metadata").getJsonObject("annotations", new JsonObject())
        .getString(CPU_PER_REQUEST_ANNOTATION);
    if (own != null) {
      try {
        double value = Double.parseDouble(own.trim());
        if (Double.isFinite(value) && value >= 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // Not a number: the setting applies, as documented with the annotation.
      }
    }
    return cpuMillicoresPerRequest;
  }

  /** The Service whose ClusterIP a loop's URL names, in any namespace (the IP is the cluster's), or null. */
  private static JsonObject serviceWithClusterIp(ClusterView view, String ip) {
    for (JsonObject service : view.list("Service", null)) {
      if (ip.equals(service.getJsonObject("spec", new JsonObject()).getString("clusterIP"))) {
        return service;
      }
    }
    return null;
  }

  /** What each serving pod gets from the client pods (pods that get nothing are left out). */
  Map<TargetKey, Served> served() {
    return served;
  }

  void forget(TargetKey pod) {
    store.remove(pod.namespace(), pod.name());
  }

  /** {@code namespace/Kind/name} of the workload a pod belongs to; a ReplicaSet's pods count for its Deployment. */
  static String workload(ClusterView view, JsonObject pod) {
    String ns = pod.getJsonObject("metadata").getString("namespace");
    String owner = ClusterView.owner(pod);
    if (owner.startsWith("ReplicaSet/")) {
      JsonObject rs = view.get("ReplicaSet", ns, owner.substring("ReplicaSet/".length()));
      if (rs != null && ClusterView.owner(rs).startsWith("Deployment/")) {
        owner = ClusterView.owner(rs);
      }
    }
    return ns + "/" + owner;
  }
}
