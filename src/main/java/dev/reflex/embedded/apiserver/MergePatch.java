package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * JSON merge patch ({@code application/merge-patch+json}, RFC 7386) as kube-apiserver applies it, through
 * evanphx/json-patch v4's {@code MergePatch}: objects merge recursively, {@code null} deletes a member, arrays and
 * scalars replace. Where the patch brings in a value that has nothing to merge with (a new member, or one whose
 * current value is not an object), the library drops the {@code null} members inside it, also inside objects that
 * sit in arrays; an array that replaces an object is taken as it is. Inputs are never modified.
 */
public final class MergePatch {

  private MergePatch() {
  }

  /** The target with the patch merged in. */
  public static JsonObject apply(JsonObject target, JsonObject patch) {
    JsonObject result = target.copy();
    mergeInto(result, patch.copy());
    return result;
  }

  /**
   * Decodes a request body and applies it. A body that is not JSON, {@code null} or a scalar is refused with 400 as
   * kube does; an array is a valid merge patch that replaces the whole document, which then does not decode into an
   * object: 422.
   */
  public static JsonObject apply(JsonObject target, String body) {
    return applyTo(target.copy(), body);
  }

  /**
   * {@link #apply(JsonObject, String)} into {@code owned} itself, for a caller that holds its own copy of the target
   * (the write path copies the stored object once; copying it again here was a tenth of a patch).
   */
  static JsonObject applyTo(JsonObject owned, String body) {
    Object patch = PatchValues.parse(body);
    if (patch == PatchValues.NOT_JSON) {
      throw PatchException.badRequest("invalid JSON patch");
    }
    if (patch instanceof JsonObject object) {
      // Decoded just now, so the patch is ours as well.
      mergeInto(owned, object);
      return owned;
    }
    if (patch instanceof JsonArray array) {
      JsonArray replaced = PatchValues.pruneNulls(array.copy());
      throw PatchException.invalidResult(FieldError.invalid("patch", replaced.encode(),
          "json: cannot unmarshal array into Go value of type map[string]interface {}"));
    }
    throw PatchException.badRequest("Invalid JSON Patch");
  }

  private static void mergeInto(JsonObject doc, JsonObject patch) {
    for (Map.Entry<String, Object> e : patch) {
      String key = e.getKey();
      Object value = e.getValue();
      Object current = doc.getValue(key);
      if (value == null) {
        doc.remove(key);
      } else if (current == null) {
        doc.put(key, PatchValues.pruneNulls(value));
      } else {
        doc.put(key, merge(current, value));
      }
    }
  }

  private static Object merge(Object current, Object patch) {
    if (!(current instanceof JsonObject currentObject)) {
      return PatchValues.pruneNulls(patch);
    }
    if (!(patch instanceof JsonObject patchObject)) {
      return patch;
    }
    mergeInto(currentObject, patchObject);
    return currentObject;
  }
}
