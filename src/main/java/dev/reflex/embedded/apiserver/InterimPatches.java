package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** RFC 7386 merge patch, until the patch package lands (then this file goes). */
final class InterimPatches {

  private InterimPatches() {
  }

  static Object mergePatch(Object target, Object patch) {
    if (!(patch instanceof JsonObject patchObject)) {
      return patch instanceof JsonArray a ? a.copy() : patch;
    }
    JsonObject result = target instanceof JsonObject t ? t.copy() : new JsonObject();
    for (Map.Entry<String, Object> e : patchObject) {
      if (e.getValue() == null) {
        result.remove(e.getKey());
      } else {
        result.put(e.getKey(), mergePatch(result.getValue(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /** RFC 6902 for the operations kubectl sends (add, replace, remove, test) on object paths. */
  static Object jsonPatch(JsonObject target, Object patch) {
    if (!(patch instanceof JsonArray ops)) {
      throw ApiError.badRequest("a JSON patch must be an array of operations");
    }
    JsonObject result = target.copy();
    for (Object o : ops) {
      JsonObject op = (JsonObject) o;
      String[] path = op.getString("path", "").replaceFirst("^/", "").split("/");
      JsonObject parent = result;
      for (int i = 0; i < path.length - 1; i++) {
        Object next = parent.getValue(path[i]);
        if (!(next instanceof JsonObject n)) {
          throw new ApiError(422, "Invalid", "the server rejected our request due to an error in our request: "
              + "missing path " + op.getString("path"), null);
        }
        parent = n;
      }
      String last = path[path.length - 1].replace("~1", "/").replace("~0", "~");
      switch (op.getString("op", "")) {
        case "add", "replace" -> parent.put(last, op.getValue("value"));
        case "remove" -> parent.remove(last);
        case "test" -> {
          if (!java.util.Objects.equals(parent.getValue(last), op.getValue("value"))) {
            throw new ApiError(422, "Invalid", "the server rejected our request due to an error in our request: "
                + "testing value " + op.getString("path") + " failed", null);
          }
        }
        default -> throw ApiError.badRequest("unsupported JSON patch operation " + op.getString("op"));
      }
    }
    return result;
  }
}
