package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every object of the server, one bucket per resource (versions of a resource share a bucket), with one
 * monotonic resourceVersion across all of them, a watch cache per bucket, the watches of each bucket, and the
 * indexes the garbage collector needs (objects by uid, dependents by owner uid).
 *
 * <p>Not thread-safe: the server calls it from its one event loop only, which is what makes every write atomic
 * and every list consistent without locks.
 */
final class ObjectStore {

  /** Where one object lives: its bucket and its key in it. */
  record ObjectRef(String bucket, String key) {
  }

  private final int watchCacheSize;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private final Map<String, ObjectRef> byUid = new HashMap<>();
  private final Map<String, Set<ObjectRef>> dependents = new HashMap<>();
  private long resourceVersion;

  ObjectStore(int watchCacheSize) {
    this.watchCacheSize = watchCacheSize;
  }

  /** The resourceVersion of the latest write, as lists and watches report it. */
  long resourceVersion() {
    return resourceVersion;
  }

  Collection<Bucket> buckets() {
    return List.copyOf(buckets.values());
  }

  Bucket bucket(String name) {
    return buckets.computeIfAbsent(name, n -> new Bucket(n, new WatchLog(watchCacheSize)));
  }

  StoredObject get(String bucket, String key) {
    Bucket b = buckets.get(bucket);
    return b == null ? null : b.objects.get(key);
  }

  /** The objects of a bucket, of one namespace or (null) of all, in key order. */
  Collection<StoredObject> list(String bucket, String namespace) {
    Bucket b = buckets.get(bucket);
    if (b == null) {
      return List.of();
    }
    if (namespace == null) {
      return b.objects.values();
    }
    // Keys are "namespace/name"; '0' is the character after '/'.
    return b.objects.subMap(namespace + "/", true, namespace + "0", false).values();
  }

  StoredObject byUid(String uid) {
    ObjectRef ref = byUid.get(uid);
    return ref == null ? null : get(ref.bucket(), ref.key());
  }

  ObjectRef refOf(String uid) {
    return byUid.get(uid);
  }

  /** The objects that name {@code ownerUid} in their ownerReferences. */
  List<ObjectRef> dependentsOf(String ownerUid) {
    Set<ObjectRef> refs = dependents.get(ownerUid);
    return refs == null ? List.of() : List.copyOf(refs);
  }

  /**
   * Stores a new version (creating or replacing): stamps the next resourceVersion into {@code object}, which the
   * store owns from now on, and tells the bucket's watches.
   */
  StoredObject put(String bucket, String key, JsonObject object) {
    Bucket b = bucket(bucket);
    long rv = ++resourceVersion;
    object.getJsonObject("metadata").put("resourceVersion", Long.toString(rv));
    StoredObject stored = new StoredObject(object, rv, key);
    StoredObject previous = b.objects.put(key, stored);
    index(new ObjectRef(bucket, key), previous, stored);
    b.publish(new Change(previous == null ? Change.Type.ADDED : Change.Type.MODIFIED, stored, previous, rv));
    return stored;
  }

  /** Removes an object; its last state, stamped with the deletion's resourceVersion, is what watches see. */
  StoredObject remove(String bucket, String key) {
    Bucket b = buckets.get(bucket);
    StoredObject previous = b == null ? null : b.objects.remove(key);
    if (previous == null) {
      return null;
    }
    long rv = ++resourceVersion;
    JsonObject last = previous.copy();
    last.getJsonObject("metadata").put("resourceVersion", Long.toString(rv));
    StoredObject deleted = new StoredObject(last, rv, key);
    index(new ObjectRef(bucket, key), previous, null);
    b.publish(new Change(Change.Type.DELETED, deleted, previous, rv));
    return deleted;
  }

  private void index(ObjectRef ref, StoredObject before, StoredObject after) {
    if (before != null) {
      byUid.remove(before.uid());
      for (String owner : ownerUids(before.object())) {
        Set<ObjectRef> set = dependents.get(owner);
        if (set != null) {
          set.remove(ref);
          if (set.isEmpty()) {
            dependents.remove(owner);
          }
        }
      }
    }
    if (after != null) {
      if (after.uid() != null) {
        byUid.put(after.uid(), ref);
      }
      for (String owner : ownerUids(after.object())) {
        dependents.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(ref);
      }
    }
  }

  static List<String> ownerUids(JsonObject object) {
    JsonArray refs = object.getJsonObject("metadata").getJsonArray("ownerReferences");
    if (refs == null || refs.isEmpty()) {
      return List.of();
    }
    List<String> uids = new ArrayList<>(refs.size());
    for (Object r : refs) {
      if (r instanceof JsonObject ref && ref.getString("uid") != null) {
        uids.add(ref.getString("uid"));
      }
    }
    return uids;
  }

  /** The objects of one resource, its watch cache and its watches. */
  static final class Bucket {

    private final String name;
    private final NavigableMap<String, StoredObject> objects = new TreeMap<>();
    private final WatchLog log;
    /** Watches of every namespace (and of cluster-scoped resources), told of each change. */
    private Watcher[] everywhere = new Watcher[0];
    /** Watches of one namespace, told only of its changes: thousands of them must not each look at every change. */
    private final Map<String, Watcher[]> byNamespace = new HashMap<>();

    private Bucket(String name, WatchLog log) {
      this.name = name;
      this.log = log;
    }

    String name() {
      return name;
    }

    WatchLog log() {
      return log;
    }

    int size() {
      return objects.size();
    }

    void watch(Watcher watcher, String namespace) {
      if (namespace == null) {
        everywhere = with(everywhere, watcher);
      } else {
        byNamespace.put(namespace, with(byNamespace.getOrDefault(namespace, new Watcher[0]), watcher));
      }
    }

    void unwatch(Watcher watcher, String namespace) {
      if (namespace == null) {
        everywhere = without(everywhere, watcher);
        return;
      }
      Watcher[] remaining = without(byNamespace.getOrDefault(namespace, new Watcher[0]), watcher);
      if (remaining.length == 0) {
        byNamespace.remove(namespace);
      } else {
        byNamespace.put(namespace, remaining);
      }
    }

    int watchCount() {
      return everywhere.length + byNamespace.values().stream().mapToInt(w -> w.length).sum();
    }

    void endWatches() {
      for (Watcher watcher : everywhere) {
        watcher.end();
      }
      for (Watcher[] watchers : List.copyOf(byNamespace.values())) {
        for (Watcher watcher : watchers) {
          watcher.end();
        }
      }
    }

    // Arrays replaced on change, so a watch that ends itself while being told leaves the loop unharmed.
    private static Watcher[] with(Watcher[] watchers, Watcher added) {
      Watcher[] result = java.util.Arrays.copyOf(watchers, watchers.length + 1);
      result[watchers.length] = added;
      return result;
    }

    private static Watcher[] without(Watcher[] watchers, Watcher removed) {
      return java.util.Arrays.stream(watchers).filter(w -> w != removed).toArray(Watcher[]::new);
    }

    private void publish(Change change) {
      log.add(change);
      for (Watcher watcher : everywhere) {
        watcher.onChange(change);
      }
      String namespace = change.object().namespace();
      Watcher[] local = namespace == null ? null : byNamespace.get(namespace);
      if (local != null) {
        for (Watcher watcher : local) {
          watcher.onChange(change);
        }
      }
    }
  }

  /** Told of every change of the bucket it watches, on the store's thread, in resourceVersion order. */
  interface Watcher {
    void onChange(Change change);

    /** Ends the watch: the client sees its stream close. */
    void end();
  }
}
