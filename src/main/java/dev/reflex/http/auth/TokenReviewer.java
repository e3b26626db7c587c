package dev.reflex.http.auth;

import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the API server who a bearer token belongs to ({@code POST authentication.k8s.io/v1 TokenReview}); Reflex's
 * ServiceAccount needs {@code create} on {@code tokenreviews}, which the {@code system:auth-delegator} ClusterRole
 * grants. A failed call (the API server down, no permission) fails the future: the caller is neither accepted nor
 * rejected.
 */
public interface TokenReviewer {

  Future<TokenVerdict> review(String token);

  /** The reviewer that asks the cluster {@code rest} talks to. */
  static TokenReviewer of(KubeRest rest) {
    return token -> rest.create("/apis/authentication.k8s.io/v1/tokenreviews", new JsonObject()
        .put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenReview")
        .put("spec", new JsonObject().put("token", token)))
        .map(TokenReviewer::verdict);
  }

  /** The verdict in a TokenReview's status. */
  static TokenVerdict verdict(JsonObject review) {
    JsonObject status = review.getJsonObject("status", new JsonObject());
    if (!status.getBoolean("authenticated", false)) {
      String error = status.getString("error", "");
      return new TokenVerdict.Rejected(error.isBlank() ? "the token is not valid" : error);
    }
    JsonObject user = status.getJsonObject("user", new JsonObject());
    List<String> groups = new ArrayList<>();
    JsonArray listed = user.getJsonArray("groups", new JsonArray());
    for (int i = 0; i < listed.size(); i++) {
      groups.add(listed.getString(i));
    }
    return new TokenVerdict.Accepted(new Caller(user.getString("username", ""), groups));
  }
}
