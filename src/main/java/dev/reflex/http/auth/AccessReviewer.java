package dev.reflex.http.auth;

import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Asks the API server whether a caller may do something ({@code POST authorization.k8s.io/v1 SubjectAccessReview}),
 * as kube-rbac-proxy asks it for the proxied endpoint; Reflex's ServiceAccount needs {@code create} on
 * {@code subjectaccessreviews}. A failed call fails the future: neither allowed nor denied.
 */
public interface AccessReviewer {

  /**
   * What is asked, as resource attributes.
   *
   * @param verb e.g. {@code create}
   * @param group e.g. {@code reflex.dev}
   * @param resource e.g. {@code samples}
   * @param namespace e.g. {@code shop}
   */
  record Request(String verb, String group, String resource, String namespace) {
  }

  Future<Boolean> allowed(Caller caller, Request request);

  /** The reviewer that asks the cluster {@code rest} talks to. */
  static AccessReviewer of(KubeRest rest) {
    return (caller, request) -> rest.create("/apis/authorization.k8s.io/v1/subjectaccessreviews", new JsonObject()
        .put("apiVersion", "authorization.k8s.io/v1").put("kind", "SubjectAccessReview")
        .put("spec", new JsonObject().put("user", caller.username()).put("groups", new JsonArray(caller.groups()))
            .put("resourceAttributes", new JsonObject().put("verb", request.verb()).put("group", request.group())
                .put("resource", request.resource()).put("namespace", request.namespace()))))
        .map(review -> review.getJsonObject("status", new JsonObject()).getBoolean("allowed", false));
  }
}
