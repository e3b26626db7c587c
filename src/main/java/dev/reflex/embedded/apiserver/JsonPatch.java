package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * JSON patch ({@code application/json-patch+json}, RFC 6902) as kube-apiserver applies it, through evanphx/json-patch
 * v4: the operations run in order on a copy, and the first that fails refuses the whole patch (422, its reason in
 * {@link PatchException#detail()}). Where that library departs from the RFC, this follows the library, since that is
 * what a client of kube sees:
 * <ul>
 *   <li>{@code replace} of an object member that does not exist adds it; {@code copy} from a missing member adds
 *       {@code null}; {@code test} of a missing member passes when the expected value is {@code null};</li>
 *   <li>negative array indices count from the end ({@code -1} is the last element; for {@code add}, {@code -1}
 *       appends);</li>
 *   <li>a pointer is split on {@code /} and its first segment ignored, so {@code a/b} means {@code /b}; the empty
 *       pointer (the whole document) works only for {@code replace} and {@code test};</li>
 *   <li>an operation without {@code value} uses {@code null}.</li>
 * </ul>
 */
public final class JsonPatch {

  /** kube-apiserver's {@code maxJSONPatchOperations}. */
  public static final int MAX_OPERATIONS = 10000;

  private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");

  private JsonPatch() {
  }

  /**
   * The operations of a request body: 400 unless it is a JSON array of objects ({@code null} is an empty patch, as
   * in Go), 413 past {@link #MAX_OPERATIONS}.
   */
  public static JsonArray decode(String body) {
    Object parsed = PatchValues.parse(body);
    if (parsed == PatchValues.NOT_JSON) {
      throw PatchException.badRequest("invalid JSON patch");
    }
    if (parsed == null) {
      return new JsonArray();
    }
    if (!(parsed instanceof JsonArray operations)) {
      throw PatchException.badRequest("json: cannot unmarshal " + PatchValues.jsonKind(parsed)
          + " into Go value of type jsonpatch.Patch");
    }
    for (Object operation : operations) {
      if (operation != null && !(operation instanceof JsonObject)) {
        throw PatchException.badRequest("json: cannot unmarshal " + PatchValues.jsonKind(operation)
            + " into Go value of type jsonpatch.Operation");
      }
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw PatchException.entityTooLarge("The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS
          + ", got " + operations.size());
    }
    return operations;
  }

  /** The document after all operations; neither input is modified. */
  public static JsonObject apply(JsonObject document, JsonArray operations) {
    Object[] root = {document.copy()};
    for (Object operation : operations) {
      JsonObject op = operation instanceof JsonObject o ? o : new JsonObject();
      String failure = applyOne(root, op);
      if (failure != null) {
        throw PatchException.unprocessable(failure);
      }
    }
    if (!(root[0] instanceof JsonObject result)) {
      throw PatchException.invalidResult(FieldError.invalid("patch", ((JsonArray) root[0]).encode(),
          "json: cannot unmarshal array into Go value of type map[string]interface {}"));
    }
    return result;
  }

  /** Decodes and applies a request body. */
  public static JsonObject apply(JsonObject document, String body) {
    return apply(document, decode(body));
  }

  /** Runs one operation on {@code root[0]}; the library's error text, or null when it applied. */
  private static String applyOne(Object[] root, JsonObject op) {
    String kind = op.getValue("op") instanceof String s ? s : "unknown";
    return switch (kind) {
      case "add" -> add(root, op);
      case "remove" -> remove(root, op);
      case "replace" -> replace(root, op);
      case "move" -> move(root, op);
      case "copy" -> copy(root, op);
      case "test" -> test(root, op);
      default -> "Unexpected kind: " + kind;
    };
  }

  private static String add(Object[] root, JsonObject op) {
    String path = pointer(op, "path");
    if (path == null) {
      return "add operation failed to decode path: missing value";
    }
    Slot slot = Slot.find(root[0], path);
    if (slot == null) {
      return "add operation does not apply: doc is missing path: \"" + path + "\": missing value";
    }
    String error = slot.add(PatchValues.copy(op.getValue("value")));
    return error == null ? null : "error in add for path: '" + path + "': " + error;
  }

  private static String remove(Object[] root, JsonObject op) {
    String path = pointer(op, "path");
    if (path == null) {
      return "remove operation failed to decode path: missing value";
    }
    Slot slot = Slot.find(root[0], path);
    if (slot == null) {
      return "remove operation does not apply: doc is missing path: \"" + path + "\": missing value";
    }
    String error = slot.remove();
    return error == null ? null : "error in remove for path: '" + path + "': " + error;
  }

  private static String replace(Object[] root, JsonObject op) {
    String path = pointer(op, "path");
    if (path == null) {
      return "replace operation failed to decode path: " + pointerError(op, "path");
    }
    Object value = PatchValues.copy(op.getValue("value"));
    if (path.isEmpty()) {
      if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
        return "replace operation value must be object or array: %!w(<nil>)";
      }
      root[0] = value;
      return null;
    }
    Slot slot = Slot.find(root[0], path);
    if (slot == null) {
      return "replace operation does not apply: doc is missing path: " + path + ": missing value";
    }
    if (slot.get() instanceof Missing) {
      return "replace operation does not apply: doc is missing key: " + path + ": missing value";
    }
    slot.set(value);
    return null;
  }

  private static String move(Object[] root, JsonObject op) {
    String from = pointer(op, "from");
    if (from == null) {
      return "move operation failed to decode from: " + pointerError(op, "from");
    }
    Slot source = Slot.find(root[0], from);
    if (source == null) {
      return "move operation does not apply: doc is missing from path: " + from + ": missing value";
    }
    Object value = source.get();
    if (value instanceof Missing missing) {
      return "error in move for path: '" + source.key + "': " + missing.reason;
    }
    String error = source.remove();
    if (error != null) {
      return "error in move for path: '" + source.key + "': " + error;
    }
    String path = pointer(op, "path");
    if (path == null) {
      return "move operation failed to decode path: " + pointerError(op, "path");
    }
    Slot target = Slot.find(root[0], path);
    if (target == null) {
      return "move operation does not apply: doc is missing destination path: " + path + ": missing value";
    }
    error = target.add(value);
    return error == null ? null : "error in move for path: '" + path + "': " + error;
  }

  private static String copy(Object[] root, JsonObject op) {
    String from = pointer(op, "from");
    if (from == null) {
      return "copy operation failed to decode from: " + pointerError(op, "from");
    }
    Slot source = Slot.find(root[0], from);
    if (source == null) {
      return "copy operation does not apply: doc is missing from path: " + from + ": missing value";
    }
    Object value = source.get();
    if (value instanceof Missing missing) {
      return "error in copy for from: '" + from + "': " + missing.reason;
    }
    String path = pointer(op, "path");
    if (path == null) {
      return "copy operation failed to decode path: missing value";
    }
    Slot target = Slot.find(root[0], path);
    if (target == null) {
      return "copy operation does not apply: doc is missing destination path: " + path + ": missing value";
    }
    String error = target.add(PatchValues.copy(value));
    return error == null ? null : "error while adding value during copy: " + error;
  }

  private static String test(Object[] root, JsonObject op) {
    String path = pointer(op, "path");
    if (path == null) {
      return "test operation failed to decode path: " + pointerError(op, "path");
    }
    Object expected = op.getValue("value");
    String failed = "testing value " + path + " failed: test failed";
    if (path.isEmpty()) {
      return PatchValues.deepEquals(root[0], expected) ? null : failed;
    }
    Slot slot = Slot.find(root[0], path);
    if (slot == null) {
      return "test operation does not apply: is missing path: " + path + ": missing value";
    }
    Object actual = slot.get();
    if (actual instanceof Missing missing) {
      return "error in test for path: '" + path + "': " + missing.reason;
    }
    if (actual == null || expected == null) {
      return actual == expected ? null : failed;
    }
    return PatchValues.deepEquals(actual, expected) ? null : failed;
  }

  /** The pointer in {@code field}, or null when it is absent, null or not a string. */
  private static String pointer(JsonObject op, String field) {
    return op.getValue(field) instanceof String s ? s : null;
  }

  private static String pointerError(JsonObject op, String field) {
    Object value = op.getValue(field);
    if (value == null) {
      return "path".equals(field) ? "operation missing path field: missing value"
          : "operation, missing from field: missing value";
    }
    return "json: cannot unmarshal " + PatchValues.jsonKind(value) + " into Go value of type string";
  }

  /** A value {@link Slot#get} could not reach: an array index that is not one, or out of bounds. */
  private record Missing(String reason) {
  }

  /**
   * The last step of a pointer: the container found by walking all segments but the last (objects by member,
   * arrays by index, a missing or scalar step meaning "no such path"), and the last segment, unescaped.
   */
  private static final class Slot {
    private final Object container;
    private final String key;

    private Slot(Object container, String key) {
      this.container = container;
      this.key = key;
    }

    static Slot find(Object root, String path) {
      String[] segments = path.split("/", -1);
      if (segments.length < 2) {
        return null;
      }
      Object current = root;
      for (int i = 1; i < segments.length - 1; i++) {
        Object next = new Slot(current, unescape(segments[i])).get();
        if (!(next instanceof JsonObject) && !(next instanceof JsonArray)) {
          return null;
        }
        current = next;
      }
      return new Slot(current, unescape(segments[segments.length - 1]));
    }

    /** The member or element; null for an absent object member, as Go's map lookup. */
    Object get() {
      if (container instanceof JsonObject object) {
        return object.getValue(key);
      }
      JsonArray array = (JsonArray) container;
      Object index = index(key);
      if (index instanceof String error) {
        return new Missing(error);
      }
      long i = (Long) index;
      if (i < 0) {
        if (i < -array.size()) {
          return new Missing(invalidIndex(i));
        }
        i += array.size();
      }
      return i >= array.size() ? new Missing(invalidIndex(i)) : array.getValue((int) i);
    }

    /** Replaces an element or member that {@link #get} found. */
    void set(Object value) {
      if (container instanceof JsonObject object) {
        object.put(key, value);
        return;
      }
      JsonArray array = (JsonArray) container;
      long i = (Long) index(key);
      array.set((int) (i < 0 ? i + array.size() : i), value);
    }

    String add(Object value) {
      if (container instanceof JsonObject object) {
        object.put(key, value);
        return null;
      }
      JsonArray array = (JsonArray) container;
      if ("-".equals(key)) {
        array.add(value);
        return null;
      }
      Object index = index(key);
      if (index instanceof String error) {
        return "value was not a proper array index: '" + key + "': " + error;
      }
      long i = (Long) index;
      int grown = array.size() + 1;
      if (i >= grown || i < -grown) {
        return invalidIndex(i);
      }
      array.add((int) (i < 0 ? i + grown : i), value);
      return null;
    }

    String remove() {
      if (container instanceof JsonObject object) {
        if (!object.containsKey(key)) {
          return "Unable to remove nonexistent key: " + key + ": missing value";
        }
        object.remove(key);
        return null;
      }
      JsonArray array = (JsonArray) container;
      Object index = index(key);
      if (index instanceof String error) {
        return error;
      }
      long i = (Long) index;
      if (i >= array.size() || i < -array.size()) {
        return invalidIndex(i);
      }
      array.remove((int) (i < 0 ? i + array.size() : i));
      return null;
    }

    /** Go's {@code strconv.Atoi} of an array segment: the index, or its error text. */
    private static Object index(String key) {
      if (!GO_INT.matcher(key).matches()) {
        return "strconv.Atoi: parsing \"" + key + "\": invalid syntax";
      }
      try {
        return Long.parseLong(key.startsWith("+") ? key.substring(1) : key);
      } catch (NumberFormatException e) {
        return "strconv.Atoi: parsing \"" + key + "\": value out of range";
      }
    }

    private static String invalidIndex(long index) {
      return "Unable to access invalid index: " + index + ": invalid index referenced";
    }

    private static String unescape(String segment) {
      return segment.replace("~1", "/").replace("~0", "~");
    }
  }
}
