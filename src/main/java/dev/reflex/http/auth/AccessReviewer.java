package dev.reflex.http.auth;

import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Asks the API server whether a caller may do something ({@code POST authorization.k8s.io/v1 SubjectAccessReview}),
 * as kube-rbac-proxy asks it for the proxied endpoint; Reflex's ServiceAccount needs {@code create} on
 * {@code subjectaccessreviews}. A failed call fails the future: neither allowed nor denied.
 */
public interface AccessReviewer {

  /** What is asked: an action on a resource, or on a path that names no resource. */
  sealed interface Request {

    /** The review's attributes, {@code resourceAttributes} or {@code nonResourceAttributes}. */
    JsonObject attributes();

    /** The question's key in a cache of verdicts. */
    String key();
  }

  /**
   * An action on a resource.
   *
   * @param verb e.g. {@code create}
   * @param group e.g. {@code reflex.dev}
   * @param resource e.g. {@code samples}
   * @param namespace e.g. {@code shop}
   */
  record ResourceRequest(String verb, String group, String resource, String namespace) implements Request {
    @Override
    public JsonObject attributes() {
      return new JsonObject().put("resourceAttributes", new JsonObject().put("verb", verb).put("group", group)
          .put("resource", resource).put("namespace", namespace));
    }

    @Override
    public String key() {
      return verb + " " + resource + "." + group + " in " + namespace;
    }
  }

  /**
   * An action on a path that is not a resource, as RBAC's {@code nonResourceURLs} name them.
   *
   * @param verb e.g. {@code get}
   * @param path e.g. {@code /metrics}
   */
  record PathRequest(String verb, String path) implements Request {
    @Override
    public JsonObject attributes() {
      return new JsonObject().put("nonResourceAttributes", new JsonObject().put("verb", verb).put("path", path));
    }

    @Override
    public String key() {
      return verb + " " + path;
    }
  }

  Future<Boolean> allowed(Caller caller, Request request);

  /** The key of a caller's question in a cache of verdicts. */
  private static String question(Caller caller, Request request) {
    return caller.username() + "\n" + String.join(",", caller.groups()) + "\n" + request.key();
  }

  /**
   * {@code reviewer} behind {@code cache}: a remembered verdict is answered at once, any other asked and remembered.
   * Call it from one event loop, as the cache is not thread-safe.
   */
  static AccessReviewer cached(AccessReviewer reviewer, VerdictCache<Boolean> cache) {
    return (caller, request) -> {
      String question = question(caller, request);
      Optional<Boolean> known = cache.get(question);
      if (known.isPresent()) {
        return Future.succeededFuture(known.get());
      }
      return reviewer.allowed(caller, request).onSuccess(allowed -> cache.put(question, allowed));
    };
  }

  /** The reviewer that asks the cluster {@code rest} talks to. */
  static AccessReviewer of(KubeRest rest) {
    return (caller, request) -> rest.create("/apis/authorization.k8s.io/v1/subjectaccessreviews", new JsonObject()
        .put("apiVersion", "authorization.k8s.io/v1").put("kind", "SubjectAccessReview")
        .put("spec", new JsonObject().put("user", caller.username()).put("groups", new JsonArray(caller.groups()))
            .mergeIn(request.attributes())))
        .map(review -> review.getJsonObject("status", new JsonObject()).getBoolean("allowed", false));
  }
}
