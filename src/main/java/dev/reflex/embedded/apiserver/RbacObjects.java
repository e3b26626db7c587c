package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RBAC objects an authorization decision reads (rbac.authorization.k8s.io/v1 JSON): bindings to walk and the
 * roles they refer to. The server hands a view of its store; {@link #of} builds one from plain lists.
 */
public interface RbacObjects {

  List<JsonObject> clusterRoleBindings();

  /** The RoleBindings of one namespace. */
  List<JsonObject> roleBindings(String namespace);

  Optional<JsonObject> role(String namespace, String name);

  Optional<JsonObject> clusterRole(String name);

  static RbacObjects of(List<JsonObject> roles, List<JsonObject> clusterRoles, List<JsonObject> roleBindings,
      List<JsonObject> clusterRoleBindings) {
    List<JsonObject> allRoles = List.copyOf(roles);
    List<JsonObject> allClusterRoles = List.copyOf(clusterRoles);
    List<JsonObject> allRoleBindings = List.copyOf(roleBindings);
    List<JsonObject> allClusterRoleBindings = List.copyOf(clusterRoleBindings);
    return new RbacObjects() {
      @Override
      public List<JsonObject> clusterRoleBindings() {
        return allClusterRoleBindings;
      }

      @Override
      public List<JsonObject> roleBindings(String namespace) {
        return allRoleBindings.stream().filter(b -> namespace.equals(namespaceOf(b))).toList();
      }

      @Override
      public Optional<JsonObject> role(String namespace, String name) {
        return allRoles.stream().filter(r -> namespace.equals(namespaceOf(r)) && name.equals(nameOf(r)))
            .findFirst();
      }

      @Override
      public Optional<JsonObject> clusterRole(String name) {
        return allClusterRoles.stream().filter(r -> name.equals(nameOf(r))).findFirst();
      }
    };
  }

  static String nameOf(JsonObject object) {
    JsonObject metadata = object.getJsonObject("metadata");
    return metadata == null ? "" : Objects.toString(metadata.getString("name"), "");
  }

  static String namespaceOf(JsonObject object) {
    JsonObject metadata = object.getJsonObject("metadata");
    return metadata == null ? "" : Objects.toString(metadata.getString("namespace"), "");
  }
}
