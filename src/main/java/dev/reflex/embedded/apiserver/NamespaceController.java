package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The namespace lifecycle of kube-controller-manager: a namespace being deleted has all of its content deleted,
 * and goes itself once nothing is left in it.
 */
final class NamespaceController implements Resources.WriteListener {

  private final Resources resources;
  private final Consumer<Runnable> later;
  private final Set<String> scheduled = new HashSet<>();

  NamespaceController(Resources resources, Consumer<Runnable> later) {
    this.resources = resources;
    this.later = later;
  }

  @Override
  public void written(ResourceType type, StoredObject before, StoredObject after) {
    if (isNamespace(type)) {
      if (after != null && after.metadata().getString("deletionTimestamp") != null) {
        schedule(after.name());
      }
      return;
    }
    StoredObject gone = after == null ? before : null;
    if (gone != null && type.namespaced() && terminating(gone.namespace())) {
      schedule(gone.namespace());
    }
  }

  private void schedule(String namespace) {
    if (scheduled.add(namespace)) {
      later.accept(() -> {
        scheduled.remove(namespace);
        drain(namespace);
      });
    }
  }

  private boolean terminating(String namespace) {
    StoredObject ns = resources.find(namespaces(), null, namespace);
    return ns != null && ns.metadata().getString("deletionTimestamp") != null;
  }

  private void drain(String namespace) {
    StoredObject ns = resources.find(namespaces(), null, namespace);
    if (ns == null || ns.metadata().getString("deletionTimestamp") == null) {
      return;
    }
    boolean empty = true;
    Set<String> seen = new HashSet<>();
    for (ResourceType type : resources.registry().all()) {
      if (!type.namespaced() || !seen.add(ResourceRegistry.bucket(type))) {
        continue;
      }
      List<StoredObject> objects = new ArrayList<>(resources.store().list(ResourceRegistry.bucket(type), namespace));
      for (StoredObject object : objects) {
        empty = false;
        if (object.metadata().getString("deletionTimestamp") == null) {
          resources.delete(type, object, Resources.Propagation.BACKGROUND, null, false, null);
        }
      }
    }
    if (empty) {
      resources.remove(namespaces(), ns);
    }
  }

  private ResourceType namespaces() {
    return resources.registry().byPath("", "v1", "namespaces").orElseThrow();
  }

  private static boolean isNamespace(ResourceType type) {
    return type.builtIn() && type.group().isEmpty() && "Namespace".equals(type.kind());
  }
}
