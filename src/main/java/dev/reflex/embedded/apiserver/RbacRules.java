package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one RBAC PolicyRule covers a request, as kube's RBAC helpers match: verbs, apiGroups, resources (with
 * {@code pods/status} and {@code *}/{@code *}{@code /scale} forms), resourceNames, and nonResourceURLs with a
 * trailing-{@code *} prefix form.
 */
final class RbacRules {

  private RbacRules() {
  }

  static boolean allows(RequestAttributes a, JsonObject rule) {
    if (!verbMatches(rule, a.verb())) {
      return false;
    }
    if (!a.resourceRequest()) {
      return nonResourceUrlMatches(rule, a.path());
    }
    String combined = a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    return apiGroupMatches(rule, a.apiGroup()) && resourceMatches(rule, combined, a.subresource())
        && resourceNameMatches(rule, a.name());
  }

  static boolean verbMatches(JsonObject rule, String verb) {
    return strings(rule, "verbs").stream().anyMatch(v -> v.equals("*") || v.equals(verb));
  }

  static boolean apiGroupMatches(JsonObject rule, String group) {
    return strings(rule, "apiGroups").stream().anyMatch(g -> g.equals("*") || g.equals(group));
  }

  static boolean resourceMatches(JsonObject rule, String combinedResource, String subresource) {
    for (String resource : strings(rule, "resources")) {
      if (resource.equals("*") || resource.equals(combinedResource)) {
        return true;
      }
      // "*/scale" covers the scale subresource of every resource, and nothing without a subresource.
      if (!subresource.isEmpty() && resource.equals("*/" + subresource)) {
        return true;
      }
    }
    return false;
  }

  /** No resourceNames means every name; a list restricts to those names, so a request with no name never matches. */
  static boolean resourceNameMatches(JsonObject rule, String name) {
    List<String> names = strings(rule, "resourceNames");
    return names.isEmpty() || names.contains(name);
  }

  static boolean nonResourceUrlMatches(JsonObject rule, String path) {
    for (String url : strings(rule, "nonResourceURLs")) {
      if (url.equals("*") || url.equals(path)) {
        return true;
      }
      if (url.endsWith("*") && path.startsWith(url.replaceAll("\\*+$", ""))) {
        return true;
      }
    }
    return false;
  }

  static List<String> strings(JsonObject rule, String field) {
    List<String> out = new ArrayList<>();
    if (rule.getValue(field) instanceof JsonArray array) {
      array.forEach(v -> out.add(v == null ? "" : String.valueOf(v)));
    }
    return out;
  }
}
