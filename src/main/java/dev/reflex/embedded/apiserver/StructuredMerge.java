package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.FieldSet.Element;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The walks over a typed JSON value that server-side apply is made of, with structured-merge-diff's semantics: the
 * set of fields a value sets, merging an applied configuration into a live object, comparing two objects into
 * added/modified/removed fields, and removing a set of fields. Lists and maps follow the schema ({@link ApplyType}):
 * atomic ones are single leaves, granular maps and associative lists are walked item by item.
 */
final class StructuredMerge {

  /** Marks a value that is not there at all, as opposed to a JSON null. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "<absent>";
    }
  };

  private StructuredMerge() {
  }

  private enum Shape { LEAF, ATOMIC, MAP, LIST }

  private static Shape shape(ApplyType type, Object value) {
    if (value instanceof JsonObject) {
      if (type.kind == ApplyType.Kind.UNTYPED) {
        return Shape.MAP;
      }
      if (type.kind == ApplyType.Kind.MAP) {
        return type.mapAtomic() ? Shape.ATOMIC : Shape.MAP;
      }
      return Shape.LEAF;
    }
    if (value instanceof JsonArray) {
      if (type.kind == ApplyType.Kind.UNTYPED) {
        return Shape.ATOMIC;
      }
      if (type.kind == ApplyType.Kind.LIST) {
        return type.listKind() == ApplyType.ListKind.ATOMIC ? Shape.ATOMIC : Shape.LIST;
      }
      return Shape.LEAF;
    }
    return Shape.LEAF;
  }

  /** The shape a pair is walked with: the new side's when it has a value, else the old side's. */
  private static Shape pairShape(ApplyType type, Object lhs, Object rhs) {
    if (rhs != ABSENT && rhs != null) {
      return shape(type, rhs);
    }
    // A null over a map or list walks the old side (so the map survives); over a scalar it is the new leaf.
    return lhs == ABSENT || lhs == null ? Shape.LEAF : shape(type, lhs);
  }

  private static boolean emptyOrMissing(Object v) {
    return !(v instanceof JsonObject o && !o.isEmpty()) && !(v instanceof JsonArray a && !a.isEmpty());
  }

  private static Object child(JsonObject map, String key) {
    return map != null && map.containsKey(key) ? Values.wrap(map.getValue(key)) : ABSENT;
  }

  private static List<Element> append(List<Element> path, Element element) {
    List<Element> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(element);
    return out;
  }

  // ---------------------------------------------------------------------------------------------- list items

  /** Why a list item cannot be named; {@code toFieldSet} of an applied configuration reports these. */
  static final class ItemError extends Exception {
    ItemError(String message) {
      super(message);
    }
  }

  static Element itemElement(ApplyType list, Object item) throws ItemError {
    List<String> keys = list.listKind() == ApplyType.ListKind.MAP ? list.listKeys() : List.of();
    if (keys.isEmpty()) {
      if (item instanceof JsonObject) {
        throw new ItemError("associative list without keys has an element that's a map type");
      }
      if (item instanceof JsonArray) {
        throw new ItemError("not supported: associative list with lists as elements");
      }
      if (item == null) {
        throw new ItemError("associative list without keys has an element that's an explicit null");
      }
      return new FieldSet.Value(item);
    }
    if (item == null) {
      throw new ItemError("associative list with keys may not have a null element");
    }
    if (!(item instanceof JsonObject map)) {
      throw new ItemError("associative list with keys may not have non-map elements");
    }
    List<Map.Entry<String, Object>> fields = new ArrayList<>();
    for (String key : keys) {
      if (map.containsKey(key)) {
        fields.add(Map.entry(key, map.getValue(key)));
      } else {
        Object fallback = list.keyDefault(key);
        if (fallback != null) {
          fields.add(Map.entry(key, fallback));
        }
      }
    }
    if (fields.isEmpty()) {
      throw new ItemError("associative list with keys has an element that omits all key fields "
          + "[" + String.join(" ", keys.stream().map(Values::goQuote).toList()) + "]"
          + " (and doesn't have default values for any key fields)");
    }
    return new FieldSet.Key(fields);
  }

  /** For stored objects, which were validated when written: an item that cannot be named is named by position. */
  private static Element itemElementOrIndex(ApplyType list, Object item, int index) {
    try {
      return itemElement(list, item);
    } catch (ItemError e) {
      return new FieldSet.Index(index);
    }
  }

  // ---------------------------------------------------------------------------------------------- toFieldSet

  /** The fields {@code value} sets; {@code errors} collects why an item of an associative list is unusable. */
  static FieldSet toFieldSet(Object value, ApplyType type, List<String> errors) {
    FieldSet out = FieldSet.of(List.of());
    fieldSet(Values.wrap(value), type, new ArrayList<>(), out, errors);
    return out;
  }

