package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The maps behind {@link InformerPodDirectory}: each pod's controller and readiness, each ReplicaSet's Deployment,
 * and ready counts per controller kept up to date on every change, so {@link #readyPods} costs a few map reads
 * rather than a scan of all pods. Writers (informer callbacks) are serialized by {@code synchronized}; readers (any
 * thread) only touch concurrent maps and atomic counters.
 */
public final class PodOwnerIndex implements PodDirectory {

  private record PodEntry(String controllerKind, String controllerName, boolean ready) {
  }

  /** namespace → pod → entry: nested so that a lookup builds no key string. */
  private final Map<String, Map<String, PodEntry>> pods = new ConcurrentHashMap<>();
  private final Map<String, String> deploymentOfReplicaSet = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> replicaSetsOfDeployment = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> readyByController = new ConcurrentHashMap<>();

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static String controllerKey(String namespace, String kind, String name) {
    return namespace + "/" + kind + "/" + name;
  }

  /** A pod was added or changed (its JSON, as the informer cache holds it). */
  public synchronized void podApplied(JsonObject pod) {
    JsonObject meta = pod.getJsonObject("metadata");
    String ns = meta.getString("namespace");
    JsonObject controller = controllerOf(meta);
    PodEntry next = new PodEntry(controller == null ? null : controller.getString("kind"),
        controller == null ? null : controller.getString("name"), ready(pod));
    PodEntry previous = pods.computeIfAbsent(ns, k -> new ConcurrentHashMap<>()).put(meta.getString("name"), next);
    adjust(ns, previous, -1);
    adjust(ns, next, +1);
  }

  /** A pod was deleted. */
  public synchronized void podDeleted(JsonObject pod) {
    JsonObject meta = pod.getJsonObject("metadata");
    String ns = meta.getString("namespace");
    Map<String, PodEntry> inNamespace = pods.get(ns);
    if (inNamespace != null) {
      adjust(ns, inNamespace.remove(meta.getString("name")), -1);
    }
  }

  /** A ReplicaSet was added or changed. */
  public synchronized void replicaSetApplied(JsonObject rs) {
    JsonObject meta = rs.getJsonObject("metadata");
    String ns = meta.getString("namespace");
    String name = meta.getString("name");
    JsonObject controller = controllerOf(meta);
    replicaSetDeleted(rs);
    if (controller != null && "Deployment".equals(controller.getString("kind"))) {
      String deployment = controller.getString("name");
      deploymentOfReplicaSet.put(key(ns, name), deployment);
      replicaSetsOfDeployment.computeIfAbsent(key(ns, deployment), k -> ConcurrentHashMap.newKeySet()).add(name);
    }
  }

  /** A ReplicaSet was deleted. */
  public synchronized void replicaSetDeleted(JsonObject rs) {
    JsonObject meta = rs.getJsonObject("metadata");
    String ns = meta.getString("namespace");
    String deployment = deploymentOfReplicaSet.remove(key(ns, meta.getString("name")));
    if (deployment != null) {
      Set<String> set = replicaSetsOfDeployment.get(key(ns, deployment));
      if (set != null) {
        set.remove(meta.getString("name"));
      }
    }
  }

  private void adjust(String ns, PodEntry entry, int delta) {
    if (entry == null || !entry.ready() || entry.controllerKind() == null) {
      return;
    }
    readyByController.computeIfAbsent(controllerKey(ns, entry.controllerKind(), entry.controllerName()),
        k -> new AtomicInteger()).addAndGet(delta);
  }

  @Override
  public Optional<WorkloadRef> ownerOf(String namespace, String pod) {
    Map<String, PodEntry> inNamespace = pods.get(namespace);
    PodEntry entry = inNamespace == null ? null : inNamespace.get(pod);
    if (entry == null || entry.controllerKind() == null) {
      return Optional.empty();
    }
    switch (entry.controllerKind()) {
      case "ReplicaSet" -> {
        String deployment = deploymentOfReplicaSet.get(key(namespace, entry.controllerName()));
        return Optional.of(deployment == null ? new WorkloadRef("ReplicaSet", namespace, entry.controllerName())
            : new WorkloadRef("Deployment", namespace, deployment));
      }
      case "StatefulSet" -> {
        return Optional.of(new WorkloadRef("StatefulSet", namespace, entry.controllerName()));
      }
      default -> {
        return Optional.empty(); // Jobs, DaemonSets, …: nothing Reflex scales
      }
    }
  }

  @Override
  public int readyPods(TargetKey workload) {
    String ns = workload.namespace();
    int n = count(controllerKey(ns, "StatefulSet", workload.name()));
    if (!deploymentOfReplicaSet.containsKey(key(ns, workload.name()))) {
      n += count(controllerKey(ns, "ReplicaSet", workload.name()));
    }
    Set<String> replicaSets = replicaSetsOfDeployment.get(key(ns, workload.name()));
    if (replicaSets != null) {
      for (String rs : replicaSets) {
        n += count(controllerKey(ns, "ReplicaSet", rs));
      }
    }
    return n;
  }

  private int count(String controllerKey) {
    AtomicInteger n = readyByController.get(controllerKey);
    return n == null ? 0 : Math.max(0, n.get());
  }

  private static JsonObject controllerOf(JsonObject meta) {
    for (Object ref : meta.getJsonArray("ownerReferences", new JsonArray())) {
      if (ref instanceof JsonObject owner && owner.getBoolean("controller", false)) {
        return owner;
      }
    }
    return null;
  }

  /** Ready as endpoints count it: Running, condition Ready=True, not being deleted. */
  public static boolean ready(JsonObject pod) {
    JsonObject status = pod.getJsonObject("status");
    if (pod.getJsonObject("metadata").getValue("deletionTimestamp") != null || status == null
        || !"Running".equals(status.getString("phase"))) {
      return false;
    }
    return status.getJsonArray("conditions", new JsonArray()).stream().anyMatch(c -> c instanceof JsonObject
        condition && "Ready".equals(condition.getString("type")) && "True".equals(condition.getString("status")));
  }
}
