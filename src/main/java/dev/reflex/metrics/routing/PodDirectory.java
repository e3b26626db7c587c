package dev.reflex.metrics.routing;

import dev.reflex.bus.TargetKey;
import java.util.Optional;

/**
 * Which workload owns a pod, and how many of a workload's pods are ready. Implementations are safe to call from any
 * thread (ingest decodes on worker threads).
 */
public interface PodDirectory {

  /** The workload that controls the pod (a Deployment for a pod of one of its ReplicaSets), if known. */
  Optional<WorkloadRef> ownerOf(String namespace, String pod);

  /** Ready pods whose owning workload has this namespace and name (any kind); 0 when unknown. */
  int readyPods(TargetKey workload);
}