  private static void fieldSet(Object value, ApplyType type, List<Element> path, FieldSet out, List<String> errors) {
    switch (shape(type, value)) {
      case LEAF, ATOMIC -> out.insert(path);
      case MAP -> {
        JsonObject map = (JsonObject) value;
        for (String key : map.fieldNames()) {
          Object item = Values.wrap(map.getValue(key));
          List<Element> itemPath = append(path, new FieldSet.Field(key));
          fieldSet(item, type.field(key), itemPath, out, errors);
          if (item == null || item instanceof JsonObject o && o.isEmpty() || !type.declares(key)) {
            out.insert(itemPath);
          }
        }
      }
      case LIST -> {
        JsonArray list = (JsonArray) value;
        Set<Element> seen = new java.util.TreeSet<>(FieldSet.ELEMENT_ORDER);
        Set<Element> duplicates = new java.util.TreeSet<>(FieldSet.ELEMENT_ORDER);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          Object item = Values.wrap(list.getValue(i));
          Element element;
          try {
            element = itemElement(type, item);
          } catch (ItemError e) {
            errors.add(FieldSet.pathString(path) + ": element " + i + ": " + e.getMessage());
            element = null;
          }
          elements.add(element);
          if (element != null && !seen.add(element) && duplicates.add(element)) {
            errors.add(FieldSet.pathString(path) + ": duplicate entries for key "
                + FieldSet.pathString(List.of(element)));
            out.insert(append(path, element));
          }
        }
        for (int i = 0; i < list.size(); i++) {
          Element element = elements.get(i);
          if (element == null || duplicates.contains(element)) {
            continue;
          }
          List<Element> itemPath = append(path, element);
          fieldSet(Values.wrap(list.getValue(i)), type.items(), itemPath, out, errors);
          out.insert(itemPath);
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  // ---------------------------------------------------------------------------------------------- merge

  /** {@code rhs} merged into {@code lhs}: rhs wins at leaves, maps and associative lists merge item by item. */
  static Object merge(Object lhs, Object rhs, ApplyType type) {
    Shape shape = pairShape(type, lhs, rhs);
    if (shape == Shape.LEAF || shape == Shape.ATOMIC || emptyOrMissing(lhs) && emptyOrMissing(rhs)) {
      return Values.copy(rhs != ABSENT ? rhs : lhs);
    }
    if (shape == Shape.MAP) {
      JsonObject l = lhs instanceof JsonObject o ? o : null;
      JsonObject r = rhs instanceof JsonObject o ? o : null;
      JsonObject out = new JsonObject();
      LinkedHashSet<String> keys = new LinkedHashSet<>();
      if (l != null) {
        keys.addAll(l.fieldNames());
      }
      if (r != null) {
        keys.addAll(r.fieldNames());
      }
      for (String key : keys) {
        Object merged = merge(child(l, key), child(r, key), type.field(key));
        if (merged != ABSENT) {
          out.put(key, merged);
        }
      }
      return out.isEmpty() ? ABSENT : out;
    }
    return mergeList(lhs instanceof JsonArray a ? a : new JsonArray(), rhs instanceof JsonArray a ? a : new JsonArray(),
        type);
  }

  /**
   * Associative lists keep the live order, except that items the configuration also names come in the
   * configuration's order, and the configuration's new items come after the item they follow there.
   */
  private static Object mergeList(JsonArray lhs, JsonArray rhs, ApplyType type) {
    List<Element> rhsElements = new ArrayList<>();
    Map<Element, Object> observedRhs = new TreeMap<>(FieldSet.ELEMENT_ORDER);
    for (int i = 0; i < rhs.size(); i++) {
      Object item = Values.wrap(rhs.getValue(i));
      Element element = itemElementOrIndex(type, item, i);
      rhsElements.add(element);
      observedRhs.putIfAbsent(element, item);
    }
    List<Element> lhsElements = new ArrayList<>();
    Map<Element, Object> observedLhs = new TreeMap<>(FieldSet.ELEMENT_ORDER);
    for (int i = 0; i < lhs.size(); i++) {
      Object item = Values.wrap(lhs.getValue(i));
      Element element = itemElementOrIndex(type, item, i);
      lhsElements.add(element);
      // A duplicated live key merges as if absent, as structured-merge-diff does.
      if (observedLhs.containsKey(element)) {
        observedLhs.put(element, null);
      } else {
        observedLhs.put(element, item);
      }
    }
    List<Element> sharedOrder = new ArrayList<>();
    for (Element element : rhsElements) {
      if (observedLhs.containsKey(element)) {
        sharedOrder.add(element);
      }
    }
    int shared = 0;
    Element nextShared = sharedOrder.isEmpty() ? null : sharedOrder.get(shared++);
    Set<Element> mergedRhs = new java.util.TreeSet<>(FieldSet.ELEMENT_ORDER);
    JsonArray out = new JsonArray();
    ApplyType items = type.items();
    int li = 0;
    int ri = 0;
    while (li < lhsElements.size() || ri < rhsElements.size()) {
      if (li < lhsElements.size() && ri < rhsElements.size()) {
        Element element = lhsElements.get(li);
        if (FieldSet.ELEMENT_ORDER.compare(element, rhsElements.get(ri)) == 0) {
          mergedRhs.add(element);
          addMerged(out, merge(liveItem(observedLhs, element), observedRhs.get(element), items));
          li++;
          ri++;
          nextShared = shared < sharedOrder.size() ? sharedOrder.get(shared++) : null;
          continue;
        }
        if (observedRhs.containsKey(element) && nextShared != null
            && FieldSet.ELEMENT_ORDER.compare(nextShared, element) != 0) {
          li++;
          continue;
        }
      }
      if (li < lhsElements.size()) {
        Element element = lhsElements.get(li);
        if (!observedRhs.containsKey(element)) {
          addMerged(out, merge(Values.wrap(lhs.getValue(li)), ABSENT, items));
          li++;
          continue;
        } else if (mergedRhs.contains(element)) {
          li++;
        }
      }
      if (ri < rhsElements.size()) {
        Element element = rhsElements.get(ri);
        mergedRhs.add(element);
        addMerged(out, merge(liveItem(observedLhs, element), observedRhs.get(element), items));
        ri++;
        if (nextShared != null && FieldSet.ELEMENT_ORDER.compare(nextShared, element) == 0) {
          nextShared = shared < sharedOrder.size() ? sharedOrder.get(shared++) : null;
        }
      }
    }
    return out.isEmpty() ? ABSENT : out;
  }

  private static Object liveItem(Map<Element, Object> observed, Element element) {
    Object item = observed.getOrDefault(element, ABSENT);
    return item == null ? ABSENT : item;
  }

  private static void addMerged(JsonArray out, Object merged) {
    if (merged != ABSENT) {
      out.add(merged);
    }
  }

  // ---------------------------------------------------------------------------------------------- compare

  /** What changed between two values of one type, as field sets. */
  record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {

    boolean isSame() {
      return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    Comparison excluding(FieldSet ignored) {
      return ignored.isEmpty() ? this : new Comparison(added.recursiveDifference(ignored),
          modified.recursiveDifference(ignored), removed.recursiveDifference(ignored));
    }
  }

  static Comparison compare(Object lhs, Object rhs, ApplyType type) {
    FieldSet added = FieldSet.of(List.of());
    FieldSet modified = FieldSet.of(List.of());
    FieldSet removed = FieldSet.of(List.of());
    compare(Values.wrap(lhs), Values.wrap(rhs), type, new ArrayList<>(), added, modified, removed);
    return new Comparison(added, modified, removed);
  }

  private static void compare(Object lhs, Object rhs, ApplyType type, List<Element> path, FieldSet added,
      FieldSet modified, FieldSet removed) {
    // Equal values add, modify and remove nothing, whatever their shape; most of an object is unchanged by a write.
    if (lhs != ABSENT && rhs != ABSENT && Values.equal(lhs, rhs)) {
      return;
    }
    Shape shape = pairShape(type, lhs, rhs);
    if (shape == Shape.LEAF || shape == Shape.ATOMIC || emptyOrMissing(lhs) && emptyOrMissing(rhs)) {
      if (lhs == ABSENT) {
        added.insert(path);
      } else if (rhs == ABSENT) {
        removed.insert(path);
      } else if (!Values.equal(lhs, rhs)) {
        modified.insert(path);
      }
      return;
    }
    if (shape == Shape.MAP) {
      JsonObject l = lhs instanceof JsonObject o ? o : null;
      JsonObject r = rhs instanceof JsonObject o ? o : null;
      LinkedHashSet<String> keys = new LinkedHashSet<>();
      if (l != null) {
        keys.addAll(l.fieldNames());
      }
      if (r != null) {
        keys.addAll(r.fieldNames());
      }
      for (String key : keys) {
        compare(child(l, key), child(r, key), type.field(key), append(path, new FieldSet.Field(key)), added, modified,
            removed);
      }
    } else {
      compareList(lhs instanceof JsonArray a ? a : new JsonArray(), rhs instanceof JsonArray a ? a : new JsonArray(),
          type, path, added, modified, removed);
    }
    if (lhs == ABSENT) {
      added.insert(path);
    } else if (rhs == ABSENT) {
      removed.insert(path);
    }
  }

  private static void compareList(JsonArray lhs, JsonArray rhs, ApplyType type, List<Element> path, FieldSet added,
      FieldSet modified, FieldSet removed) {
    Map<Element, List<Object>> lValues = new TreeMap<>(FieldSet.ELEMENT_ORDER);
    Map<Element, List<Object>> rValues = new TreeMap<>(FieldSet.ELEMENT_ORDER);
    List<Element> all = new ArrayList<>();
    for (int i = 0; i < lhs.size(); i++) {
      Object item = Values.wrap(lhs.getValue(i));
      Element element = itemElementOrIndex(type, item, i);
      if (lValues.computeIfAbsent(element, e -> new ArrayList<>()).isEmpty()) {
        all.add(element);
      }
      lValues.get(element).add(item);
    }
    for (int i = 0; i < rhs.size(); i++) {
      Object item = Values.wrap(rhs.getValue(i));
      Element element = itemElementOrIndex(type, item, i);
      if (rValues.computeIfAbsent(element, e -> new ArrayList<>()).isEmpty() && !lValues.containsKey(element)) {
        all.add(element);
      }
      rValues.get(element).add(item);
    }
    ApplyType items = type.items();
    for (Element element : all) {
      List<Object> l = lValues.getOrDefault(element, List.of());
      List<Object> r = rValues.getOrDefault(element, List.of());
      List<Element> itemPath = append(path, element);
      if (l.size() <= 1 && r.size() <= 1) {
        compare(l.isEmpty() ? ABSENT : l.get(0), r.isEmpty() ? ABSENT : r.get(0), items, itemPath, added, modified,
            removed);
      } else if (l.size() >= 2 && r.size() >= 2) {
        if (!Values.equal(new JsonArray(l), new JsonArray(r))) {
          modified.insert(itemPath);
        }
      } else if (l.size() >= 2) {
        if (!r.isEmpty()) {
          compare(ABSENT, r.get(0), items, itemPath, added, modified, removed);
        }
        removed.insert(itemPath);
      } else {
        if (!l.isEmpty()) {
          compare(l.get(0), ABSENT, items, itemPath, added, modified, removed);
        }
        added.insert(itemPath);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- remove

  /**
   * {@code value} without the members of {@code toRemove} (each with everything below it); ABSENT if nothing is left.
   */
  static Object removeItems(Object value, FieldSet toRemove, ApplyType type) {
    value = Values.wrap(value);
    Shape shape = shape(type, value);
    if (shape == Shape.LEAF || shape == Shape.ATOMIC) {
      return value;
    }
    if (shape == Shape.MAP) {
      JsonObject map = (JsonObject) value;
      if (map.isEmpty()) {
        return ABSENT;
      }
      JsonObject out = new JsonObject();
      for (String key : map.fieldNames()) {
        FieldSet.Field element = new FieldSet.Field(key);
        if (toRemove.hasMember(element)) {
          continue;
        }
        Object item = Values.wrap(map.getValue(key));
        FieldSet below = toRemove.withPrefix(element);
        Object kept = below.isEmpty() ? Values.copy(item) : removeItems(item, below, type.field(key));
        if (kept != ABSENT) {
          out.put(key, kept);
        }
      }
      return out.isEmpty() ? ABSENT : out;
    }
    JsonArray list = (JsonArray) value;
    if (list.isEmpty()) {
      return ABSENT;
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < list.size(); i++) {
      Object item = Values.wrap(list.getValue(i));
      Element element = itemElementOrIndex(type, item, i);
      if (toRemove.hasMember(element)) {
        continue;
      }
      FieldSet below = toRemove.withPrefix(element);
      Object kept = below.isEmpty() ? Values.copy(item) : removeItems(item, below, type.items());
      out.add(kept == ABSENT ? null : kept);
    }
    return out.isEmpty() ? ABSENT : out;
  }

  // ---------------------------------------------------------------------------------------------- named fields

  /**
   * The set plus, as members, every struct field that is a parent of a member: pruning removes a struct field whose
   * last owned field went away, while map entries and list items are only removed when owned themselves.
   */
  static FieldSet ensureNamedFieldsAreMembers(FieldSet set, ApplyType type) {
    List<Element> members = new ArrayList<>(set.members());
    Map<Element, FieldSet> children = new LinkedHashMap<>();
    for (Map.Entry<Element, FieldSet> child : set.children().entrySet()) {
      Element element = child.getKey();
      ApplyType childType = ApplyType.of(null, SchemaContext.NONE);
      if (element instanceof FieldSet.Field field && (type.kind == ApplyType.Kind.MAP
          || type.kind == ApplyType.Kind.UNTYPED)) {
        if (type.declares(field.name())) {
          members.add(element);
        }
        childType = type.field(field.name());
      } else if (element instanceof FieldSet.Key && type.kind == ApplyType.Kind.LIST) {
        childType = type.items();
      }
      children.put(element, ensureNamedFieldsAreMembers(child.getValue(), childType));
    }
    return FieldSet.level(members, children);
  }
}
