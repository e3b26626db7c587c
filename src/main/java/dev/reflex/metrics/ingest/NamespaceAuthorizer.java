package dev.reflex.metrics.ingest;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Which of a batch's namespaces the caller of a request may write samples for. Asked once per batch, before its
 * series are routed; the series of the other namespaces are dropped and counted ({@code forbidden}).
 */
public interface NamespaceAuthorizer {

  /** Everyone may write everywhere: endpoints without authentication. */
  NamespaceAuthorizer ANYONE = (rc, namespaces) -> Future.succeededFuture(namespaces);

  /**
   * @param namespaces the batch's namespaces, sorted
   * @return those the caller may write (a failed future when that cannot be known now)
   */
  Future<Set<String>> writable(RoutingContext rc, Set<String> namespaces);
}
