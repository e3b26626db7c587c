package dev.reflex.controller;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code metav1.Condition} lists: setting a condition replaces the one of the same type, and
 * {@code lastTransitionTime} moves only when the status value changes, so a steady object's status stays
 * byte-identical and is not rewritten.
 */
public final class Conditions {

  private Conditions() {
  }

  /** Returns a copy of {@code conditions} with {@code type} set. */
  public static JsonArray set(JsonArray conditions, String type, boolean status, String reason, String message,
      long observedGeneration, Instant now) {
    JsonArray result = new JsonArray();
    String value = status ? "True" : "False";
    String transition = now.toString();
    boolean replaced = false;
    for (Object c : conditions == null ? new JsonArray() : conditions) {
      JsonObject condition = (JsonObject) c;
      if (type.equals(condition.getString("type"))) {
        if (value.equals(condition.getString("status"))) {
          transition = condition.getString("lastTransitionTime", transition);
        }
        result.add(condition(type, value, reason, message, observedGeneration, transition));
        replaced = true;
      } else {
        result.add(condition.copy());
      }
    }
    if (!replaced) {
      result.add(condition(type, value, reason, message, observedGeneration, transition));
    }
    return result;
  }

  /** The condition of a type, or null. */
  public static JsonObject find(JsonArray conditions, String type) {
    if (conditions == null) {
      return null;
    }
    for (Object c : conditions) {
      if (type.equals(((JsonObject) c).getString("type"))) {
        return (JsonObject) c;
      }
    }
    return null;
  }

  private static JsonObject condition(String type, String status, String reason, String message, long generation,
      String transition) {
    return new JsonObject().put("type", type).put("status", status).put("observedGeneration", generation)
        .put("lastTransitionTime", transition).put("reason", reason).put("message", message);
  }
}
