package dev.reflex.http.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an authenticated caller may {@code get} a path that names no resource, such as {@code /metrics}: asked with
 * a SubjectAccessReview on non-resource attributes, as metrics-server and kube-rbac-proxy guard theirs, so that a
 * scraper needs RBAC's {@code nonResourceURLs: ["/metrics"], verbs: ["get"]} (the ClusterRole
 * {@code reflex-metrics-reader}). Without an authenticated caller ({@code http.auth: none}) it lets the request on.
 * Denied: 403 naming the rule; the API server unable to answer: 503 with {@code Retry-After}.
 */
public final class PathAccessHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(PathAccessHandler.class);

  private final AccessReviewer reviewer;
  private final String grantedBy;

  /**
   * @param reviewer asks (and remembers, see {@link AccessReviewer#cached}) per caller and path
   * @param grantedBy the ClusterRole that grants access, for the refusal's message
   */
  public PathAccessHandler(AccessReviewer reviewer, String grantedBy) {
    this.reviewer = reviewer;
    this.grantedBy = grantedBy;
  }

  @Override
  public void handle(RoutingContext rc) {
    Caller caller = rc.get(BearerAuthHandler.CALLER);
    if (caller == null) {
      rc.next();
      return;
    }
    reviewer.allowed(caller, new AccessReviewer.PathRequest("get", rc.request().path())).onComplete(result -> {
      if (result.succeeded()) {
        decide(rc, caller, result.result());
      } else {
        LOG.warn("cannot ask whether {} may get {}: {}", caller.username(), rc.request().path(),
            result.cause().getMessage());
        ErrorAnswer.send(rc, 503, "cannot check with the API server whether " + caller.username() + " may get "
            + rc.request().path() + ": " + result.cause().getMessage());
      }
    });
  }

  private void decide(RoutingContext rc, Caller caller, boolean allowed) {
    if (allowed) {
      rc.next();
      return;
    }
    ErrorAnswer.send(rc, 403, caller.username() + " may not get " + rc.request().path() + " (RBAC: nonResourceURLs"
        + " [\"" + rc.request().path() + "\"] verbs [\"get\"], as the ClusterRole " + grantedBy + " grants)");
  }
}
