package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a request comes from, as kube-apiserver's {@code user.Info}: name, uid, groups and extra attributes. Absent
 * strings are "" and absent collections empty, as Go's zero values, so messages and comparisons need no null checks.
 */
public record UserInfo(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

  /** Every authenticated identity carries this group (kube's authenticated-group adder). */
  public static final String AUTHENTICATED = "system:authenticated";
  public static final String UNAUTHENTICATED = "system:unauthenticated";
  /** Members of this group pass every authorization check before RBAC is asked. */
  public static final String MASTERS = "system:masters";
  public static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
  public static final String SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

  /** Who a request with no credentials is when anonymous requests are allowed. */
  /** The embedded admin: what a request without credentials is while anonymous requests are the admin's. */
  public static final UserInfo ADMIN = new UserInfo("reflex-admin", "", List.of(MASTERS, AUTHENTICATED), Map.of());
  public static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of(UNAUTHENTICATED), Map.of());

  public UserInfo {
    username = username == null ? "" : username;
    uid = uid == null ? "" : uid;
    groups = groups == null ? List.of() : List.copyOf(groups);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (extra != null) {
      extra.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
    }
    extra = Collections.unmodifiableMap(copy);
  }

  public static UserInfo of(String username, String... groups) {
    return new UserInfo(username, "", List.of(groups), Map.of());
  }

  /** The user name of a ServiceAccount: {@code system:serviceaccount:<namespace>:<name>}. */
  public static String serviceAccountUsername(String namespace, String name) {
    return SERVICE_ACCOUNT_PREFIX + namespace + ":" + name;
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  /**
   * This user with {@code system:authenticated} added, unless it already says authenticated or unauthenticated, as
   * kube adds it to every identity an authenticator accepted.
   */
  public UserInfo authenticated() {
    if (groups.contains(AUTHENTICATED) || groups.contains(UNAUTHENTICATED)) {
      return this;
    }
    List<String> withGroup = new ArrayList<>(groups);
    withGroup.add(AUTHENTICATED);
    return new UserInfo(username, uid, withGroup, extra);
  }

  /** The {@code UserInfo} of authentication.k8s.io/v1, every field omitted when empty as Go's omitempty does. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (!username.isEmpty()) {
      json.put("username", username);
    }
    if (!uid.isEmpty()) {
      json.put("uid", uid);
    }
    if (!groups.isEmpty()) {
      json.put("groups", new JsonArray(new ArrayList<>(groups)));
    }
    if (!extra.isEmpty()) {
      JsonObject extraJson = new JsonObject();
      extra.forEach((k, v) -> extraJson.put(k, new JsonArray(new ArrayList<>(v))));
      json.put("extra", extraJson);
    }
    return json;
  }

  /** The user a SubjectAccessReview spec names (its user, uid, groups and extra), taken as given. */
  public static UserInfo fromReviewSpec(JsonObject spec) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    JsonObject extraJson = spec.getJsonObject("extra");
    if (extraJson != null) {
      extraJson.forEach(e -> extra.put(e.getKey(), strings(e.getValue())));
    }
    return new UserInfo(spec.getString("user"), spec.getString("uid"), strings(spec.getValue("groups")), extra);
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(v -> out.add(v == null ? "" : String.valueOf(v)));
    }
    return out;
  }
}
