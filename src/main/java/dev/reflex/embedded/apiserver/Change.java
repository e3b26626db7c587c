package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;

/**
 * One change of one object, as the watch cache keeps it and watches deliver it. {@code previous} is the version
 * before the change (null for an addition): a watch filtered by labels needs it to tell that an object left its
 * selection, and a consistent list at an older resourceVersion is the current state with later changes undone.
 */
public record Change(Type type, StoredObject object, StoredObject previous, long resourceVersion) {

  /** The event types of the watch protocol that describe changes. */
  public enum Type {
    ADDED, MODIFIED, DELETED
  }

  /** {@code {"type":"ADDED","object":{...}}\n} for an object already encoded. */
  static Buffer event(String type, Buffer object) {
    return Buffer.buffer(object.length() + 32).appendString("{\"type\":\"").appendString(type)
        .appendString("\",\"object\":").appendBuffer(object).appendString("}\n");
  }
}
