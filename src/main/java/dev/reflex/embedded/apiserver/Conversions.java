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

  private static boolean hpaV1(ResourceType type) {
    return type.builtIn() && "autoscaling".equals(type.group()) && "v1".equals(type.version());
  }

  private static boolean eventsV1(ResourceType type) {
    return type.builtIn() && "events.k8s.io".equals(type.group());
  }

  /** The apiVersion objects of {@code type} are stored with. */
  static String storageVersion(ResourceType type) {
    return hpaV1(type) ? "autoscaling/v2" : eventsV1(type) ? "v1" : type.groupVersion();
  }

  /** The schema of objects as stored: a v1 HPA is validated and tracked in its stored v2 form. */
  static JsonObject storageSchema(ResourceType type) {
    if (eventsV1(type)) {
      return BuiltInSchemas.rootFor("", "v1", "Event").orElse(null);
    }
    return hpaV1(type) ? BuiltInSchemas.rootFor("autoscaling", "v2", type.kind()).orElse(null) : type.schema();
  }

  /** The conversion of stored objects for clients of {@code type}'s version, or null when none is needed. */
  static UnaryOperator<JsonObject> viewOf(ResourceType type) {
    return hpaV1(type) ? HpaConversion::toV1 : eventsV1(type) ? EventConversion::toEventsV1 : null;
  }

  /** A body in {@code type}'s version, as stored. */
  static JsonObject toStorage(ResourceType type, JsonObject object) {
    if (eventsV1(type) && !"v1".equals(object.getString("apiVersion"))) {
      return EventConversion.toCore(object);
    }
    return hpaV1(type) && "autoscaling/v1".equals(object.getString("apiVersion", "autoscaling/v1"))
        ? HpaConversion.toV2(object.put("apiVersion", "autoscaling/v1")) : object;
  }

  /** A stored object in {@code type}'s version. */
  static JsonObject fromStorage(ResourceType type, JsonObject stored) {
    if (eventsV1(type)) {
      return EventConversion.toEventsV1(stored);
    }
    return hpaV1(type) ? HpaConversion.toV1(stored) : stored.put("apiVersion", type.groupVersion());
  }
}
