package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The uniqueness that {@code x-kubernetes-list-type: set} and {@code map} promise, checked as kube-apiserver does after
 * schema validation: each second occurrence is a {@code Duplicate value} at its index (a map list's value being the
 * item's keys).
 */
final class ListTypeValidation {

  private ListTypeValidation() {
  }

  static List<FieldError> validate(JsonObject object, JsonObject rootSchema, SchemaContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    walk(object, rootSchema, ctx, "", errors);
    return errors;
  }

  private static void walk(Object x, JsonObject raw, SchemaContext ctx, String path, List<FieldError> errors) {
    SchemaView s = SchemaView.of(raw, ctx);
    if (s == null) {
      return;
    }
    if (x instanceof JsonObject object) {
      JsonObject values = s.additionalPropertiesSchema();
      if (values != null) {
        for (String k : object.fieldNames()) {
          walk(object.getValue(k), values, ctx, FieldPaths.key(path, k), errors);
        }
      }
      for (String k : object.fieldNames()) {
        JsonObject prop = s.property(k);
        if (prop != null) {
          walk(object.getValue(k), prop, ctx, FieldPaths.child(path, k), errors);
        }
      }
    } else if (x instanceof JsonArray array) {
      String listType = s.node().getString("x-kubernetes-list-type");
      if ("set".equals(listType)) {
        for (int i : secondOccurrences(array.getList())) {
          errors.add(FieldError.duplicate(FieldPaths.index(path, i), GoText.shown(array.getValue(i))));
        }
      } else if ("map".equals(listType)) {
        errors.addAll(mapDuplicates(array, s, path));
      }
      if (s.items() != null) {
        for (int i = 0; i < array.size(); i++) {
          walk(array.getValue(i), s.items(), ctx, FieldPaths.index(path, i), errors);
        }
      }
    }
  }

  private static List<FieldError> mapDuplicates(JsonArray array, SchemaView s, String path) {
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (item != null && !(item instanceof JsonObject)) {
        return List.of(FieldError.invalid(FieldPaths.index(path, i), GoText.shown(item),
            "must be an object for an array of list-type map"));
      }
    }
    List<String> keyFields = new ArrayList<>();
    JsonArray declared = s.node().getJsonArray("x-kubernetes-list-map-keys");
    if (declared != null) {
      declared.forEach(k -> keyFields.add(String.valueOf(k)));
    }
    List<Object> keys = new ArrayList<>();
    for (Object item : array) {
      JsonObject key = new JsonObject();
      if (item instanceof JsonObject entry) {
        keyFields.stream().filter(entry::containsKey).forEach(f -> key.put(f, entry.getValue(f)));
      }
      keys.add(key);
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i : secondOccurrences(keys)) {
      errors.add(FieldError.duplicate(FieldPaths.index(path, i), GoText.shown(keys.get(i))));
    }
    return errors;
  }

  /** The index of each value's second occurrence (a third one is not reported again). */
  private static List<Integer> secondOccurrences(List<?> values) {
    Map<String, Integer> seen = new HashMap<>();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String identity = GoText.sharpV(JsonValues.copy(values.get(i)));
      int times = seen.merge(identity, 1, Integer::sum);
      if (times == 2) {
        out.add(i);
      }
    }
    return out;
  }
}
