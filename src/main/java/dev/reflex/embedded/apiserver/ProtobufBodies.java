package dev.reflex.embedded.apiserver;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.reflex.core.GoDuration;
import dev.reflex.objects.Timestamps;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V2beta2Autoscaling;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Request bodies in Kubernetes' protobuf encoding ({@code application/vnd.kubernetes.protobuf}), which kubectl's
 * typed clients send for built-in kinds ({@code kubectl create deployment}, {@code kubectl autoscale}, …) and do
 * not retry as JSON when refused. A body is the magic {@code k8s\0} and a {@code runtime.Unknown} holding the
 * type and the message; the message is decoded with the descriptors of Kubernetes' generated.proto into the
 * JSON the rest of the server works on. Protobuf field numbers never change between releases, so the
 * descriptors decode every field they know; fields newer than them are dropped, which kubectl's generators do not
 * set.
 */
final class ProtobufBodies {

  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";

  /** API group version to the proto package holding its messages; autoscaling/v2 kept v2beta2's numbering. */
  private static final Map<String, FileDescriptor> FILES = Map.ofEntries(
      Map.entry("v1", V1.getDescriptor()),
      Map.entry("apps/v1", V1Apps.getDescriptor()),
      Map.entry("batch/v1", V1Batch.getDescriptor()),
      Map.entry("autoscaling/v1", V1Autoscaling.getDescriptor()),
      Map.entry("autoscaling/v2", V2beta2Autoscaling.getDescriptor()),
      Map.entry("rbac.authorization.k8s.io/v1", V1Rbac.getDescriptor()),
      Map.entry("admissionregistration.k8s.io/v1", V1Admissionregistration.getDescriptor()),
      Map.entry("authentication.k8s.io/v1", V1Authentication.getDescriptor()),
      Map.entry("authorization.k8s.io/v1", V1Authorization.getDescriptor()),
      Map.entry("networking.k8s.io/v1", V1Networking.getDescriptor()),
      Map.entry("policy/v1", V1Policy.getDescriptor()));

  private ProtobufBodies() {
  }

  static boolean isProtobuf(String contentType) {
    return contentType != null && contentType.startsWith(CONTENT_TYPE);
  }

  /**
   * The JSON object of a protobuf body.
   *
   * @throws ApiError 400 for a malformed body, 415 for a kind the server has no message descriptor for
   */
  static JsonObject decode(Buffer body) {
    byte[] bytes = body.getBytes();
    if (bytes.length < MAGIC.length || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 4), MAGIC)) {
      throw ApiError.badRequest("the protobuf body does not start with the Kubernetes magic number");
    }
    try {
      Runtime.Unknown unknown = Runtime.Unknown.parseFrom(java.util.Arrays.copyOfRange(bytes, 4, bytes.length));
      String apiVersion = unknown.getTypeMeta().getApiVersion();
      String kind = unknown.getTypeMeta().getKind();
      FileDescriptor file = FILES.get(apiVersion);
      Descriptor descriptor = file == null ? null : file.findMessageTypeByName(kind);
      if (descriptor == null) {
        throw ApiError.unsupportedMediaType(CONTENT_TYPE);
      }
      JsonObject object = toJson(DynamicMessage.parseFrom(descriptor, unknown.getRaw()));
      return object.put("apiVersion", apiVersion).put("kind", kind);
    } catch (InvalidProtocolBufferException e) {
      throw ApiError.badRequest("the protobuf body cannot be decoded: " + e.getMessage());
    }
  }

  private static JsonObject toJson(Message message) {
    JsonObject object = new JsonObject();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      Object value;
      if (field.isMapField()) {
        JsonObject map = new JsonObject();
        for (Object e : (List<?>) entry.getValue()) {
          Message pair = (Message) e;
          FieldDescriptor keyField = pair.getDescriptorForType().findFieldByName("key");
          FieldDescriptor valueField = pair.getDescriptorForType().findFieldByName("value");
          map.put(String.valueOf(pair.getField(keyField)), value(valueField, pair.getField(valueField)));
        }
        value = map;
      } else if (field.isRepeated()) {
        JsonArray array = new JsonArray();
        ((List<?>) entry.getValue()).forEach(v -> array.add(value(field, v)));
        value = array;
      } else {
        value = value(field, entry.getValue());
      }
      // Go's protobuf messages carry every string, empty or not, and every plain scalar; their JSON leaves empty
      // strings and the zero scalars of omitempty fields out.
      if (INLINED.contains(field.getName()) && value instanceof JsonObject inlined) {
        // An embedded Go struct: a field of its own in protobuf, its fields at this level in JSON.
        inlined.forEach(e -> object.put(e.getKey(), e.getValue()));
      } else if (value != null && !"".equals(value) && !omittedZero(field.getName(), value)) {
        object.put(field.getName(), value);
      }
    }
    return object;
  }

  /**
   * The fields of Go structs embedded {@code json:",inline"} (an IngressRule's {@code http}, a Volume's source,
   * an ephemeral container's container fields).
   */
  private static final java.util.Set<String> INLINED = java.util.Set.of("ingressRuleValue", "volumeSource",
      "persistentVolumeSource", "ephemeralContainerCommon");

  /** Plain (non-pointer) omitempty scalars kubectl's generators leave at zero. */
  private static final java.util.Set<String> OMITEMPTY_SCALARS = java.util.Set.of("generation", "hostPort",
      "stdin", "stdinOnce", "tty", "hostNetwork", "hostPID", "hostIPC", "hostUsers", "readOnly");

  private static boolean omittedZero(String name, Object value) {
    return OMITEMPTY_SCALARS.contains(name) && (Boolean.FALSE.equals(value) || Long.valueOf(0).equals(value)
        || Integer.valueOf(0).equals(value));
  }

  private static Object value(FieldDescriptor field, Object value) {
    if (value instanceof Message message) {
      return special(message);
    }
    if (value instanceof ByteString bytes) {
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
    if (value instanceof com.google.protobuf.Descriptors.EnumValueDescriptor e) {
      return e.getName();
    }
    return value;
  }

  /** The types whose JSON form is not their message form: quantities, int-or-strings, times, raw JSON. */
  private static Object special(Message message) {
    String type = message.getDescriptorForType().getFullName();
    switch (type) {
      case "k8s.io.apimachinery.pkg.api.resource.Quantity":
        return field(message, "string");
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString": {
        Object kind = field(message, "type");
        return kind instanceof Long l && l == 1 ? field(message, "strVal") : field(message, "intVal");
      }
      case META + "Time", META + "MicroTime": {
        long seconds = (Long) field(message, "seconds");
        int nanos = (Integer) field(message, "nanos");
        if (seconds == 0 && nanos == 0) {
          return null;
        }
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        return type.endsWith("MicroTime") ? instant.toString() : Timestamps.format(instant);
      }
      case META + "Duration":
        return GoDuration.format(Duration.ofNanos((Long) field(message, "duration")));
      case "k8s.io.apimachinery.pkg.runtime.RawExtension", META + "FieldsV1": {
        ByteString raw = (ByteString) message.getAllFields().entrySet().stream()
            .filter(e -> e.getKey().getType() == FieldDescriptor.Type.BYTES).map(Map.Entry::getValue).findFirst()
            .orElse(ByteString.EMPTY);
        return raw.isEmpty() ? null : Buffer.buffer(raw.toByteArray()).toJsonValue();
      }
      default:
        return toJson(message);
    }
  }

  private static Object field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    return field == null ? null : message.getField(field);
  }

}
