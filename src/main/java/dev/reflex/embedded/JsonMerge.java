package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patch semantics the embedded API server must get right, because the mock store's own merge appends to arrays
 * (a pod status patched once a second would grow without bound):
 * <ul>
 *   <li>{@link #mergePatch} is RFC 7386: objects merge recursively, {@code null} deletes, arrays are replaced;</li>
 *   <li>{@link #strategicMerge} is the part of Kubernetes' strategic merge that kubectl apply relies on: lists of
 *       objects with a merge key ({@code name}, {@code type}, {@code containerPort}, {@code mountPath},
 *       {@code port}) merge element by element, {@code $patch: delete} removes an element, and the other
 *       {@code $} directives are dropped. Lists without a merge key are replaced.</li>
 * </ul>
 */
final class JsonMerge {

  private static final List<String> MERGE_KEYS = List.of("name", "type", "containerPort", "mountPath", "port");

  private JsonMerge() {
  }

  static JsonObject mergePatch(JsonObject target, JsonObject patch) {
    JsonObject result = target.copy();
    for (Map.Entry<String, Object> e : patch) {
      Object value = e.getValue();
      if (value == null) {
        result.remove(e.getKey());
      } else if (value instanceof JsonObject patchObject && result.getValue(e.getKey()) instanceof JsonObject old) {
        result.put(e.getKey(), mergePatch(old, patchObject));
      } else if (value instanceof JsonObject patchObject) {
        result.put(e.getKey(), mergePatch(new JsonObject(), patchObject));
      } else {
        result.put(e.getKey(), value instanceof JsonArray a ? a.copy() : value);
      }
    }
    return result;
  }

  static JsonObject strategicMerge(JsonObject target, JsonObject patch) {
    JsonObject result = target.copy();
    for (Map.Entry<String, Object> e : patch) {
      String key = e.getKey();
      if (key.startsWith("$")) {
        continue;
      }
      Object value = e.getValue();
      Object old = result.getValue(key);
      if (value == null) {
        result.remove(key);
      } else if (value instanceof JsonObject po) {
        result.put(key, strategicMerge(old instanceof JsonObject oo ? oo : new JsonObject(), po));
      } else if (value instanceof JsonArray pa && old instanceof JsonArray oa) {
        result.put(key, mergeList(oa, pa));
      } else {
        result.put(key, value instanceof JsonArray a ? withoutDirectives(a) : value);
      }
    }
    return result;
  }

  private static JsonArray mergeList(JsonArray old, JsonArray patch) {
    String mergeKey = mergeKey(old, patch);
    if (mergeKey == null) {
      return withoutDirectives(patch);
    }
    Map<Object, JsonObject> merged = new LinkedHashMap<>();
    old.forEach(o -> merged.put(((JsonObject) o).getValue(mergeKey), (JsonObject) o));
    for (Object p : patch) {
      JsonObject element = (JsonObject) p;
      Object id = element.getValue(mergeKey);
      if ("delete".equals(element.getString("$patch"))) {
        merged.remove(id);
      } else {
        merged.put(id, strategicMerge(merged.getOrDefault(id, new JsonObject()), element));
      }
    }
    return new JsonArray(new ArrayList<>(merged.values()));
  }

  private static String mergeKey(JsonArray old, JsonArray patch) {
    if (patch.isEmpty() || !allObjects(old) || !allObjects(patch)) {
      return null;
    }
    for (String key : MERGE_KEYS) {
      boolean everyElement = patch.stream().allMatch(p -> ((JsonObject) p).containsKey(key))
          && old.stream().allMatch(o -> ((JsonObject) o).containsKey(key));
      if (everyElement) {
        return key;
      }
    }
    return null;
  }

  private static boolean allObjects(JsonArray array) {
    return array.stream().allMatch(JsonObject.class::isInstance);
  }

  private static JsonArray withoutDirectives(JsonArray array) {
    JsonArray result = new JsonArray();
    for (Object item : array) {
      result.add(item instanceof JsonObject o ? strategicMerge(new JsonObject(), o) : item);
    }
    return result;
  }
}
