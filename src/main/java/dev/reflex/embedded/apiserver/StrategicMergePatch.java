package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}) as kube-apiserver applies it to built-in
 * types ({@code k8s.io/apimachinery/pkg/util/strategicpatch}, server side). It is a JSON merge patch (objects merge,
 * {@code null} deletes, scalars replace) where the schema changes how some fields merge.
 *
 * <p><b>Schema shape.</b> {@code schema} is the OpenAPI v3 schema of the whole object; every node is read through
 * {@link SchemaContext#resolve} ({@code $ref}, or a one-element {@code allOf} holding one). Objects descend through
 * {@code properties}, maps through an object-valued {@code additionalProperties}, lists through {@code items}. A
 * field's patch metadata sits on its property node (beside the {@code allOf}/{@code $ref}, as kube publishes it), or
 * on the schema it resolves to:
 * <pre>
 * "containers": {"type": "array", "items": {"$ref": "#/components/schemas/io.k8s.api.core.v1.Container"},
 *                "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge"}
 * "finalizers": {"type": "array", "items": {"type": "string"}, "x-kubernetes-patch-strategy": "merge"}
 * "strategy":   {"allOf": [{"$ref": "...DeploymentStrategy"}], "x-kubernetes-patch-strategy": "retainKeys"}
 * "volumes":    {..., "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge,retainKeys"}
 * </pre>
 * A field the schema does not describe (null schema, no such property) has no metadata: maps merge, lists replace.
 *
 * <p><b>Lists.</b> Without strategy {@code merge} a list is replaced by the patch's. With it, a list of objects merges
 * element by element on the merge key (an element of the patch that matches none is added); a list of scalars merges
 * as a set. Order: without {@code $setElementOrder}, the patch's elements keep the patch's order and the elements
 * only the server has keep theirs, interleaved where the original order relates them; a new element therefore goes
 * before the server-only ones that follow it in the patch, which for a single new element means first. kubectl
 * apply always sends {@code $setElementOrder/<list>}, which fixes the order of the elements it names.
 *
 * <p><b>Directives.</b> {@code $patch: replace} in an object takes the object as it is; {@code $patch: delete}
 * empties it (or drops it, where there is nothing to merge it with); as a list element, {@code $patch: delete} with
 * the merge key removes the matching elements and {@code {"$patch": "replace"}} makes the other patch elements the
 * whole list. {@code $patch: merge} is refused, as by kube. {@code $retainKeys: [..]} clears the members of the
 * original object it does not name (and refuses a patch that sets a member it does not name).
 * {@code $deleteFromPrimitiveList/<list>: [..]} removes those values from a list of scalars.
 * {@code $setElementOrder/<list>: [..]} orders the merged list (its entries are merge-key objects, or the scalars).
 *
 * <p><b>Result.</b> kube decodes the merged map into the typed object, which drops members no field carries and
 * reads {@code null} as absent. Since no Kubernetes field name starts with {@code $}, the result here is cleaned the
 * same way: members named {@code $...} (directives left in values the patch brought in whole) and {@code null}
 * members are removed. Inputs are never modified.
 *
 * <p><b>Errors</b> are kube's: malformed directives are 400, lists of lists 422, and the rest (a merge-key list
 * element without the key, mixed element types, {@code $patch: merge}) 500 with the library's text.
 */
public final class StrategicMergePatch {

  private static final String DIRECTIVE = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
  private static final String SET_ELEMENT_ORDER = "$setElementOrder";

  private StrategicMergePatch() {
  }

  /** The original with the patch applied. */
  public static JsonObject apply(JsonObject original, JsonObject patch, JsonObject schema, SchemaContext ctx) {
    JsonObject merged = mergeMap(original.copy(), patch.copy(), PatchSchema.of(schema, ctx));
    return (JsonObject) withoutDirectivesAndNulls(merged);
  }

  /** Decodes a request body and applies it. */
  public static JsonObject apply(JsonObject original, String body, JsonObject schema, SchemaContext ctx) {
    return apply(original, decode(body), schema, ctx);
  }

