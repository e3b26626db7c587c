package dev.reflex.kube;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The JSON form of informer-cached objects, converted once per resourceVersion and handed out as copies.
 *
 * <p>Why: turning a typed or generic fabric8 object into JSON is a serialize-and-parse round trip, and readers that
 * list or get the same unchanged objects again and again (a resync of thousands of keys, a simulator listing every
 * pod each second) spent most of their time and allocation on it. A copy of a parsed tree is far cheaper, and lets
 * each reader change what it got without touching what others get. Thread-safe.
 */
public final class JsonByVersion {

  private record Entry(String version, JsonObject json) {
  }

  private final Map<String, Entry> byKey = new ConcurrentHashMap<>();

  /**
   * A copy of the object's JSON at {@code version}, converting it only when that version was not seen yet (or has
   * no version, which is then never remembered).
   */
  public JsonObject copyOf(String key, String version, Supplier<JsonObject> convert) {
    return shared(key, version, convert).copy();
  }

  /**
   * The object's JSON at {@code version} itself, not a copy, for readers that only read: a copy per read was most of
   * what a reader that looks at every pod each second spent. Read it, never change it.
   */
  public JsonObject shared(String key, String version, Supplier<JsonObject> convert) {
    Entry known = byKey.get(key);
    if (known != null && version != null && version.equals(known.version())) {
      return known.json();
    }
    JsonObject json = convert.get();
    if (version != null) {
      byKey.put(key, new Entry(version, json));
    }
    return json;
  }

  /** Remembers an already converted version (the caller keeps using {@code json} read-only). */
  public void put(String key, String version, JsonObject json) {
    if (version != null) {
      byKey.put(key, new Entry(version, json));
    }
  }

  /** Forgets a deleted object. */
  public void remove(String key) {
    byKey.remove(key);
  }

  /** Forgets every object whose key {@code live} rejects. */
  public void retain(Predicate<String> live) {
    byKey.keySet().removeIf(live.negate());
  }
}
