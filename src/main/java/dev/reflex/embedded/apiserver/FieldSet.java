package dev.reflex.embedded.apiserver;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths, as structured-merge-diff keeps the fields one manager owns: each level holds the path
 * elements that are members of the set and, for elements with deeper paths, a child set. A path can be both a member
 * and a parent (an associative list item that is owned itself and whose fields are owned too), which the FieldsV1
 * encoding writes as a {@code ".": {}} entry.
 *
 * <p>Instances are immutable once returned: every operation answers a new set. Elements are kept in
 * structured-merge-diff's order (field names, then keys, then values, then indexes), which is also the order of the
 * FieldsV1 JSON and of conflict listings.
 */
public final class FieldSet {

  /** structured-merge-diff's element order; declared before EMPTY, whose trees need it. */
  static final Comparator<Element> ELEMENT_ORDER = FieldSet::compareElements;

  private static final FieldSet EMPTY = new FieldSet();

  private final NavigableSet<Element> members = new TreeSet<>(ELEMENT_ORDER);
  /** Never holds an empty set, so emptiness is a look at this level only. */
  private final NavigableMap<Element, FieldSet> children = new TreeMap<>(ELEMENT_ORDER);
  /** The FieldsV1 form once worked out (or as read from the store); shared, so never changed. */
  private JsonObject fieldsV1;

  private FieldSet() {
  }

  public static FieldSet empty() {
    return EMPTY;
  }

  /** A set of the given paths. */
  public static FieldSet of(List<List<Element>> paths) {
    FieldSet set = new FieldSet();
    paths.forEach(set::insert);
    return set;
  }

  /** A set of paths made of field names only: {@code fields(List.of("spec","replicas"), List.of("status"))}. */
  @SafeVarargs
  public static FieldSet ofFieldPaths(List<String>... paths) {
    FieldSet set = new FieldSet();
    for (List<String> names : paths) {
      set.insert(names.stream().<Element>map(Field::new).toList());
    }
    return set;
  }

  // ---------------------------------------------------------------------------------------------- path elements

  /** One step of a field path. */
  public sealed interface Element permits Field, Key, Value, Index {
  }

  /** A field of a map or struct: {@code f:name}, printed {@code .name}. */
  public record Field(String name) implements Element {
  }

  /**
   * An item of an associative list, named by its key fields sorted by name: {@code k:{"name":"nginx"}}, printed
   * {@code [name="nginx"]}. Values are JSON scalars (String, Number, Boolean).
   */
  public record Key(List<Map.Entry<String, Object>> fields) implements Element {
    public Key {
      List<Map.Entry<String, Object>> sorted = new ArrayList<>(fields);
      sorted.sort(Map.Entry.comparingByKey());
      fields = List.copyOf(sorted.stream().map(e -> Map.entry(e.getKey(), normalizeScalar(e.getValue()))).toList());
    }
  }

  /** An item of a set-list, named by its value: {@code v:"a"}, printed {@code [="a"]}. */
  public record Value(Object value) implements Element {
    public Value {
      value = normalizeScalar(value);
    }
  }

  /** An item of a list by position: {@code i:0}, printed {@code [0]}. */
  public record Index(int index) implements Element {
  }

  /** Numbers compare by value whatever Java type the JSON parser chose. */
  private static Object normalizeScalar(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    return value;
  }

  private static int rank(Element e) {
    if (e instanceof Field) {
      return 0;
    }
    if (e instanceof Key) {
      return 1;
    }
    return e instanceof Value ? 2 : 3;
  }

  private static int compareElements(Element a, Element b) {
    int byRank = Integer.compare(rank(a), rank(b));
    if (byRank != 0) {
      return byRank;
    }
    if (a instanceof Field f) {
      return f.name().compareTo(((Field) b).name());
    }
    if (a instanceof Key k) {
      return compareKeys(k.fields(), ((Key) b).fields());
    }
    if (a instanceof Value v) {
      return Values.compare(v.value(), ((Value) b).value());
    }
    return Integer.compare(((Index) a).index(), ((Index) b).index());
  }

