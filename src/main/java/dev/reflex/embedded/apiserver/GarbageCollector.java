package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * kube-controller-manager's garbage collector over owner references: when an owner is gone its dependents
 * without another live owner are deleted (background propagation); an owner deleted in the foreground keeps its
 * {@code foregroundDeletion} finalizer until its blocking dependents are gone; an orphaning delete strips the
 * owner reference from every dependent before the owner goes. Work runs after the write that caused it, as the
 * real collector runs after the watch event.
 */
final class GarbageCollector implements Resources.WriteListener {

  private final Resources resources;
  private final Consumer<Runnable> later;

  GarbageCollector(Resources resources, Consumer<Runnable> later) {
    this.resources = resources;
    this.later = later;
  }

  @Override
  public void written(ResourceType type, StoredObject before, StoredObject after) {
    if (after == null) {
      String uid = before.uid();
      for (ObjectStore.ObjectRef ref : resources.store().dependentsOf(uid)) {
        later.accept(() -> ownerGone(ref));
      }
      // An owner waiting in the foreground for this dependent may now complete.
      for (String ownerUid : ObjectStore.ownerUids(before.object())) {
        later.accept(() -> foreground(ownerUid));
      }
      return;
    }
    if (before == null && !ObjectStore.ownerUids(after.object()).isEmpty()) {
      // A dependent created after its owner went (a controller that had not seen the deletion yet) is collected
      // as soon as the collector sees that no owner of it is alive.
      ObjectStore.ObjectRef ref = resources.store().refOf(after.uid());
      if (ref != null) {
        later.accept(() -> ownerGone(ref));
      }
    }
    JsonArray finalizers = ObjectLifecycle.finalizers(after.object());
    if (after.metadata().getString("deletionTimestamp") == null) {
      return;
    }
    if (finalizers.contains(Resources.FOREGROUND_FINALIZER)) {
      later.accept(() -> foreground(after.uid()));
    }
    if (finalizers.contains(Resources.ORPHAN_FINALIZER)) {
      later.accept(() -> orphan(after.uid()));
    }
  }

  /** A dependent whose owner was removed: deleted when no owner is left alive, else the dangling reference goes. */
  private void ownerGone(ObjectStore.ObjectRef ref) {
    StoredObject dependent = resources.store().get(ref.bucket(), ref.key());
    ResourceType type = typeOf(ref);
    if (dependent == null || type == null) {
      return;
    }
    JsonArray owners = dependent.metadata().getJsonArray("ownerReferences", new JsonArray());
    JsonArray alive = new JsonArray();
    for (Object o : owners) {
      JsonObject owner = (JsonObject) o;
      if (resources.store().byUid(owner.getString("uid")) != null) {
        alive.add(owner);
      }
    }
    if (alive.size() == owners.size()) {
      return;
    }
    if (alive.isEmpty()) {
      if (dependent.metadata().getString("deletionTimestamp") == null) {
        resources.delete(type, dependent, Resources.Propagation.BACKGROUND, null, false, null);
      }
      return;
    }
    JsonObject updated = dependent.copy();
    updated.getJsonObject("metadata").put("ownerReferences", alive);
    resources.update(type, dependent, updated, null, WriteOptions.INTERNAL, new java.util.ArrayList<>());
  }

  private void foreground(String ownerUid) {
    StoredObject owner = resources.store().byUid(ownerUid);
    if (owner == null || !ObjectLifecycle.finalizers(owner.object()).contains(Resources.FOREGROUND_FINALIZER)) {
      return;
    }
    boolean blocked = false;
    for (ObjectStore.ObjectRef ref : resources.store().dependentsOf(ownerUid)) {
      StoredObject dependent = resources.store().get(ref.bucket(), ref.key());
      ResourceType type = typeOf(ref);
      if (dependent == null || type == null) {
        continue;
      }
      if (blocks(dependent, ownerUid)) {
        blocked = true;
      }
      if (dependent.metadata().getString("deletionTimestamp") == null) {
        resources.delete(type, dependent, Resources.Propagation.FOREGROUND, null, false, null);
      }
    }
    if (!blocked) {
      removeFinalizer(owner, Resources.FOREGROUND_FINALIZER);
    }
  }

  private void orphan(String ownerUid) {
    StoredObject owner = resources.store().byUid(ownerUid);
    if (owner == null) {
      return;
    }
    for (ObjectStore.ObjectRef ref : resources.store().dependentsOf(ownerUid)) {
      StoredObject dependent = resources.store().get(ref.bucket(), ref.key());
      ResourceType type = typeOf(ref);
      if (dependent == null || type == null) {
        continue;
      }
      JsonObject updated = dependent.copy();
      JsonArray kept = new JsonArray();
      updated.getJsonObject("metadata").getJsonArray("ownerReferences", new JsonArray()).forEach(o -> {
        if (!ownerUid.equals(((JsonObject) o).getString("uid"))) {
          kept.add(o);
        }
      });
      if (kept.isEmpty()) {
        updated.getJsonObject("metadata").remove("ownerReferences");
      } else {
        updated.getJsonObject("metadata").put("ownerReferences", kept);
      }
      resources.update(type, dependent, updated, null, WriteOptions.INTERNAL, new java.util.ArrayList<>());
    }
    removeFinalizer(resources.store().byUid(ownerUid), Resources.ORPHAN_FINALIZER);
  }

  private void removeFinalizer(StoredObject owner, String finalizer) {
    if (owner == null) {
      return;
    }
    ResourceType type = typeOf(resources.store().refOf(owner.uid()));
    JsonObject updated = owner.copy();
    JsonArray finalizers = ObjectLifecycle.finalizers(updated).copy();
    finalizers.remove(finalizer);
    updated.getJsonObject("metadata").put("finalizers", finalizers);
    resources.update(type, owner, updated, null, WriteOptions.INTERNAL, new java.util.ArrayList<>());
  }

  private static boolean blocks(StoredObject dependent, String ownerUid) {
    for (Object o : dependent.metadata().getJsonArray("ownerReferences", new JsonArray())) {
      JsonObject ref = (JsonObject) o;
      if (ownerUid.equals(ref.getString("uid")) && ref.getBoolean("blockOwnerDeletion", false)) {
        return true;
      }
    }
    return false;
  }

  private ResourceType typeOf(ObjectStore.ObjectRef ref) {
    if (ref == null) {
      return null;
    }
    List<ResourceType> types = resources.registry().all();
    for (ResourceType type : types) {
      if (ResourceRegistry.bucket(type).equals(ref.bucket())) {
        return type;
      }
    }
    return null;
  }
}
