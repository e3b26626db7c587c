package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Consistent lists at an earlier resourceVersion (the pages after the first of a paged list, and
 * {@code resourceVersionMatch=Exact}): the current objects with the later changes of the watch cache undone.
 * When the cache no longer reaches back that far, the answer is 410 Gone, as from kube-apiserver once etcd has
 * compacted the revision.
 */
final class Snapshots {

  private Snapshots() {
  }

  static NavigableMap<String, StoredObject> at(ObjectStore store, String bucket, String namespace, long version,
      boolean continuing) {
    ObjectStore.Bucket b = store.bucket(bucket);
    NavigableMap<String, StoredObject> objects = new TreeMap<>();
    for (StoredObject object : store.list(bucket, namespace)) {
      objects.put(object.key(), object);
    }
    if (version >= store.resourceVersion()) {
      return objects;
    }
    if (!b.log().reaches(version)) {
      throw ApiError.expired(continuing
          ? "The provided continue parameter is too old to display a consistent list result. You can start a new "
              + "list without the continue parameter, or use the continue token in this response to retrieve the "
              + "remainder of the results. Continuing with the provided token results in an inconsistent list - "
              + "objects that were created, modified, or deleted between the time the first chunk was returned and "
              + "now may show up in the list."
          : "too old resource version: " + version + " (" + b.log().evictedThrough() + ")");
    }
    List<Change> later = new ArrayList<>(b.log().since(version));
    for (int i = later.size() - 1; i >= 0; i--) {
      Change change = later.get(i);
      String key = change.object().key();
      if (namespace != null && !key.startsWith(namespace + "/")) {
        continue;
      }
      if (change.type() == Change.Type.ADDED) {
        objects.remove(key);
      } else {
        objects.put(key, change.previous());
      }
    }
    return objects;
  }
}