  private static int compareKeys(List<Map.Entry<String, Object>> a, List<Map.Entry<String, Object>> b) {
    for (int i = 0; ; i++) {
      if (i >= a.size() || i >= b.size()) {
        return Integer.compare(a.size(), b.size());
      }
      int byName = a.get(i).getKey().compareTo(b.get(i).getKey());
      if (byName != 0) {
        return byName;
      }
      int byValue = Values.compare(a.get(i).getValue(), b.get(i).getValue());
      if (byValue != 0) {
        return byValue;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- queries

  public boolean isEmpty() {
    return members.isEmpty() && children.isEmpty();
  }

  /** Whether the path is a member (not merely a parent of members). */
  public boolean has(List<Element> path) {
    if (path.isEmpty()) {
      return false;
    }
    FieldSet level = this;
    for (int i = 0; i < path.size() - 1; i++) {
      level = level.children.get(path.get(i));
      if (level == null) {
        return false;
      }
    }
    return level.members.contains(path.get(path.size() - 1));
  }

  /** The paths below {@code element}, relative to it; empty when none. */
  public FieldSet withPrefix(Element element) {
    FieldSet child = children.get(element);
    return child == null ? EMPTY : child;
  }

  boolean hasMember(Element element) {
    return members.contains(element);
  }

  NavigableSet<Element> members() {
    return Collections.unmodifiableNavigableSet(members);
  }

  NavigableMap<Element, FieldSet> children() {
    return Collections.unmodifiableNavigableMap(children);
  }

  /** Whether every member path of {@code other} is a member path of this set. */
  boolean containsAll(FieldSet other) {
    if (other == this) {
      return true;
    }
    if (!members.containsAll(other.members)) {
      return false;
    }
    for (Map.Entry<Element, FieldSet> child : other.children.entrySet()) {
      FieldSet mine = children.get(child.getKey());
      if (mine == null || !mine.containsAll(child.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Every member path, members of a level before the paths below it (structured-merge-diff's iteration order). */
  public List<List<Element>> paths() {
    List<List<Element>> out = new ArrayList<>();
    iterate(new ArrayList<>(), out::add);
    return out;
  }

  private void iterate(List<Element> prefix, Consumer<List<Element>> sink) {
    for (Element member : members) {
      List<Element> path = new ArrayList<>(prefix);
      path.add(member);
      sink.accept(List.copyOf(path));
    }
    for (Map.Entry<Element, FieldSet> child : children.entrySet()) {
      prefix.add(child.getKey());
      child.getValue().iterate(prefix, sink);
      prefix.remove(prefix.size() - 1);
    }
  }

  // ---------------------------------------------------------------------------------------------- set algebra

  /**
   * The paths of both sets. When one holds the other, that one is the answer: a manager that changes again the
   * fields it already owns keeps its set, and the FieldsV1 already worked out for it.
   */
  public FieldSet union(FieldSet other) {
    if (other.isEmpty() || containsAll(other)) {
      return this;
    }
    if (isEmpty() || other.containsAll(this)) {
      return other;
    }
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    out.members.addAll(other.members);
    out.children.putAll(children);
    other.children.forEach((element, set) -> out.children.merge(element, set, FieldSet::union));
    return out;
  }

  public FieldSet intersection(FieldSet other) {
    if (isEmpty() || other.isEmpty()) {
      return EMPTY;
    }
    // The walk goes over the smaller side: a write's few changed fields against an owner's many.
    boolean fewerMembers = members.size() <= other.members.size();
    NavigableSet<Element> walked = fewerMembers ? members : other.members;
    NavigableSet<Element> probed = fewerMembers ? other.members : members;
    FieldSet out = new FieldSet();
    for (Element member : walked) {
      if (probed.contains(member)) {
        out.members.add(member);
      }
    }
    boolean fewerChildren = children.size() <= other.children.size();
    NavigableMap<Element, FieldSet> walkedChildren = fewerChildren ? children : other.children;
    NavigableMap<Element, FieldSet> probedChildren = fewerChildren ? other.children : children;
    walkedChildren.forEach((element, set) -> {
      FieldSet theirs = probedChildren.get(element);
      if (theirs != null) {
        out.putChild(element, set.intersection(theirs));
      }
    });
    return out;
  }

  /**
   * The members of this set that are not members of {@code other}; a path's children stay when only the path itself
   * is in {@code other}. Answers this very set when nothing is taken away, so an owner whose fields a write did not
   * touch keeps its set, and with it the FieldsV1 already worked out.
   */
  public FieldSet difference(FieldSet other) {
    return subtract(other, false);
  }

  /** Like {@link #difference}, but a member of {@code other} also removes everything below it. */
  public FieldSet recursiveDifference(FieldSet other) {
    return subtract(other, true);
  }

  private FieldSet subtract(FieldSet other, boolean recursive) {
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    FieldSet out = new FieldSet();
    boolean changed = false;
    for (Element member : members) {
      if (other.members.contains(member)) {
        changed = true;
      } else {
        out.members.add(member);
      }
    }
    for (Map.Entry<Element, FieldSet> child : children.entrySet()) {
      Element element = child.getKey();
      FieldSet set = child.getValue();
      if (recursive && other.members.contains(element)) {
        changed = true;
        continue;
      }
      FieldSet theirs = other.children.get(element);
      FieldSet kept = theirs == null ? set : set.subtract(theirs, recursive);
      changed |= kept != set;
      out.putChild(element, kept);
    }
    return changed ? out : this;
  }

  // ---------------------------------------------------------------------------------------------- building (package)

  /** Adds a path; only for code that builds a fresh set before handing it out. */
  void insert(List<Element> path) {
    if (path.isEmpty()) {
      return;
    }
    fieldsV1 = null;
    FieldSet level = this;
    for (int i = 0; i < path.size() - 1; i++) {
      level = level.children.computeIfAbsent(path.get(i), e -> new FieldSet());
    }
    level.members.add(path.get(path.size() - 1));
  }

  /** A set with this set's paths and {@code element} as a member. */
  FieldSet withMember(Element element) {
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    out.children.putAll(children);
    out.members.add(element);
    return out;
  }

  /** Builds a set level by level: the given members and children (empty children are left out). */
  static FieldSet level(Iterable<Element> levelMembers, Map<Element, FieldSet> levelChildren) {
    FieldSet out = new FieldSet();
    levelMembers.forEach(out.members::add);
    levelChildren.forEach(out::putChild);
    return out;
  }

  private void putChild(Element element, FieldSet set) {
    if (!set.isEmpty()) {
      children.put(element, set);
    }
  }

  // ---------------------------------------------------------------------------------------------- FieldsV1

  /**
   * The FieldsV1 form: one JSON key per element ({@code f:}, {@code k:}, {@code v:}, {@code i:}), an empty object
   * for a member without children, and {@code ".": {}} inside the object of a member that also has children.
   * Worked out once per set and shared: read the answer, never change it.
   */
  public JsonObject toFieldsV1() {
    if (fieldsV1 == null) {
      fieldsV1 = emit(false);
    }
    return fieldsV1;
  }

  private JsonObject emit(boolean includeSelf) {
    JsonObject out = new JsonObject();
    if (includeSelf && !isEmpty()) {
      out.put(".", new JsonObject());
    }
    TreeSet<Element> all = new TreeSet<>(ELEMENT_ORDER);
    all.addAll(members);
    all.addAll(children.keySet());
    for (Element element : all) {
      FieldSet child = children.get(element);
      if (child == null || child.isEmpty()) {
        out.put(serialize(element), new JsonObject());
      } else {
        out.put(serialize(element), child.emit(members.contains(element)));
      }
    }
    return out;
  }

  /** Parses FieldsV1; elements with an unknown prefix are skipped, as kube-apiserver does. */
  public static FieldSet fromFieldsV1(JsonObject json) {
    FieldSet set = new FieldSet();
    read(json, set);
    return set;
  }

  /**
   * Parses FieldsV1 that this server wrote itself and stored, which is already in the form {@link #toFieldsV1}
   * gives: the set keeps it, so a write that leaves an owner's set alone writes the same JSON back without working it
   * out again. The stored object is never changed, so sharing its JSON is safe.
   */
  static FieldSet fromStoredFieldsV1(JsonObject json) {
    FieldSet set = fromFieldsV1(json);
    set.fieldsV1 = json;
    return set;
  }

  /** Fills {@code into} with the content of {@code json}; answers whether {@code json} marks its path as a member. */
  private static boolean read(JsonObject json, FieldSet into) {
    boolean member = false;
    boolean anyChild = false;
    for (String key : json.fieldNames()) {
      if (key.equals(".")) {
        member = true;
        continue;
      }
      Element element = deserialize(key);
      if (element == null) {
        continue;
      }
      anyChild = true;
      Object value = json.getValue(key);
      JsonObject nested = value instanceof JsonObject o ? o : new JsonObject();
      FieldSet grandchildren = new FieldSet();
      if (read(nested, grandchildren)) {
        into.members.add(element);
      }
      into.putChild(element, grandchildren);
    }
    return member || !anyChild;
  }

  static String serialize(Element element) {
    if (element instanceof Field f) {
      return "f:" + f.name();
    }
    if (element instanceof Key k) {
      StringBuilder out = new StringBuilder("k:{");
      for (int i = 0; i < k.fields().size(); i++) {
        Map.Entry<String, Object> field = k.fields().get(i);
        if (i > 0) {
          out.append(',');
        }
        out.append(goJson(field.getKey())).append(':').append(goJson(field.getValue()));
      }
      return out.append('}').toString();
    }
    if (element instanceof Value v) {
      return "v:" + goJson(v.value());
    }
    return "i:" + ((Index) element).index();
  }

  static Element deserialize(String key) {
    if (key.length() < 2 || key.charAt(1) != ':') {
      throw new IllegalArgumentException("invalid path element: " + key);
    }
    String body = key.substring(2);
    switch (key.charAt(0)) {
      case 'f':
        return new Field(body);
      case 'v':
        return new Value(Json.decodeValue(body));
      case 'i':
        return new Index(Integer.parseInt(body));
      case 'k':
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        new JsonObject(body).forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
        return new Key(entries);
      default:
        return null;
    }
  }

  /** JSON as Go's encoding/json writes it: HTML-sensitive characters escaped. */
  private static String goJson(Object value) {
    String encoded = value instanceof String s ? new JsonArray().add(s).encode() : Json.encode(value);
    if (value instanceof String) {
      encoded = encoded.substring(1, encoded.length() - 1);
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
      encoded = new BigDecimal(d).toBigInteger().toString();
    }
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  // ---------------------------------------------------------------------------------------------- printing

  /** A path as kube prints it in conflicts: {@code .spec.containers[name="nginx"].image}. */
  public static String pathString(List<Element> path) {
    StringBuilder out = new StringBuilder();
    for (Element element : path) {
      if (element instanceof Field f) {
        out.append('.').append(f.name());
      } else if (element instanceof Key k) {
        out.append('[');
        for (int i = 0; i < k.fields().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(k.fields().get(i).getKey()).append('=').append(Values.toGoString(k.fields().get(i).getValue()));
        }
        out.append(']');
      } else if (element instanceof Value v) {
        out.append("[=").append(Values.toGoString(v.value())).append(']');
      } else {
        out.append('[').append(((Index) element).index()).append(']');
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet other && toFieldsV1().equals(other.toFieldsV1());
  }

  @Override
  public int hashCode() {
    return toFieldsV1().hashCode();
  }

  @Override
  public String toString() {
    return toFieldsV1().encode();
  }
}
