package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;

/**
 * The 403 kube-apiserver answers when no authorizer allowed a request, worded as its authorization filter words
 * it: {@code pods "x" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace
 * "default"}, followed by {@code ": " + reason} when the authorizers gave one.
 */
public final class Forbidden {

  private Forbidden() {
  }

  public static ApiError error(RequestAttributes a, String reason) {
    return new ApiError(403, "Forbidden", message(a, reason), details(a));
  }

  public static String message(RequestAttributes a, String reason) {
    String why = sanitize(what(a));
    if (reason != null && !reason.isEmpty()) {
      why = why + ": " + reason;
    }
    String qualified = qualifiedResource(a);
    if (qualified.isEmpty()) {
      return "forbidden: " + why;
    }
    if (a.name().isEmpty()) {
      return qualified + " is forbidden: " + why;
    }
    return qualified + " " + GoText.quote(a.name()) + " is forbidden: " + why;
  }

  /** What the user could not do; the user-controlled parts are later HTML-escaped as kube does. */
  private static String what(RequestAttributes a) {
    String user = GoText.quote(a.user() == null ? "" : a.user().username());
    if (!a.resourceRequest()) {
      return "User " + user + " cannot " + a.verb() + " path " + GoText.quote(a.path());
    }
    String resource = a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    String head = "User " + user + " cannot " + a.verb() + " resource " + GoText.quote(resource) + " in API group "
        + GoText.quote(a.apiGroup());
    if (!a.namespace().isEmpty()) {
      return head + " in the namespace " + GoText.quote(a.namespace());
    }
    return head + " at the cluster scope";
  }

  /** {@code pods}, {@code deployments.apps}; "" for a non-resource request. */
  private static String qualifiedResource(RequestAttributes a) {
    if (a.apiGroup().isEmpty()) {
      return a.resource();
    }
    return a.resource() + "." + a.apiGroup();
  }

  /** The Status details: name, group and kind (the resource), each left out when empty. */
  static JsonObject details(RequestAttributes a) {
    JsonObject details = new JsonObject();
    if (!a.name().isEmpty()) {
      details.put("name", a.name());
    }
    if (!a.apiGroup().isEmpty()) {
      details.put("group", a.apiGroup());
    }
    if (!a.resource().isEmpty()) {
      details.put("kind", a.resource());
    }
    return details;
  }

  private static String sanitize(String message) {
    return message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
