package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;

/**
 * Where a Service's port can be reached from the API server: kube dials the Service's cluster IP; the embedded
 * cluster has no cluster network, so whoever owns it maps a Service to an address it can reach (a loopback port).
 * The TLS name checked stays the Service's DNS name, {@code name.namespace.svc}, whatever address is dialled.
 */
@FunctionalInterface
public interface ServiceResolver {

  /**
   * The address of {@code port} of Service {@code namespace/name}; a failed future when there is none (its message
   * is what the caller reports, e.g. {@code service "x" not found}).
   */
  Future<SocketAddress> resolve(String namespace, String name, int port);
}
