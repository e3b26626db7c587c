package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
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

  /** A pod was added or changed. */
  public synchronized void podApplied(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    OwnerReference controller = controllerOf(pod);
    PodEntry next = new PodEntry(controller == null ? null : controller.getKind(),
        controller == null ? null : controller.getName(), ready(pod));
    PodEntry previous = pods.computeIfAbsent(ns, k -> new ConcurrentHashMap<>()).put(name, next);
    adjust(ns, previous, -1);
    adjust(ns, next, +1);
  }

  /** A pod was deleted. */
  public synchronized void podDeleted(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    Map<String, PodEntry> inNamespace = pods.get(ns);
    if (inNamespace != null) {
      adjust(ns, inNamespace.remove(pod.getMetadata().getName()), -1);
    }
  }

  /** A ReplicaSet was added or changed. */
  public synchronized void replicaSetApplied(ReplicaSet rs) {
    String ns = rs.getMetadata().getNamespace();
    String name = rs.getMetadata().getName();
    OwnerReference controller = controllerOf(rs);
    replicaSetDeleted(rs);
    if (controller != null && "Deployment".equals(controller.getKind())) {
      deploymentOfReplicaSet.put(key(ns, name), controller.getName());
      replicaSetsOfDeployment.computeIfAbsent(key(ns, controller.getName()), k -> ConcurrentHashMap.newKeySet())
          .add(name);
    }
  }

  /** A ReplicaSet was deleted. */
  public synchronized void replicaSetDeleted(ReplicaSet rs) {
    String ns = rs.getMetadata().getNamespace();
    String deployment = deploymentOfReplicaSet.remove(key(ns, rs.getMetadata().getName()));
    if (deployment != null) {
      Set<String> set = replicaSetsOfDeployment.get(key(ns, deployment));
      if (set != null) {
        set.remove(rs.getMetadata().getName());
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

  private static OwnerReference controllerOf(HasMetadata object) {
    if (object.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    for (OwnerReference ref : object.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ref;
      }
    }
    return null;
  }

  /** Ready as endpoints count it: Running, condition Ready=True, not being deleted. */
  static boolean ready(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null
        || !"Running".equals(pod.getStatus().getPhase()) || pod.getStatus().getConditions() == null) {
      return false;
    }
    return pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
