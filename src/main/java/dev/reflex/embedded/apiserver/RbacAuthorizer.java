package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Kube's RBAC authorizer: walks every ClusterRoleBinding, then the RoleBindings of the request's namespace, and
 * allows as soon as one rule of a role bound to the user covers the request, naming the binding that did. It never
 * denies: without a covering rule it has no opinion, with a reason only when some binding pointed at a role that is
 * missing ({@code RBAC: clusterrole.rbac.authorization.k8s.io "x" not found}).
 */
public final class RbacAuthorizer implements Authorizer {

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private final Supplier<RbacObjects> objects;

  public RbacAuthorizer(Supplier<RbacObjects> objects) {
    this.objects = objects;
  }

  @Override
  public Decision authorize(RequestAttributes attributes) {
    return authorize(attributes, objects.get());
  }

  public static Decision authorize(RequestAttributes a, List<JsonObject> roles, List<JsonObject> clusterRoles,
      List<JsonObject> roleBindings, List<JsonObject> clusterRoleBindings) {
    return authorize(a, RbacObjects.of(roles, clusterRoles, roleBindings, clusterRoleBindings));
  }

  public static Decision authorize(RequestAttributes a, RbacObjects rbac) {
    List<String> errors = new ArrayList<>();
    for (JsonObject binding : rbac.clusterRoleBindings()) {
      Optional<String> allowedBy = visit(a, rbac, binding, "", errors);
      if (allowedBy.isPresent()) {
        return Decision.allow("RBAC: allowed by " + allowedBy.get());
      }
    }
    if (!a.namespace().isEmpty()) {
      for (JsonObject binding : rbac.roleBindings(a.namespace())) {
        Optional<String> allowedBy = visit(a, rbac, binding, a.namespace(), errors);
        if (allowedBy.isPresent()) {
          return Decision.allow("RBAC: allowed by " + allowedBy.get());
        }
      }
    }
    return Decision.noOpinion(errors.isEmpty() ? "" : "RBAC: " + aggregate(errors));
  }

  /**
   * The description of {@code binding} when it binds the user to a role with a rule covering the request; records
   * why the role could not be read otherwise. {@code namespace} is "" for a ClusterRoleBinding.
   */
  private static Optional<String> visit(RequestAttributes a, RbacObjects rbac, JsonObject binding, String namespace,
      List<String> errors) {
    JsonArray subjects = binding.getJsonArray("subjects", new JsonArray());
    JsonObject subject = null;
    for (int i = 0; i < subjects.size(); i++) {
      JsonObject candidate = subjects.getJsonObject(i);
      if (candidate != null && appliesTo(a.user(), candidate, namespace)) {
        subject = candidate;
        break;
      }
    }
    if (subject == null) {
      return Optional.empty();
    }
    JsonObject roleRef = binding.getJsonObject("roleRef", new JsonObject());
    String kind = Objects.toString(roleRef.getString("kind"), "");
    String roleName = Objects.toString(roleRef.getString("name"), "");
    Optional<JsonObject> role;
    switch (kind) {
      case "Role" -> {
        role = rbac.role(namespace, roleName);
        if (role.isEmpty()) {
          errors.add("role." + RBAC_GROUP + " \"" + roleName + "\" not found");
          return Optional.empty();
        }
      }
      case "ClusterRole" -> {
        role = rbac.clusterRole(roleName);
        if (role.isEmpty()) {
          errors.add("clusterrole." + RBAC_GROUP + " \"" + roleName + "\" not found");
          return Optional.empty();
        }
      }
      default -> {
        errors.add("unsupported role reference kind: \"" + kind + "\"");
        return Optional.empty();
      }
    }
    JsonArray rules = role.get().getJsonArray("rules", new JsonArray());
    for (int i = 0; i < rules.size(); i++) {
      JsonObject rule = rules.getJsonObject(i);
      if (rule != null && RbacRules.allows(a, rule)) {
        return Optional.of(describe(binding, kind, roleName, subject, namespace));
      }
    }
    return Optional.empty();
  }

  /** Whether a binding's subject names this user; a ServiceAccount subject's namespace defaults to the binding's. */
  static boolean appliesTo(UserInfo user, JsonObject subject, String bindingNamespace) {
    String kind = Objects.toString(subject.getString("kind"), "");
    String name = Objects.toString(subject.getString("name"), "");
    return switch (kind) {
      case "User" -> user.username().equals(name);
      case "Group" -> user.inGroup(name);
      case "ServiceAccount" -> {
        String namespace = Objects.toString(subject.getString("namespace"), "");
        if (namespace.isEmpty()) {
          namespace = bindingNamespace;
        }
        yield !namespace.isEmpty() && user.username().equals(UserInfo.serviceAccountUsername(namespace, name));
      }
      default -> false;
    };
  }

  /** {@code ClusterRoleBinding "b" of ClusterRole "r" to User "u"} or {@code RoleBinding "b/ns" of Role ...}. */
  private static String describe(JsonObject binding, String roleKind, String roleName, JsonObject subject,
      String namespace) {
    String bindingName = RbacObjects.nameOf(binding);
    String head = namespace.isEmpty() ? "ClusterRoleBinding " + quote(bindingName)
        : "RoleBinding " + quote(bindingName + "/" + namespace);
    return head + " of " + roleKind + " " + quote(roleName) + " to " + describeSubject(subject, namespace);
  }

  private static String describeSubject(JsonObject subject, String bindingNamespace) {
    String kind = Objects.toString(subject.getString("kind"), "");
    String name = Objects.toString(subject.getString("name"), "");
    if (kind.equals("ServiceAccount")) {
      String namespace = Objects.toString(subject.getString("namespace"), "");
      return kind + " " + quote(name + "/" + (namespace.isEmpty() ? bindingNamespace : namespace));
    }
    return kind + " " + quote(name);
  }

  /** Several errors read as {@code [a, b]} with repeats dropped, one as itself (kube's error aggregate). */
  static String aggregate(List<String> errors) {
    Set<String> distinct = new LinkedHashSet<>(errors);
    if (errors.size() == 1 || distinct.size() == 1) {
      return distinct.iterator().next();
    }
    return "[" + String.join(", ", distinct) + "]";
  }

  private static String quote(String s) {
    return GoText.quote(s);
  }

  /** The rules an aggregated ClusterRole holds; see {@link ClusterRoleAggregation#aggregatedRules}. */
  public static JsonArray aggregatedRules(JsonObject clusterRole, List<JsonObject> all) {
    return ClusterRoleAggregation.aggregatedRules(clusterRole, all);
  }
}
