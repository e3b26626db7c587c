package dev.reflex.controller;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cached object's JSON tree read into the typed API model by fabric8's mapper, without encoding it to text first
 * (about 1 us instead of 8-13 us for a round trip through text, on every pass of every profile and portrait).
 *
 * <p>Not {@code JsonObject.mapTo}: Vert.x maps through Jackson 2's databind, which the shipped jar does not carry
 * (fabric8 8 brings Jackson 3), so it worked in the tests' classpath only. The tree is unwrapped into plain maps and
 * lists because a {@link JsonObject} nested in it would be mapped as a bean.
 */
final class TypedSpecs {

  private TypedSpecs() {
  }

  /** {@code tree} as a {@code type}; a mapping failure is thrown as the mapper's runtime exception. */
  static <T> T read(KubernetesSerialization serialization, JsonObject tree, Class<T> type) {
    return serialization.convertValue(plain(tree), type);
  }

  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      return plainMap(object.getMap());
    }
    if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    }
    if (value instanceof JsonArray array) {
      return plainList(array.getList());
    }
    if (value instanceof List<?> list) {
      return plainList(list);
    }
    return value;
  }

  private static Map<String, Object> plainMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
    map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
    return out;
  }

  private static List<Object> plainList(List<?> list) {
    List<Object> out = new ArrayList<>(list.size());
    list.forEach(v -> out.add(plain(v)));
    return out;
  }
}