  /** The patch object of a request body: 400 unless JSON and an object ({@code null} is an empty patch). */
  public static JsonObject decode(String body) {
    Object parsed = PatchValues.parse(body);
    if (parsed == PatchValues.NOT_JSON) {
      throw PatchException.badRequest("invalid JSON patch");
    }
    if (parsed == null) {
      return new JsonObject();
    }
    if (parsed instanceof JsonObject patch) {
      return patch;
    }
    throw PatchException.badRequest("json: cannot unmarshal " + PatchValues.jsonKind(parsed)
        + " into Go value of type map[string]interface {}");
  }

  // ---- objects ----

  /** Merges {@code patch} into {@code original} (both owned here, both changed) and returns the result. */
  private static JsonObject mergeMap(JsonObject original, JsonObject patch, PatchSchema schema) {
    if (patch.containsKey(DIRECTIVE)) {
      return mapDirective(patch);
    }
    JsonObject result = original == null ? new JsonObject() : original;
    retainKeys(result, patch);
    mergeOrderedLists(result, patch, schema);
    for (String patchKey : new ArrayList<>(patch.fieldNames())) {
      Object patchValue = patch.getValue(patchKey);
      boolean deleteList = patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST);
      String key = deleteList ? listKey(patchKey, DELETE_FROM_PRIMITIVE_LIST, "invalid patch format of primitive list")
          : patchKey;
      if (patchValue == null) {
        result.remove(key);
        continue;
      }
      if (!result.containsKey(key)) {
        if (!deleteList) {
          putWithoutDirectives(result, key, PatchValues.pruneNulls(patchValue));
        }
        continue;
      }
      Object originalValue = result.getValue(key);
      if (originalValue instanceof JsonObject originalMap && patchValue instanceof JsonObject patchMap) {
        PatchSchema.Field field = schema.objectField(key);
        result.put(key, "replace".equals(field.strategy()) ? patchMap : mergeMap(originalMap, patchMap,
            field.schema()));
      } else if (originalValue instanceof JsonArray originalList && patchValue instanceof JsonArray patchList) {
        PatchSchema.Field field = schema.listField(key);
        result.put(key, mergeList(originalList, patchList, field, deleteList));
      } else if (!PatchValues.goType(originalValue).equals(PatchValues.goType(patchValue))) {
        if (!deleteList) {
          putWithoutDirectives(result, key, PatchValues.pruneNulls(patchValue));
        }
      } else {
        putWithoutDirectives(result, key, patchValue);
      }
    }
    return result;
  }

  /** {@code $patch} in an object: replace takes the patch as it is, delete leaves an empty object. */
  private static JsonObject mapDirective(JsonObject patch) {
    Object directive = patch.getValue(DIRECTIVE);
    if ("replace".equals(directive)) {
      patch.remove(DIRECTIVE);
      return patch;
    }
    if ("delete".equals(directive)) {
      return new JsonObject();
    }
    throw PatchException.unmapped("unknown patch type: " + goString(directive) + " in map: "
        + PatchValues.goFormat(patch));
  }

  /** {@code $retainKeys}: every member the patch sets must be listed; members of the original not listed go. */
  private static void retainKeys(JsonObject original, JsonObject patch) {
    if (!patch.containsKey(RETAIN_KEYS)) {
      return;
    }
    Object directive = patch.remove(RETAIN_KEYS);
    if (!(directive instanceof JsonArray list)) {
      throw PatchException.badRequest("invalid patch format of retainKeys");
    }
    Set<String> retained = new HashSet<>();
    list.forEach(name -> {
      if (name instanceof String s) {
        retained.add(s);
      }
    });
    for (String key : patch.fieldNames()) {
      boolean exempt = patch.getValue(key) == null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST)
          || key.startsWith(SET_ELEMENT_ORDER);
      if (!exempt && !retained.contains(key)) {
        throw PatchException.badRequest("invalid patch format of retainKeys");
      }
    }
    original.fieldNames().removeIf(key -> !retained.contains(key));
  }

  /**
   * Each {@code $setElementOrder/<list>}: merges that list now (so the main loop skips it) and orders the result:
   * the elements the directive names in its order, the server-only ones where the original order puts them.
   */
  private static void mergeOrderedLists(JsonObject original, JsonObject patch, PatchSchema schema) {
    for (String directiveKey : new ArrayList<>(patch.fieldNames())) {
      if (!directiveKey.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      Object directive = patch.remove(directiveKey);
      if (!(directive instanceof JsonArray order)) {
        throw badArgType("[]interface {}", directive);
      }
      String key = listKey(directiveKey, SET_ELEMENT_ORDER, "invalid patch format of setElementOrder list");
      boolean inOriginal = original.containsKey(key);
      boolean inPatch = patch.containsKey(key);
      JsonArray originalList = inOriginal ? asList(original.getValue(key)) : null;
      JsonArray patchList = inPatch ? asList(patch.getValue(key)) : null;
      PatchSchema.Field field = schema.listField(key);
      String mergeKey = field.mergeKey();
      field.strategy(); // refuses a malformed strategy before the order check, as kube does
      checkOrderMatchesPatch(patchList, order, mergeKey);
      JsonArray merged;
      if (inOriginal && inPatch) {
        merged = mergeList(originalList, patchList, field, false);
      } else if (inOriginal) {
        merged = originalList;
      } else if (inPatch) {
        merged = (JsonArray) withoutDirectives(patchList);
      } else {
        continue;
      }
      List<List<Object>> parts = partition(merged, order, mergeKey);
      ElementKind kind = ElementKind.of(originalList, patchList);
      original.put(key, normalizeOrder(parts.get(0), parts.get(1), order, originalList, mergeKey, kind));
      patch.remove(key);
    }
  }

  /**
   * kube's consistency check of a {@code $setElementOrder} list against the patch list: the patch's elements
   * (deletions and other directive elements aside) must appear in the directive, in the same relative order.
   */
  private static void checkOrderMatchesPatch(JsonArray patchList, JsonArray order, String mergeKey) {
    if (patchList == null || order.isEmpty() || patchList.isEmpty()) {
      return;
    }
    List<Object> kept = new ArrayList<>();
    for (Object element : patchList) {
      if (mergeKey.isEmpty() || !isDeleteElement(element)) {
        kept.add(element);
      }
      if (!mergeKey.isEmpty() && !(element instanceof JsonObject)) {
        throw badArgType("map[string]interface {}", element);
      }
    }
    int p = 0;
    int o = 0;
    while (p < kept.size() && o < order.size()) {
      if (kept.get(p) instanceof JsonObject element && element.containsKey(DIRECTIVE)) {
        p++;
        continue;
      }
      if (mergeKeyEqual(kept.get(p), order.getValue(o), mergeKey)) {
        p++;
      }
      o++;
    }
    if (p < kept.size()) {
      throw PatchException.unmapped("The order in patch list:\n" + PatchValues.goFormat(patchList)
          + "\n doesn't match " + SET_ELEMENT_ORDER + " list:\n" + PatchValues.goFormat(order) + "\n");
    }
  }

  private static boolean mergeKeyEqual(Object left, Object right, String mergeKey) {
    if (mergeKey.isEmpty()) {
      return PatchValues.sameScalar(left, right);
    }
    JsonObject l = asMap(left);
    JsonObject r = asMap(right);
    return PatchValues.sameScalar(keyValue(l, mergeKey), keyValue(r, mergeKey));
  }

  // ---- lists ----

  /** A list present in both: merged when the field's strategy is merge (or for a deletion list), else replaced. */
  private static JsonArray mergeList(JsonArray original, JsonArray patch, PatchSchema.Field field,
      boolean deleteList) {
    String strategy = field.strategy();
    if (!"merge".equals(strategy) && !deleteList) {
      return patch;
    }
    if (original.isEmpty() && patch.isEmpty()) {
      return original;
    }
    ElementKind kind = ElementKind.of(original, patch);
    String mergeKey = field.mergeKey();
    List<Object> base = elements(original);
    List<Object> patchElements = elements(patch);
    List<Object> merged;
    if (kind != ElementKind.MAP) {
      if (deleteList) {
        return new JsonArray(withoutValues(original, patch));
      }
      merged = new ArrayList<>();
      for (Object value : concat(base, patchElements)) {
        if (merged.stream().noneMatch(m -> PatchValues.sameScalar(m, value))) {
          merged.add(value);
        }
      }
    } else {
      if (mergeKey.isEmpty()) {
        throw PatchException.unmapped("cannot merge lists without merge key for struct");
      }
      List<Object> remaining = new ArrayList<>(base);
      List<Object> plain = new ArrayList<>();
      boolean replace = false;
      for (Object element : patchElements) {
        JsonObject map = (JsonObject) element;
        if (!map.containsKey(DIRECTIVE)) {
          plain.add(map);
          continue;
        }
        Object directive = map.getValue(DIRECTIVE);
        if ("delete".equals(directive)) {
          if (!map.containsKey(mergeKey)) {
            throw noMergeKey(map, mergeKey);
          }
          Object value = map.getValue(mergeKey);
          remaining.removeIf(o -> ((JsonObject) o).containsKey(mergeKey)
              && PatchValues.sameScalar(((JsonObject) o).getValue(mergeKey), value));
        } else if ("replace".equals(directive)) {
          replace = true;
        } else if ("merge".equals(directive)) {
          throw PatchException.unmapped("merging lists cannot yet be specified in the patch");
        } else {
          throw PatchException.unmapped("unknown patch type: " + goString(directive) + " in map: "
              + PatchValues.goFormat(map));
        }
      }
      if (replace) {
        remaining = plain;
        plain = List.of();
      }
      base = remaining;
      patchElements = plain;
      merged = new ArrayList<>(remaining);
      for (Object element : plain) {
        JsonObject map = (JsonObject) element;
        if (!map.containsKey(mergeKey)) {
          throw noMergeKey(map, mergeKey);
        }
        int at = indexByKey(merged, mergeKey, map.getValue(mergeKey));
        if (at >= 0) {
          merged.set(at, mergeMap((JsonObject) merged.get(at), map, field.schema()));
        } else {
          merged.add(map);
        }
      }
    }
    List<List<Object>> parts = partition(new JsonArray(merged), new JsonArray(patchElements), mergeKey);
    return normalizeOrder(parts.get(0), parts.get(1), new JsonArray(patchElements), new JsonArray(base), mergeKey,
        kind);
  }

  /** {@code $deleteFromPrimitiveList}: the original without any of the given values. */
  private static List<Object> withoutValues(JsonArray original, JsonArray values) {
    List<Object> kept = new ArrayList<>();
    for (Object value : original) {
      if (values.stream().noneMatch(v -> PatchValues.sameScalar(v, value))) {
        kept.add(value);
      }
    }
    return kept;
  }

  /** Splits {@code merged} into the elements {@code by} names (by merge key, or by value) and the rest. */
  private static List<List<Object>> partition(JsonArray merged, JsonArray by, String mergeKey) {
    List<Object> named = new ArrayList<>();
    List<Object> rest = new ArrayList<>();
    for (Object element : merged) {
      boolean found;
      if (mergeKey.isEmpty()) {
        found = by.stream().anyMatch(b -> PatchValues.deepEquals(b, element));
      } else {
        JsonObject map = asMap(element);
        if (!map.containsKey(mergeKey)) {
          throw noMergeKey(map, mergeKey);
        }
        List<Object> candidates = elements(by);
        for (int i = 0; i < candidates.size(); i++) {
          if (!(candidates.get(i) instanceof JsonObject)) {
            throw PatchException.unmapped("value for key " + i + " is not a map");
          }
        }
        found = indexByKey(candidates, mergeKey, map.getValue(mergeKey)) >= 0;
      }
      (found ? named : rest).add(element);
    }
    return List.of(named, rest);
  }

  /**
   * kube's order: the patch's elements sorted by {@code patchOrder}, the server-only ones by {@code serverOrder},
   * then interleaved: a server-only element goes first only while both it and the next patch element are in the
   * server order and it comes earlier there.
   */
  private static JsonArray normalizeOrder(List<Object> patchItems, List<Object> serverOnly, JsonArray patchOrder,
      JsonArray serverOrder, String mergeKey, ElementKind kind) {
    List<Object> left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
    List<Object> right = sortByOrder(patchItems, patchOrder, mergeKey, kind);
    JsonArray result = new JsonArray();
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      if (j >= right.size()) {
        result.add(left.get(i++));
      } else if (i >= left.size()) {
        result.add(right.get(j++));
      } else {
        int li = indexIn(serverOrder, left.get(i), mergeKey, kind);
        int ri = indexIn(serverOrder, right.get(j), mergeKey, kind);
        result.add(li >= 0 && ri >= 0 && li < ri ? left.get(i++) : right.get(j++));
      }
    }
    return result;
  }

  /**
   * Go's {@code sort.SliceStable} with kube's comparator ("before, when both are in the order list; otherwise
   * yes"), which is an insertion sort for the list sizes objects have; {@code $patch: delete} elements go last.
   */
  private static List<Object> sortByOrder(List<Object> items, JsonArray order, String mergeKey, ElementKind kind) {
    List<Object> toSort = new ArrayList<>();
    List<Object> deletions = new ArrayList<>();
    if (kind == ElementKind.MAP) {
      List<Object> checked = new ArrayList<>(items);
      if (order != null) {
        checked.addAll(elements(order));
      }
      for (Object element : checked) {
        keyValue(asMap(element), mergeKey);
      }
      for (Object item : items) {
        (isDeleteElement(item) ? deletions : toSort).add(item);
      }
    } else {
      toSort.addAll(items);
    }
    int[] index = new int[toSort.size()];
    for (int k = 0; k < index.length; k++) {
      index[k] = indexIn(order, toSort.get(k), mergeKey, kind);
    }
    for (int a = 1; a < index.length; a++) {
      for (int b = a; b > 0 && (index[b] < 0 || index[b - 1] < 0 || index[b] < index[b - 1]); b--) {
        int swapIndex = index[b];
        index[b] = index[b - 1];
        index[b - 1] = swapIndex;
        Object swap = toSort.get(b);
        toSort.set(b, toSort.get(b - 1));
        toSort.set(b - 1, swap);
      }
    }
    toSort.addAll(deletions);
    return toSort;
  }

  /** The elements of a list, objects and lists as Vert.x's own types. */
  private static List<Object> elements(JsonArray list) {
    List<Object> elements = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      elements.add(list.getValue(i));
    }
    return elements;
  }

  /** The position of {@code item} in {@code list}: by merge-key value for objects, by value otherwise; -1. */
  private static int indexIn(JsonArray list, Object item, String mergeKey, ElementKind kind) {
    if (list == null) {
      return -1;
    }
    Object wanted = kind == ElementKind.MAP ? keyValueOrNull(item, mergeKey) : item;
    for (int i = 0; i < list.size(); i++) {
      Object candidate = kind == ElementKind.MAP ? keyValueOrNull(list.getValue(i), mergeKey) : list.getValue(i);
      if (PatchValues.sameScalar(wanted, candidate)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexByKey(List<Object> list, String mergeKey, Object value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof JsonObject map && map.containsKey(mergeKey)
          && PatchValues.sameScalar(map.getValue(mergeKey), value)) {
        return i;
      }
    }
    return -1;
  }

  /** The type all elements of the lists share (kube merges no mixed lists, and no lists of lists). */
  private enum ElementKind {
    MAP, SCALAR;

    static ElementKind of(JsonArray first, JsonArray second) {
      String type = null;
      for (JsonArray list : new JsonArray[] {first, second}) {
        if (list == null) {
          continue;
        }
        for (Object element : list) {
          String elementType = element == null ? "nil" : PatchValues.goType(element);
          if (type == null) {
            type = elementType;
            if (element instanceof JsonArray) {
              throw PatchException.unprocessable("lists of lists are not supported");
            }
          } else if (!type.equals(elementType)) {
            throw PatchException.unmapped("list element types are not identical: ["
                + PatchValues.goFormat(first == null ? new JsonArray() : first) + " "
                + PatchValues.goFormat(second == null ? new JsonArray() : second) + "]");
          }
        }
      }
      if (type == null) {
        throw PatchException.unmapped("no elements in any of the given slices");
      }
      return type.startsWith("map") ? MAP : SCALAR;
    }
  }

  // ---- directives and values ----

  /** The list name after {@code prefix/}; 400 with {@code error} when the key has no such part. */
  private static String listKey(String key, String prefix, String error) {
    int slash = key.indexOf('/');
    if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
      throw PatchException.badRequest(error);
    }
    return key.substring(slash + 1);
  }

  private static boolean isDeleteElement(Object element) {
    return element instanceof JsonObject map && "delete".equals(map.getValue(DIRECTIVE));
  }

  /** Puts {@code value} minus its directive elements and members; drops the member if the value is one. */
  private static void putWithoutDirectives(JsonObject target, String key, Object value) {
    Object cleaned = withoutDirectives(value);
    if (cleaned == DROPPED) {
      target.remove(key);
    } else {
      target.put(key, cleaned);
    }
  }

  private static final Object DROPPED = new Object();

  /** kube's removeDirectives: objects carrying {@code $patch} vanish, at any depth; other values stay. */
  private static Object withoutDirectives(Object value) {
    if (value instanceof JsonObject map) {
      if (map.containsKey(DIRECTIVE)) {
        return DROPPED;
      }
      for (String key : new ArrayList<>(map.fieldNames())) {
        Object cleaned = withoutDirectives(map.getValue(key));
        if (cleaned == DROPPED) {
          map.remove(key);
        } else {
          map.put(key, cleaned);
        }
      }
      return map;
    }
    if (value instanceof JsonArray list) {
      JsonArray cleaned = new JsonArray();
      for (Object element : list) {
        Object kept = withoutDirectives(element);
        if (kept != DROPPED) {
          cleaned.add(kept);
        }
      }
      return cleaned;
    }
    return value;
  }

  /** What the typed decode leaves of the merged map: no {@code $...} members, no null members. */
  private static Object withoutDirectivesAndNulls(Object value) {
    if (value instanceof JsonObject map) {
      map.fieldNames().removeIf(key -> key.startsWith("$") || map.getValue(key) == null);
      map.forEach(e -> withoutDirectivesAndNulls(e.getValue()));
    } else if (value instanceof JsonArray list) {
      list.forEach(StrategicMergePatch::withoutDirectivesAndNulls);
    }
    return value;
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static JsonArray asList(Object value) {
    if (value instanceof JsonArray list) {
      return list;
    }
    throw badArgType("[]interface {}", value);
  }

  private static JsonObject asMap(Object value) {
    if (value instanceof JsonObject map) {
      return map;
    }
    throw badArgType("map[string]interface {}", value);
  }

  private static Object keyValue(JsonObject map, String mergeKey) {
    if (!map.containsKey(mergeKey)) {
      throw noMergeKey(map, mergeKey);
    }
    return map.getValue(mergeKey);
  }

  private static Object keyValueOrNull(Object element, String mergeKey) {
    return element instanceof JsonObject map ? map.getValue(mergeKey) : null;
  }

  private static PatchException badArgType(String expected, Object actual) {
    return PatchException.unmapped("expected a " + expected + ", but received a " + PatchValues.goType(actual));
  }

  private static PatchException noMergeKey(JsonObject map, String mergeKey) {
    return PatchException.unmapped("map: " + PatchValues.goFormat(map) + " does not contain declared merge key: "
        + mergeKey);
  }

  /** Go's {@code %s} of a directive value. */
  private static String goString(Object value) {
    return value instanceof String s ? s : "%!s(" + PatchValues.goType(value) + "=" + PatchValues.goFormat(value) + ")";
  }
}
