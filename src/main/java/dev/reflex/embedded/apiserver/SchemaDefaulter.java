package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;

/**
 * Structural defaulting as kube-apiserver applies it to custom resources before validation: a property's
 * {@code default} fills it when absent (or null where null is not allowed), inside every object that exists,
 * array items and additionalProperties values included; an absent parent is not created to hold a default.
 */
final class SchemaDefaulter {

  private SchemaDefaulter() {
  }

  /**
   * Removes object fields that are null although their schema is not nullable and has no default (kube drops them
   * while decoding, so they neither fail validation nor get stored).
   */
  static void dropDisallowedNulls(Object x, JsonObject raw, SchemaContext ctx) {
    SchemaView s = SchemaView.of(raw, ctx);
    if (x instanceof JsonObject object) {
      for (String k : new ArrayList<>(object.fieldNames())) {
        JsonObject fieldSchema = s == null ? null : s.property(k) != null ? s.property(k)
            : s.additionalPropertiesSchema();
        SchemaView fs = SchemaView.of(fieldSchema, ctx);
        Object v = object.getValue(k);
        if (v == null && fs != null && !fs.nullable() && !fs.hasDefault()) {
          object.remove(k);
        } else {
          dropDisallowedNulls(v, fieldSchema, ctx);
        }
      }
    } else if (x instanceof JsonArray array) {
      JsonObject items = s == null ? null : s.items();
      for (Object item : array) {
        dropDisallowedNulls(item, items, ctx);
      }
    }
  }

  /** Applies the schema's defaults to the object in place (defaults are copied, never shared). */
  static void applyDefaults(Object x, JsonObject raw, SchemaContext ctx) {
    SchemaView s = SchemaView.of(raw, ctx);
    if (s == null) {
      return;
    }
    if (x instanceof JsonObject object) {
      JsonObject props = s.properties();
      for (String name : props.fieldNames()) {
        SchemaView prop = SchemaView.of(props.getJsonObject(name), ctx);
        if (prop.hasDefault() && (!object.containsKey(name) || isDisallowedNull(object.getValue(name), prop))) {
          object.put(name, JsonValues.copy(prop.defaultValue()));
        }
      }
      for (String k : new ArrayList<>(object.fieldNames())) {
        if (props.containsKey(k)) {
          applyDefaults(object.getValue(k), props.getJsonObject(k), ctx);
        } else if (s.additionalPropertiesSchema() != null) {
          SchemaView values = SchemaView.of(s.additionalPropertiesSchema(), ctx);
          if (isDisallowedNull(object.getValue(k), values)) {
            object.put(k, JsonValues.copy(values.defaultValue()));
          }
          applyDefaults(object.getValue(k), s.additionalPropertiesSchema(), ctx);
        }
      }
    } else if (x instanceof JsonArray array && s.items() != null) {
      SchemaView items = SchemaView.of(s.items(), ctx);
      for (int i = 0; i < array.size(); i++) {
        if (isDisallowedNull(array.getValue(i), items)) {
          array.set(i, JsonValues.copy(items.defaultValue()));
        }
        applyDefaults(array.getValue(i), s.items(), ctx);
      }
    }
  }

  private static boolean isDisallowedNull(Object value, SchemaView s) {
    return value == null && s != null && !s.nullable();
  }
}
