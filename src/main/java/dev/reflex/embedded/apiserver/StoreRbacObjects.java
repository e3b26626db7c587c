package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The RBAC objects as the store holds them now, for the authorizer. */
final class StoreRbacObjects implements RbacObjects {

  private static final String GROUP = "rbac.authorization.k8s.io/";

  private final ObjectStore store;

  StoreRbacObjects(ObjectStore store) {
    this.store = store;
  }

  @Override
  public List<JsonObject> clusterRoleBindings() {
    return store.list(GROUP + "clusterrolebindings", null).stream().map(StoredObject::object).toList();
  }

  @Override
  public List<JsonObject> roleBindings(String namespace) {
    return namespace == null || namespace.isEmpty() ? List.of()
        : store.list(GROUP + "rolebindings", namespace).stream().map(StoredObject::object).toList();
  }

  @Override
  public Optional<JsonObject> role(String namespace, String name) {
    return Optional.ofNullable(store.get(GROUP + "roles", namespace + "/" + name)).map(StoredObject::object);
  }

  @Override
  public Optional<JsonObject> clusterRole(String name) {
    return Optional.ofNullable(store.get(GROUP + "clusterroles", name)).map(StoredObject::object);
  }
}
