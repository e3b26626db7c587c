package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;

/**
 * One change of one object, as the watch cache keeps it and watches deliver it. {@code previous} is the version
 * before the change (null for an addition): a watch filtered by labels needs it to tell that an object left its
 * selection, and a consistent list at an older resourceVersion is the current state with later changes undone.
 * The JSON watch event is encoded once and shared by every watch that sends it unchanged.
 */
public final class Change {

  /** The event types of the watch protocol that describe changes. */
  public enum Type {
    ADDED, MODIFIED, DELETED
  }

  private final Type type;
  private final StoredObject object;
  private final StoredObject previous;
  private final long resourceVersion;
  private Buffer event;

  Change(Type type, StoredObject object, StoredObject previous, long resourceVersion) {
    this.type = type;
    this.object = object;
    this.previous = previous;
    this.resourceVersion = resourceVersion;
  }

  public Type type() {
    return type;
  }

  /** The object after the change; for a deletion its last state, stamped with the deletion's resourceVersion. */
  public StoredObject object() {
    return object;
  }

  public StoredObject previous() {
    return previous;
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  /** The JSON watch event of this change as it happened, encoded on first use. */
  Buffer event() {
    if (event == null) {
      event = event(type.name(), object.json());
    }
    return event;
  }

  /** {@code {"type":"ADDED","object":{...}}\n} for an object already encoded. */
  static Buffer event(String type, Buffer object) {
    return Buffer.buffer(object.length() + 32).appendString("{\"type\":\"").appendString(type)
        .appendString("\",\"object\":").appendBuffer(object).appendString("}\n");
  }
}
