package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Request bodies in JSON, YAML or Kubernetes protobuf (what kubectl's typed clients send); anything else, CBOR
 * included, is refused with 415. The answer forms a client asks for with {@code Accept} are {@link Presentation}'s.
 */
final class Negotiation {

  /** A JSON, YAML or protobuf request body as one JSON value; 415 for CBOR and anything else. */
  static Object decode(String contentType, Buffer body) {
    String type = contentType == null ? "application/json" : contentType.split(";")[0].trim();
    if (body == null || body.length() == 0) {
      throw ApiError.badRequest("the request body is empty");
    }
    if (type.endsWith("yaml")) {
      return fromYaml(body.toString());
    }
    if (ProtobufBodies.isProtobuf(type)) {
      return ProtobufBodies.decode(body);
    }
    if (type.equals("application/json") || type.endsWith("+json")) {
      try {
        return body.toJsonValue();
      } catch (DecodeException e) {
        throw ApiError.badRequest("error decoding the request body as JSON: " + firstLine(e.getMessage()));
      }
    }
    throw ApiError.unsupportedMediaType(type);
  }

  /** A body that must be one object (creates and updates). */
  static JsonObject decodeObject(String contentType, Buffer body) {
    Object value = decode(contentType, body);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ApiError.badRequest("the request body is not a JSON object");
  }

  static Object fromYaml(String text) {
    try {
      Object loaded = new Load(LoadSettings.builder().build()).loadFromString(text);
      return toJson(loaded);
    } catch (YamlEngineException | ClassCastException e) {
      throw ApiError.badRequest("error decoding YAML: " + firstLine(e.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Object toJson(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      ((Map<Object, Object>) map).forEach((k, v) -> object.put(String.valueOf(k), toJson(v)));
      return object;
    }
    if (yaml instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(v -> array.add(toJson(v)));
      return array;
    }
    if (yaml instanceof java.math.BigInteger big) {
      return big.longValue();
    }
    return yaml;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
