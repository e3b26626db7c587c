package dev.reflex.controller;

import io.vertx.core.json.JsonObject;

/** Owner references, so that what a controller creates goes with its owner. */
final class Owners {

  private Owners() {
  }

  static JsonObject controllerRef(JsonObject owner) {
    JsonObject meta = owner.getJsonObject("metadata");
    return new JsonObject().put("apiVersion", owner.getString("apiVersion")).put("kind", owner.getString("kind"))
        .put("name", meta.getString("name")).put("uid", meta.getString("uid", "")).put("controller", true)
        .put("blockOwnerDeletion", true);
  }

  /** The name of the controlling owner of {@code kind}, or null. */
  static String controllerOf(JsonObject obj, String kind) {
    for (Object r : obj.getJsonObject("metadata").getJsonArray("ownerReferences", new io.vertx.core.json.JsonArray())) {
      JsonObject ref = (JsonObject) r;
      if (ref.getBoolean("controller", false) && kind.equals(ref.getString("kind"))) {
        return ref.getString("name");
      }
    }
    return null;
  }
}
