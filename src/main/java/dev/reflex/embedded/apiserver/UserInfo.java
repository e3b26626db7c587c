package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who makes a request, as authentication hands it on: what an AdmissionReview's {@code userInfo} carries and what
 * the aggregator forwards as {@code X-Remote-*} headers.
 *
 * @param username empty when not known
 * @param uid empty when not known
 * @param extra extra attributes (scopes, credential ids), each with its values
 */
public record UserInfo(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

  /** The identity the embedded server gives requests that carry no credentials it checks. */
  public static final UserInfo ADMIN = new UserInfo("kubernetes-admin", "", List.of("system:masters",
      "system:authenticated"), Map.of());

  public UserInfo {
    username = username == null ? "" : username;
    uid = uid == null ? "" : uid;
    groups = List.copyOf(groups == null ? List.of() : groups);
    extra = Map.copyOf(extra == null ? Map.of() : extra);
  }

  /** authentication.k8s.io/v1 UserInfo as Go writes it: empty members left out. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (!username.isEmpty()) {
      json.put("username", username);
    }
    if (!uid.isEmpty()) {
      json.put("uid", uid);
    }
    if (!groups.isEmpty()) {
      json.put("groups", new JsonArray(groups));
    }
    if (!extra.isEmpty()) {
      JsonObject values = new JsonObject();
      new TreeMap<>(extra).forEach((key, list) -> values.put(key, new JsonArray(list)));
      json.put("extra", values);
    }
    return json;
  }
}
