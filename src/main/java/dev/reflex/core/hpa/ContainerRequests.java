package dev.reflex.core.hpa;

import java.util.Map;
import java.util.Objects;

/**
 * The resource requests of one container that counts towards the pod's request: a regular container, or an init
 * container with {@code restartPolicy: Always} (a sidecar). Other init containers do not count and are left out.
 *
 * @param name the container name
 * @param requests resource name to request in milli-units (e.g. {@code cpu → 200} for 200m)
 */
public record ContainerRequests(String name, Map<String, Long> requests) {

  public ContainerRequests {
    Objects.requireNonNull(name, "name");
    requests = Map.copyOf(requests);
  }
}
