package dev.reflex.http.auth;

import dev.reflex.metrics.ingest.NamespaceAuthorizer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which namespaces a remote-write caller may write samples for: {@code create} on the virtual resource
 * {@code samples} of group {@code reflex.dev} in each namespace, asked with a SubjectAccessReview per namespace
 * (cached per caller and namespace), as {@code deploy/rbac.yaml}'s ClusterRole {@code reflex-samples-writer}
 * grants it through a RoleBinding per namespace, or cluster-wide through a ClusterRoleBinding. A request without an
 * authenticated caller (endpoints with {@code http.auth: none}) may write everywhere.
 */
public final class SamplesAuthorizer implements NamespaceAuthorizer {

  /** The API group of Reflex's virtual resources. */
  public static final String GROUP = "reflex.dev";
  /** The virtual resource writing samples is {@code create} on. */
  public static final String SAMPLES = "samples";

  private final AccessReviewer reviewer;

  /**
   * @param reviewer asks (and remembers, see {@link AccessReviewer#cached}) per caller and namespace
   */
  public SamplesAuthorizer(AccessReviewer reviewer) {
    this.reviewer = reviewer;
  }

  @Override
  public Future<Set<String>> writable(RoutingContext rc, Set<String> namespaces) {
    Caller caller = rc.get(BearerAuthHandler.CALLER);
    if (caller == null) {
      return Future.succeededFuture(namespaces);
    }
    Set<String> allowed = new TreeSet<>();
    List<Future<?>> asked = new ArrayList<>();
    for (String namespace : namespaces) {
      asked.add(reviewer.allowed(caller, new AccessReviewer.ResourceRequest("create", GROUP, SAMPLES, namespace))
          .onSuccess(yes -> {
            if (yes) {
              allowed.add(namespace);
            }
          }));
    }
    return Future.all(asked).map(v -> allowed);
  }
}
