package dev.reflex.embedded;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.crud.Value;
import io.fabric8.mockwebserver.http.MockResponse;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The mock server's CRUD store with lookups of single objects by name instead of by scanning.
 *
 * <p><b>Why.</b> The stock store finds an object by testing every stored object's attributes against the request
 * path's, so each GET, PATCH, PUT or create costs time in proportion to everything stored: with a thousand
 * autoscaled workloads (five or six thousand objects) that was most of the embedded server's CPU and most of the
 * burst scale-up latency, a cost a real API server (a keyed store) does not have.
 *
 * <p><b>How.</b> The store's map is swapped, while still empty, for one that also indexes its keys by their
 * {@code name} attribute. A query that names an object is answered from the few stored keys with that name, tested
 * with the store's own matching in the store's order, so results are exactly those of the scan. Lists, watches and
 * deletes keep the stock behaviour. Should a later mock version rename the fields used here, every lookup takes
 * the stock path.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  private static final String NAME = "name";

  private final NameIndexedMap indexed;
  private final Lock readLock;

  IndexedCrudDispatcher() {
    super(List.of());
    NameIndexedMap swapped = new NameIndexedMap();
    Lock lock = null;
    try {
      Field mapField = CrudDispatcher.class.getDeclaredField("map");
      mapField.setAccessible(true);
      mapField.set(this, swapped);
      Field lockField = KubernetesCrudDispatcher.class.getDeclaredField("lock");
      lockField.setAccessible(true);
      lock = ((ReadWriteLock) lockField.get(this)).readLock();
    } catch (ReflectiveOperationException | RuntimeException e) {
      swapped = null;
    }
    this.indexed = swapped != null && map == swapped ? swapped : null;
    this.readLock = lock;
  }

  @Override
  public MockResponse handleGet(String path) {
    if (indexed != null && readLock != null) {
      AttributeSet query = attributeExtractor.fromPath(path);
      if (query.containsKey(NAME)) {
        readLock.lock();
        try {
          Map.Entry<AttributeSet, String> hit = findResource(query);
          if (hit != null) {
            return new MockResponse().setResponseCode(200).setBody(hit.getValue());
          }
        } finally {
          readLock.unlock();
        }
      }
    }
    // Lists, and the 404 of a named object that is not there, as the stock store answers them.
    return super.handleGet(path);
  }

  /** Called by the stock store, under its lock, to find the object a create, PATCH or PUT names. */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Attribute name = query.getAttribute(NAME);
    if (indexed == null || name == null) {
      return super.findResource(query);
    }
    for (AttributeSet key : indexed.named(name.getValues())) {
      if (key.matches(query)) {
        return Map.entry(key, indexed.get(key));
      }
    }
    return null;
  }

  /** The store's map, also indexing keys by their name attribute. Guarded by the store's lock, like the map. */
  private static final class NameIndexedMap extends LinkedHashMap<AttributeSet, String> {

    private final Map<List<Value>, Set<AttributeSet>> byName = new HashMap<>();

    Set<AttributeSet> named(List<Value> name) {
      return byName.getOrDefault(name, Set.of());
    }

    @Override
    public String put(AttributeSet key, String value) {
      String old = super.put(key, value);
      Attribute name = key.getAttribute(NAME);
      if (name != null) {
        byName.computeIfAbsent(name.getValues(), n -> new LinkedHashSet<>()).add(key);
      }
      return old;
    }

    @Override
    public void putAll(Map<? extends AttributeSet, ? extends String> entries) {
      entries.forEach(this::put);
    }

    @Override
    public String remove(Object key) {
      String old = super.remove(key);
      if (old != null && key instanceof AttributeSet attributes) {
        Attribute name = attributes.getAttribute(NAME);
        if (name != null) {
          Set<AttributeSet> keys = byName.get(name.getValues());
          if (keys != null) {
            keys.remove(attributes);
            if (keys.isEmpty()) {
              byName.remove(name.getValues());
            }
          }
        }
      }
      return old;
    }

    @Override
    public void clear() {
      super.clear();
      byName.clear();
    }
  }
}
