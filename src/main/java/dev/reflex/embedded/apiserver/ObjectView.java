package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * How stored objects are shown to one client: converted to the version the request named (autoscaling/v1 of a
 * stored autoscaling/v2 HPA, another version of a custom resource) and put in the form it accepts (plain JSON, one
 * Table row, PartialObjectMetadata). When neither applies the stored JSON bytes are sent as they are.
 */
final class ObjectView {

  private final ResourceType type;
  private final UnaryOperator<JsonObject> toVersion;
  private final FormEncoder form;

  /** Encodes one converted object in a non-JSON form (a single-row Table, PartialObjectMetadata). */
  interface FormEncoder {
    JsonObject encode(JsonObject object);
  }

  ObjectView(ResourceType type, UnaryOperator<JsonObject> toVersion, FormEncoder form) {
    this.type = type;
    this.toVersion = toVersion;
    this.form = form;
  }

  ResourceType type() {
    return type;
  }

  /** Whether the stored bytes can be sent unchanged. */
  boolean identity(StoredObject stored) {
    return form == null && toVersion == null
        && type.groupVersion().equals(stored.object().getString("apiVersion"));
  }

  /** The object as this client sees it. */
  JsonObject object(StoredObject stored) {
    JsonObject object = stored.object();
    if (toVersion != null) {
      object = toVersion.apply(object.copy());
    } else if (!type.groupVersion().equals(object.getString("apiVersion"))) {
      object = object.copy().put("apiVersion", type.groupVersion());
    }
    return form == null ? object : form.encode(object);
  }

  Buffer encode(StoredObject stored) {
    return identity(stored) ? stored.json() : object(stored).toBuffer();
  }
}
