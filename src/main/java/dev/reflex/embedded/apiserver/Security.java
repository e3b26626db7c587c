package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asking and whether they may: bearer tokens (the static tokens of the options, ServiceAccount tokens
 * the server issued) checked on every request, then RBAC over the stored roles and bindings. A request without
 * credentials is the embedded admin while {@code anonymousAdmin} holds (the default of the embedded cluster, so a
 * plain kubeconfig works), else {@code system:anonymous}; a refused token is always 401, as kube-apiserver answers.
 */
final class Security {

  /** The identity of a request without credentials while anonymous requests are the admin's. */
  static final UserInfo EMBEDDED_ADMIN = UserInfo.ADMIN;

  private final TokenAuthenticator tokens;
  private final Authorizer authorizer;
  private final boolean anonymousAdmin;
  private final Clock clock;

  Security(Map<String, UserInfo> staticTokens, boolean anonymousAdmin, ObjectStore store, Clock clock) {
    this.tokens = TokenAuthenticator.create(staticTokens, (namespace, name) -> Optional.ofNullable(
        store.get("/serviceaccounts", namespace + "/" + name)).map(StoredObject::uid), new SecureRandom());
    StoreRbacObjects rbac = new StoreRbacObjects(store);
    this.authorizer = Authorizer.kubeDefault(() -> rbac);
    this.anonymousAdmin = anonymousAdmin;
    this.clock = clock;
  }

  TokenAuthenticator tokens() {
    return tokens;
  }

  Authorizer authorizer() {
    return authorizer;
  }

  /** The requester, or 401 for a token that is not valid. */
  UserInfo authenticate(String authorizationHeader) {
    Optional<String> bearer = TokenAuthenticator.bearerToken(authorizationHeader);
    if (bearer.isEmpty()) {
      return anonymousAdmin ? EMBEDDED_ADMIN : UserInfo.ANONYMOUS;
    }
    return tokens.authenticate(bearer.get(), clock.instant()).orElseThrow(ApiError::unauthorized);
  }

  /**
   * The user a request acts as: the requester, or whom it impersonates ({@code Impersonate-User},
   * {@code Impersonate-Group}, as {@code kubectl --as} sends them) when the requester may impersonate.
   */
  UserInfo actingAs(UserInfo requester, String impersonateUser, List<String> impersonateGroups) {
    if (impersonateUser == null || impersonateUser.isEmpty()) {
      if (!impersonateGroups.isEmpty()) {
        throw ApiError.badRequest("requested [" + String.join(" ", impersonateGroups.stream()
            .map(g -> "{Group " + g + "}").toList()) + "] without impersonating a user");
      }
      return requester;
    }
    boolean serviceAccount = impersonateUser.startsWith(UserInfo.SERVICE_ACCOUNT_PREFIX);
    if (requester != EMBEDDED_ADMIN) {
      String resource = serviceAccount ? "serviceaccounts" : "users";
      RequestAttributes check = RequestAttributes.resource(requester, "impersonate", "", "v1", resource, "",
          serviceAccount ? impersonateUser.split(":")[2] : "", serviceAccount ? impersonateUser.split(":")[3]
              : impersonateUser);
      Decision decision = authorizer.authorize(check);
      if (decision.outcome() != Decision.Outcome.ALLOW) {
        throw Forbidden.error(check, decision.reason());
      }
      for (String group : impersonateGroups) {
        RequestAttributes groupCheck = RequestAttributes.resource(requester, "impersonate", "", "v1", "groups", "",
            "", group);
        Decision allowed = authorizer.authorize(groupCheck);
        if (allowed.outcome() != Decision.Outcome.ALLOW) {
          throw Forbidden.error(groupCheck, allowed.reason());
        }
      }
    }
    List<String> groups = new java.util.ArrayList<>(impersonateGroups);
    if (serviceAccount && impersonateGroups.isEmpty()) {
      String namespace = impersonateUser.split(":")[2];
      groups.add(UserInfo.SERVICE_ACCOUNTS_GROUP);
      groups.add(UserInfo.SERVICE_ACCOUNTS_GROUP + ":" + namespace);
    }
    return new UserInfo(impersonateUser, "", groups, Map.of()).authenticated();
  }

  /** 403 unless the requester may do what the request asks. */
  void authorize(UserInfo user, String method, String rawPath, Map<String, String> query) {
    if (user == EMBEDDED_ADMIN) {
      return;
    }
    RequestAttributes attributes = RequestAttributes.of(user, method, rawPath, query);
    Decision decision = authorizer.authorize(attributes);
    if (decision.outcome() != Decision.Outcome.ALLOW) {
      throw Forbidden.error(attributes, decision.reason());
    }
  }

  /**
   * The rules of every aggregating ClusterRole, worked out again from the roles its selectors pick: the
   * ClusterRoles whose stored rules differ, with the rules they should have.
   */
  static List<Map.Entry<StoredObject, JsonArray>> staleAggregations(List<StoredObject> clusterRoles) {
    List<JsonObject> all = clusterRoles.stream().map(StoredObject::object).toList();
    return clusterRoles.stream().filter(r -> r.object().containsKey("aggregationRule"))
        .map(r -> Map.entry(r, RbacAuthorizer.aggregatedRules(r.object(), all)))
        .filter(e -> !e.getValue().equals(e.getKey().object().getJsonArray("rules", new JsonArray())))
        .toList();
  }
}
