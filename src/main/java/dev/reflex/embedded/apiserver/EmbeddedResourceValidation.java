package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What kube-apiserver checks of an {@code x-kubernetes-embedded-resource} below the object's root: apiVersion and
 * kind are present and well formed, and metadata passes ObjectMeta's checks with path-segment names (an empty name
 * is allowed there).
 */
final class EmbeddedResourceValidation {

  private EmbeddedResourceValidation() {
  }

  static List<FieldError> validate(JsonObject object, JsonObject rootSchema, SchemaContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    if (rootSchema != null) {
      walk(object, rootSchema, ctx, "", errors);
    }
    return errors;
  }

  private static void walk(Object x, JsonObject raw, SchemaContext ctx, String path, List<FieldError> errors) {
    SchemaView s = SchemaView.of(raw, ctx);
    if (s == null) {
      return;
    }
    if (x instanceof JsonObject object) {
      if (s.embeddedResource() && !path.isEmpty()) {
        errors.addAll(embedded(object, path));
      }
      for (String k : object.fieldNames()) {
        JsonObject prop = s.property(k);
        if (prop != null) {
          walk(object.getValue(k), prop, ctx, FieldPaths.child(path, k), errors);
        } else if (s.additionalPropertiesSchema() != null) {
          walk(object.getValue(k), s.additionalPropertiesSchema(), ctx, FieldPaths.key(path, k), errors);
        }
      }
    } else if (x instanceof JsonArray array && s.items() != null) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.getValue(i), s.items(), ctx, FieldPaths.index(path, i), errors);
      }
    }
  }

  private static List<FieldError> embedded(JsonObject x, String path) {
    List<FieldError> errs = new ArrayList<>();
    String apiVersionPath = FieldPaths.child(path, "apiVersion");
    String kindPath = FieldPaths.child(path, "kind");
    if (!x.containsKey("apiVersion")) {
      errs.add(FieldError.required(apiVersionPath, ""));
    }
    if (!x.containsKey("kind")) {
      errs.add(FieldError.required(kindPath, ""));
    }
    for (String k : x.fieldNames()) {
      Object v = x.getValue(k);
      switch (k) {
        case "apiVersion" -> {
          if (!(v instanceof String apiVersion)) {
            errs.add(FieldError.invalid(apiVersionPath, GoText.shown(v), "must be a string"));
          } else if (apiVersion.isEmpty()) {
            errs.add(FieldError.invalid(apiVersionPath, apiVersion, "must not be empty"));
          } else if (apiVersion.chars().filter(c -> c == '/').count() > 1) {
            errs.add(FieldError.invalid(apiVersionPath, apiVersion, "unexpected GroupVersion string: " + apiVersion));
          }
        }
        case "kind" -> {
          if (!(v instanceof String kind)) {
            errs.add(FieldError.invalid(kindPath, GoText.shown(v), "must be a string"));
          } else if (kind.isEmpty()) {
            errs.add(FieldError.invalid(kindPath, kind, "must not be empty"));
          } else {
            List<String> problems = NameRules.dns1035Label(kind.toLowerCase());
            if (!problems.isEmpty()) {
              errs.add(FieldError.invalid(kindPath, kind,
                  "may have mixed case, but should otherwise match: " + String.join(",", problems)));
            }
          }
        }
        case "metadata" -> {
          if (v instanceof JsonObject meta) {
            JsonObject named = meta.copy();
            if (text(named, "name").isEmpty()) {
              named.put("name", "fakename");
            }
            boolean namespaced = !text(named, "namespace").isEmpty();
            errs.addAll(ObjectMetaValidation.validate(FieldPaths.child(path, "metadata"), named, namespaced,
                ObjectMetaValidation.NameRule.PATH_SEGMENT));
          }
        }
        default -> {
        }
      }
    }
    return errs;
  }

  private static String text(JsonObject meta, String key) {
    return meta.getValue(key) == null ? "" : String.valueOf(meta.getValue(key));
  }
}
