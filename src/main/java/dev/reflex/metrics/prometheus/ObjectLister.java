package dev.reflex.metrics.prometheus;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricQueryException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Lists the names of Kubernetes objects matching a label selector, for queries that pick pods or objects by
 * selector. {@link KubeObjectLister} asks the API server.
 */
@FunctionalInterface
public interface ObjectLister {

  /** Refuses every selector query: for setups without a Kubernetes connection. */
  ObjectLister NONE = (kind, namespace, selector) -> Future.failedFuture(MetricQueryException.invalid(
      "cannot list " + kind + " objects by selector: no Kubernetes connection; query by name instead"));

  /** Names of the {@code kind} objects in {@code namespace} (cluster-wide when empty) that {@code selector} picks. */
  Future<List<String>> names(GroupKind kind, Optional<String> namespace, LabelSelector selector);
}
