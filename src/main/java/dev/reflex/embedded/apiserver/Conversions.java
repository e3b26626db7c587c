package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * Between the version a client speaks and the version an object is stored in. Versions of one custom resource
 * convert by their apiVersion alone (conversion strategy None); HorizontalPodAutoscalers are stored as
 * autoscaling/v2 and shown to autoscaling/v1 clients converted.
 */
final class Conversions {

  private Conversions() {
  }

  /** The conversion of stored objects for clients of {@code type}'s version, or null when none is needed. */
  static UnaryOperator<JsonObject> viewOf(ResourceType type) {
    return null;
  }

  /** A body in {@code type}'s version, as stored. */
  static JsonObject toStorage(ResourceType type, JsonObject object) {
    return object;
  }

  /** A stored object in {@code type}'s version. */
  static JsonObject fromStorage(ResourceType type, JsonObject stored) {
    return stored.put("apiVersion", type.groupVersion());
  }
}
