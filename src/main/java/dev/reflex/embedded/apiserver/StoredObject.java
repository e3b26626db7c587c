package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One version of one object as the store holds it. The object is never changed once stored (writers copy first),
 * so its JSON is encoded at most once and shared by every list and watch that sends it.
 */
public final class StoredObject {

  private final JsonObject object;
  private final long resourceVersion;
  private final String key;
  private final String namespace;
  private Buffer json;
  private java.util.Map<String, String> labels;

  StoredObject(JsonObject object, long resourceVersion, String key) {
    this.object = object;
    this.resourceVersion = resourceVersion;
    this.key = key;
    this.namespace = object.getJsonObject("metadata").getString("namespace");
  }

  /** The stored object: read it, never change it ({@link #copy()} to change). */
  public JsonObject object() {
    return object;
  }

  public JsonObject copy() {
    return object.copy();
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  /** {@code namespace/name}, or {@code name} for cluster-scoped objects: the store's sort key. */
  public String key() {
    return key;
  }

  public JsonObject metadata() {
    return object.getJsonObject("metadata");
  }

  public String name() {
    return metadata().getString("name");
  }

  public String namespace() {
    return namespace;
  }

  /** The labels as a map, worked out once: every filtered watch and list of a change reads them. */
  public java.util.Map<String, String> labels() {
    if (labels == null) {
      labels = ListQuery.labelsOf(object);
    }
    return labels;
  }

  public String uid() {
    return metadata().getString("uid");
  }

  public Buffer json() {
    if (json == null) {
      json = object.toBuffer();
    }
    return json;
  }
}
