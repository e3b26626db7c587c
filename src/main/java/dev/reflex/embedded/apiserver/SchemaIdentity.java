package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A schema node within the components its references resolve against, both compared by identity: the key of the
 * memos that keep what the walkers derive from a node ({@link SchemaView}, {@link ApplyType}). JsonObject's own
 * equality would walk the whole document on every lookup.
 */
record SchemaIdentity(JsonObject node, Map<String, JsonObject> components) {

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaIdentity that && that.node == node && that.components == components;
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(node) + System.identityHashCode(components);
  }
}
