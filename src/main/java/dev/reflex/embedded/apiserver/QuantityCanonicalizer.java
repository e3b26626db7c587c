package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;

/**
 * The quantities of a built-in object in the form kube-apiserver stores them: it decodes a built-in object into
 * Go structs, whose {@code resource.Quantity} fields encode back canonically, so an HPA's {@code value: 1200000m}
 * reads back as {@code 1200} ({@code kubectl get hpa} shows {@code 700/1200}) and a pod's {@code cpu: 0.5} as
 * {@code 500m}. Custom resources keep what was written, as there. A value that is not a valid quantity is left for
 * validation to report.
 */
final class QuantityCanonicalizer {

  private QuantityCanonicalizer() {
  }

  /** Rewrites, in place, every quantity of {@code x} that {@code raw} (a built-in schema) declares. */
  static void canonicalize(Object x, JsonObject raw, SchemaContext ctx) {
    SchemaView s = SchemaView.of(raw, ctx);
    if (s == null) {
      return;
    }
    if (x instanceof JsonObject object) {
      for (String k : new ArrayList<>(object.fieldNames())) {
        JsonObject fieldSchema = s.property(k) != null ? s.property(k) : s.additionalPropertiesSchema();
        SchemaView fs = SchemaView.of(fieldSchema, ctx);
        Object v = object.getValue(k);
        if (fs != null && fs.quantity()) {
          Quantity.canonical(v).ifPresent(c -> object.put(k, c));
        } else {
          canonicalize(v, fieldSchema, ctx);
        }
      }
    } else if (x instanceof JsonArray array) {
      SchemaView items = SchemaView.of(s.items(), ctx);
      for (int i = 0; i < array.size(); i++) {
        if (items != null && items.quantity()) {
          int at = i;
          Quantity.canonical(array.getValue(i)).ifPresent(c -> array.set(at, c));
        } else {
          canonicalize(array.getValue(i), s.items(), ctx);
        }
      }
    }
  }
}
